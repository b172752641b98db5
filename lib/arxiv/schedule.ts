/**
 * When arXiv announces new papers, and when Paper Radar should look for them.
 *
 * arXiv announces Sunday to Thursday at 20:00 in New York (EST or EDT, whichever is in force),
 * never on Friday or Saturday. Holidays on which arXiv skips a mailing are not modelled: a
 * check on such a day finds nothing new and the next one follows the usual rhythm.
 */

const ANNOUNCEMENT_TIME_ZONE = 'America/New_York';
const ANNOUNCEMENT_HOUR = 20;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** The API usually serves the new papers within about half an hour of the announcement. */
export const FIRST_CHECK_DELAY_MS = 30 * MINUTE_MS;
/** A second look late the same night catches an announcement that went out late. */
export const SECOND_CHECK_DELAY_MS = 3 * 60 * MINUTE_MS + 30 * MINUTE_MS;

// Built once: constructing a DateTimeFormat is far slower than using one.
const newYorkClock = new Intl.DateTimeFormat('en-US', {
  timeZone: ANNOUNCEMENT_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

interface CivilDate {
  year: number;
  month: number; // 1-12
  day: number;
}

function newYorkWallClock(instant: number): CivilDate & { hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const part of newYorkClock.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? Number.NaN,
    month: parts.month ?? Number.NaN,
    day: parts.day ?? Number.NaN,
    hour: parts.hour ?? Number.NaN,
    minute: parts.minute ?? Number.NaN,
    second: parts.second ?? Number.NaN,
  };
}

/** How far New York's clocks are ahead of UTC at this instant: -4 h in summer, -5 h in winter. */
function newYorkOffsetMs(instant: number): number {
  const c = newYorkWallClock(instant);
  const wallAsUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  return wallAsUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant when New York's clocks show 20:00 on this date. */
function announcementInstant(date: CivilDate): number {
  const wallAsUtc = Date.UTC(date.year, date.month - 1, date.day, ANNOUNCEMENT_HOUR);
  // 20:00 is never inside a DST gap or overlap (the clocks change at 02:00), so one
  // correction with the offset found at the first guess settles it.
  const guess = wallAsUtc - newYorkOffsetMs(wallAsUtc);
  return wallAsUtc - newYorkOffsetMs(guess);
}

function addDays(date: CivilDate, days: number): CivilDate & { weekday: number } {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
  };
}

const isAnnouncementDay = (weekday: number) => weekday <= 4; // Sunday (0) to Thursday (4)

/** The first announcement strictly after `now`. */
export function nextAnnouncementAfter(now: Date): Date {
  const today = newYorkWallClock(now.getTime());
  // Thursday 20:00 to Sunday 20:00 is the longest gap: a week of candidates always suffices.
  for (let offset = 0; offset <= 7; offset += 1) {
    const date = addDays(today, offset);
    if (!isAnnouncementDay(date.weekday)) continue;
    const instant = announcementInstant(date);
    if (instant > now.getTime()) return new Date(instant);
  }
  throw new RangeError(`No announcement found after ${now.toISOString()}`);
}

/** The latest announcement at or before `now`. */
export function lastAnnouncementAtOrBefore(now: Date): Date {
  const today = newYorkWallClock(now.getTime());
  for (let offset = 0; offset >= -7; offset -= 1) {
    const date = addDays(today, offset);
    if (!isAnnouncementDay(date.weekday)) continue;
    const instant = announcementInstant(date);
    if (instant <= now.getTime()) return new Date(instant);
  }
  throw new RangeError(`No announcement found before ${now.toISOString()}`);
}

/**
 * When the background should sync next. `caughtLatest` says whether a sync since the latest
 * announcement already brought its new papers; until one has, the checks half an hour and
 * three and a half hours after that announcement are still worth making.
 */
export function nextCheckAfter(now: Date, caughtLatest: boolean): Date {
  if (!caughtLatest) {
    const latest = lastAnnouncementAtOrBefore(now).getTime();
    for (const delay of [FIRST_CHECK_DELAY_MS, SECOND_CHECK_DELAY_MS]) {
      if (latest + delay > now.getTime()) return new Date(latest + delay);
    }
  }
  return new Date(nextAnnouncementAfter(now).getTime() + FIRST_CHECK_DELAY_MS);
}

/**
 * The next announcement in the reader's own time zone and conventions, e.g. "Sun 20:00"
 * (en-GB, New York) or "Mon 02:00" (en-GB, Berlin). `locale` and `timeZone` default to the
 * browser's; tests pass them to be deterministic.
 */
export function describeNextAnnouncement(now: Date, locale?: string, timeZone?: string): string {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone });
  return format.format(nextAnnouncementAfter(now));
}
