/** Cards under day headings: Today, Yesterday, then dates, in the reader's own calendar. */
import { dateFormat } from './date-format';

export interface DayGroup<T> {
  /** The local calendar day, YYYY-MM-DD. */
  key: string;
  label: string;
  items: T[];
}

export interface CalendarOptions {
  locale?: string;
  /** The reader's time zone; the browser's when absent (tests pass one). */
  timeZone?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const dayKeyFormat = (timeZone: string | undefined) =>
  dateFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The calendar day an instant falls on for the reader, as YYYY-MM-DD. */
export function localDayKey(instant: number | string, timeZone?: string): string {
  const time = typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(time)) return 'unknown';
  if (timeZone === undefined) {
    // The browser's own zone: Date knows it, without building an Intl formatter (the first one
    // a page builds costs milliseconds before its first card).
    const date = new Date(time);
    return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
  }
  const parts: Record<string, string> = {};
  for (const part of dayKeyFormat(timeZone).formatToParts(time)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** A calendar day written for a reader: 'Monday 12 May', with the year when it is not this one. */
export function formatDay(key: string, thisYear: string, locale?: string): string {
  const withYear = key.slice(0, 4) !== thisYear;
  const format = dateFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: withYear ? 'numeric' : undefined,
    timeZone: 'UTC',
  });
  // Noon UTC names the same calendar day in every zone the label could be read in.
  return format.format(Date.parse(`${key}T12:00:00Z`));
}

export function dayLabel(key: string, now: number, options: CalendarOptions = {}): string {
  if (key === 'unknown') return 'Undated';
  const today = localDayKey(now, options.timeZone);
  if (key === today) return 'Today';
  // Noon today minus a day is yesterday whatever the daylight-saving change in between.
  const noonToday = Date.parse(`${today}T12:00:00Z`);
  if (key === new Date(noonToday - DAY_MS).toISOString().slice(0, 10)) return 'Yesterday';
  return formatDay(key, today.slice(0, 4), options.locale);
}

/** Consecutive items of the same local day under one heading; the order of `items` is kept. */
export function groupByDay<T>(
  items: readonly T[],
  dateOf: (item: T) => string,
  now: number,
  options: CalendarOptions = {},
): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  let current: DayGroup<T> | undefined;
  for (const item of items) {
    const key = localDayKey(dateOf(item), options.timeZone);
    if (!current || current.key !== key) {
      current = { key, label: dayLabel(key, now, options), items: [] };
      groups.push(current);
    }
    current.items.push(item);
  }
  return groups;
}

/** A short date for a card: '14 May', or '14 May 2025' in another year. */
export function shortDate(instant: string, now: number, options: CalendarOptions = {}): string {
  const key = localDayKey(instant, options.timeZone);
  if (key === 'unknown') return '';
  const withYear = key.slice(0, 4) !== localDayKey(now, options.timeZone).slice(0, 4);
  const format = dateFormat(options.locale, {
    day: 'numeric',
    month: 'short',
    year: withYear ? 'numeric' : undefined,
    timeZone: 'UTC',
  });
  return format.format(Date.parse(`${key}T12:00:00Z`));
}
