import { nextAnnouncementAfter } from '../arxiv/schedule';
import { dateFormat } from './date-format';
import { localDayKey, type CalendarOptions } from './day-groups';

const DAY_MS = 24 * 60 * 60 * 1000;
const NEW_YORK = 'America/New_York';

const weekdayOf = (instant: number, options: CalendarOptions) =>
  dateFormat(options.locale, { weekday: 'long', timeZone: options.timeZone }).format(instant);

/** '20:00' or '8:00 PM', as the reader's locale writes a time, in the reader's zone. */
export function clockTime(instant: number, options: CalendarOptions = {}): string {
  // 24-hour locales pad the hour (02:00); 12-hour ones do not (2:00 AM).
  const twelveHour = /h1[12]/.test(dateFormat(options.locale, { hour: 'numeric' }).resolvedOptions().hourCycle ?? '');
  return dateFormat(options.locale, { hour: twelveHour ? 'numeric' : '2-digit', minute: '2-digit', timeZone: options.timeZone }).format(instant);
}

/**
 * Which announcement, seen from the reader's day: "tonight’s", "today’s", "tomorrow’s" or
 * "Sunday's". In Tokyo the 20:00 New York announcement falls on the next morning.
 */
export function announcementDay(announcement: number, now: number, options: CalendarOptions = {}): string {
  const day = localDayKey(announcement, options.timeZone);
  const today = localDayKey(now, options.timeZone);
  if (day === today) {
    const hour = Number(dateFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: options.timeZone }).format(announcement));
    return hour >= 17 ? "tonight’s" : "today’s";
  }
  const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  if (day === tomorrow) return "tomorrow’s";
  return `${weekdayOf(announcement, options)}'s`;
}

export interface QuietDays {
  /** When the next announcement is, in the reader's own time: 'Sunday 20:00' or 'Monday 02:00'. */
  nextLocal: string;
  /** The same instant in New York, where arXiv keeps its clock: 'Sunday 20:00'. */
  nextNewYork: string;
  /** True when the reader's clock and New York's agree. */
  sameClock: boolean;
}

/**
 * From Thursday's announcement to Sunday's, arXiv announces nothing: the feed is quiet on
 * purpose. Null on any other day.
 */
export function quietDays(now: number, options: CalendarOptions = {}): QuietDays | null {
  const next = nextAnnouncementAfter(new Date(now)).getTime();
  if (next - now <= DAY_MS) return null;
  const nextLocal = `${weekdayOf(next, options)} ${clockTime(next, options)}`;
  const newYork = { locale: options.locale, timeZone: NEW_YORK };
  const nextNewYork = `${weekdayOf(next, newYork)} ${clockTime(next, newYork)}`;
  return { nextLocal, nextNewYork, sameClock: nextLocal === nextNewYork };
}
