import { describe, expect, it } from 'vitest';
import { caughtLatest, nextScheduledSync, syncMissed, triedRecently } from '../../../lib/sync/when';

const HOUR = 3_600_000;
// 20:00 in New York as UTC: EST (UTC-5) in winter, EDT (UTC-4) in summer.
const winterAnnouncement = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d + 1, 1);
const summerAnnouncement = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d + 1, 0);
const iso = (t: number) => new Date(t).toISOString();

describe('nextScheduledSync', () => {
  it.each([
    // [now (UTC), caught, expected]
    ['Monday 2026-11-23 15:00 ET, both of Sunday’s checks past', Date.UTC(2026, 10, 23, 20), false, winterAnnouncement(2026, 11, 23) + 0.5 * HOUR],
    ['Monday 15:00 ET after Sunday’s papers were caught', Date.UTC(2026, 10, 23, 20), true, winterAnnouncement(2026, 11, 23) + 0.5 * HOUR],
    ['Thursday 21:00 ET, caught', Date.UTC(2026, 10, 27, 2), true, winterAnnouncement(2026, 11, 29) + 0.5 * HOUR],
    ['Friday noon ET: nothing until Sunday', Date.UTC(2026, 10, 27, 17), true, winterAnnouncement(2026, 11, 29) + 0.5 * HOUR],
    ['Saturday noon ET: nothing until Sunday', Date.UTC(2026, 10, 28, 17), false, winterAnnouncement(2026, 11, 29) + 0.5 * HOUR],
    ['Sunday 19:00 ET', Date.UTC(2026, 10, 30, 0), true, winterAnnouncement(2026, 11, 29) + 0.5 * HOUR],
    ['Sunday 20:10 ET, not caught', Date.UTC(2026, 10, 30, 1, 10), false, winterAnnouncement(2026, 11, 29) + 0.5 * HOUR],
    ['Sunday 20:40 ET, first check found nothing', Date.UTC(2026, 10, 30, 1, 40), false, winterAnnouncement(2026, 11, 29) + 3.5 * HOUR],
    ['Tuesday 2026-07-14 12:00 EDT', Date.UTC(2026, 6, 14, 16), true, summerAnnouncement(2026, 7, 14) + 0.5 * HOUR],
    ['Saturday 2026-03-07 before spring forward', Date.UTC(2026, 2, 7, 17), true, summerAnnouncement(2026, 3, 8) + 0.5 * HOUR],
    ['Saturday 2026-10-31 before fall back', Date.UTC(2026, 9, 31, 16), true, winterAnnouncement(2026, 11, 1) + 0.5 * HOUR],
  ])('%s', (_label, now, caught, expected) => {
    expect(iso(nextScheduledSync(now, caught, undefined, 60 * 60_000))).toBe(iso(expected));
  });

  it('never comes sooner than the minimum interval after the last attempt', () => {
    const now = Date.UTC(2026, 10, 30, 1, 10); // Sunday 20:10 ET
    const lastAttempt = now - 5 * 60_000;
    expect(nextScheduledSync(now, false, lastAttempt, 60 * 60_000)).toBe(lastAttempt + 60 * 60_000);
  });
});

describe('a clock set back', () => {
  // Sunday 20:10 ET; the clock was a day ahead when the last attempts were made.
  const now = Date.UTC(2026, 10, 30, 1, 10);
  const dayAhead = now + 24 * HOUR;

  it('plans the next check from the announcements, not from a last attempt that lies in the future', () => {
    expect(iso(nextScheduledSync(now, false, dayAhead, 60 * 60_000))).toBe(iso(winterAnnouncement(2026, 11, 29) + 0.5 * HOUR));
  });

  it('does not count a last attempt in the future as a recent one', () => {
    expect(triedRecently(now, dayAhead, 60 * 60_000)).toBe(false);
    expect(triedRecently(now, now - 5 * 60_000, 60 * 60_000)).toBe(true);
  });

  it('takes neither a caught announcement nor a success that lie in the future for a check made', () => {
    const announcement = winterAnnouncement(2026, 11, 29);
    expect(caughtLatest(now, announcement + 24 * HOUR)).toBe(false);
    expect(syncMissed(now + 3 * HOUR, dayAhead, false)).toBe(true);
  });
});

describe('syncMissed', () => {
  const sundayAnnouncement = winterAnnouncement(2026, 11, 22);

  it('is true when the browser opens after an announcement whose papers were not fetched', () => {
    const mondayMorning = Date.UTC(2026, 10, 23, 13);
    expect(syncMissed(mondayMorning, sundayAnnouncement - 2 * HOUR, false)).toBe(true);
  });

  it('is false when the papers were caught, or a sync already ran after both checks', () => {
    const mondayMorning = Date.UTC(2026, 10, 23, 13);
    expect(syncMissed(mondayMorning, sundayAnnouncement + HOUR, true)).toBe(false);
    expect(syncMissed(mondayMorning, sundayAnnouncement + 4 * HOUR, false)).toBe(false);
  });

  it('catches up on the late check when only the first one ran', () => {
    const mondayMorning = Date.UTC(2026, 10, 23, 13);
    expect(syncMissed(mondayMorning, sundayAnnouncement + HOUR, false)).toBe(true);
  });

  it('waits for the scheduled check when the browser opens just after 20:00 ET', () => {
    expect(syncMissed(sundayAnnouncement + 10 * 60_000, sundayAnnouncement - 3 * HOUR, false)).toBe(false);
  });

  it('catches up a missed earlier announcement even just after 20:00 ET', () => {
    const thursday = winterAnnouncement(2026, 11, 19);
    expect(syncMissed(sundayAnnouncement + 10 * 60_000, thursday - HOUR, false)).toBe(true);
  });

  it('makes no requests over the weekend when Thursday’s papers were caught', () => {
    const saturday = Date.UTC(2026, 10, 28, 15);
    const thursdayAnnouncement = winterAnnouncement(2026, 11, 26);
    expect(syncMissed(saturday, thursdayAnnouncement + HOUR, caughtLatest(saturday, thursdayAnnouncement))).toBe(false);
  });

  it('syncs on first start', () => {
    expect(syncMissed(Date.UTC(2026, 10, 28, 15), undefined, false)).toBe(true);
  });
});
