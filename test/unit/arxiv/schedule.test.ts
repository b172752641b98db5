import { describe, expect, it } from 'vitest';
import {
  FIRST_CHECK_DELAY_MS,
  SECOND_CHECK_DELAY_MS,
  describeNextAnnouncement,
  lastAnnouncementAtOrBefore,
  nextAnnouncementAfter,
  nextCheckAfter,
} from '../../../lib/arxiv/schedule';

// Every instant is written in UTC; the comment beside it says what New York's clocks show.
const at = (iso: string) => new Date(iso);
const next = (iso: string) => nextAnnouncementAfter(at(iso)).toISOString();
const last = (iso: string) => lastAnnouncementAtOrBefore(at(iso)).toISOString();

describe('nextAnnouncementAfter', () => {
  it('is 20:00 the same evening one second before it (EDT)', () => {
    // Wed 2026-07-15 19:59:59 EDT
    expect(next('2026-07-15T23:59:59Z')).toBe('2026-07-16T00:00:00.000Z');
  });

  it('is the following evening at 20:00:00 exactly', () => {
    // Wed 2026-07-15 20:00:00 EDT -> Thu 20:00 EDT
    expect(next('2026-07-16T00:00:00Z')).toBe('2026-07-17T00:00:00.000Z');
  });

  it('is 20:00 EST, an hour later in UTC, in winter', () => {
    // Wed 2026-01-14 19:59:59 EST
    expect(next('2026-01-15T00:59:59Z')).toBe('2026-01-15T01:00:00.000Z');
    // Wed 2026-01-14 20:00:00 EST -> Thu 20:00 EST
    expect(next('2026-01-15T01:00:00Z')).toBe('2026-01-16T01:00:00.000Z');
  });

  it('skips Friday and Saturday: Thursday after 20:00 waits for Sunday', () => {
    // Thu 2026-07-16 21:00 EDT -> Sun 2026-07-19 20:00 EDT
    expect(next('2026-07-17T01:00:00Z')).toBe('2026-07-20T00:00:00.000Z');
    // Fri 2026-07-17 12:00 EDT
    expect(next('2026-07-17T16:00:00Z')).toBe('2026-07-20T00:00:00.000Z');
    // Sat 2026-07-18 23:00 EDT
    expect(next('2026-07-19T03:00:00Z')).toBe('2026-07-20T00:00:00.000Z');
    // Sun 2026-07-19 09:00 EDT: the same day
    expect(next('2026-07-19T13:00:00Z')).toBe('2026-07-20T00:00:00.000Z');
  });

  it('follows the clocks forward on 2026-03-08 (EST -> EDT)', () => {
    // Sat 2026-03-07 12:00 EST -> Sun 2026-03-08 20:00 EDT (00:00Z, no longer 01:00Z)
    expect(next('2026-03-07T17:00:00Z')).toBe('2026-03-09T00:00:00.000Z');
    // Sun 2026-03-08 01:59 EST, just before the change
    expect(next('2026-03-08T06:59:00Z')).toBe('2026-03-09T00:00:00.000Z');
    // The Thursday before was still EST
    expect(next('2026-03-05T12:00:00Z')).toBe('2026-03-06T01:00:00.000Z');
  });

  it('follows the clocks back on 2026-11-01 (EDT -> EST)', () => {
    // Thu 2026-10-29 19:00 EDT -> 20:00 EDT
    expect(next('2026-10-29T23:00:00Z')).toBe('2026-10-30T00:00:00.000Z');
    // Sat 2026-10-31 12:00 EDT -> Sun 2026-11-01 20:00 EST (01:00Z)
    expect(next('2026-10-31T16:00:00Z')).toBe('2026-11-02T01:00:00.000Z');
    // Sun 2026-11-01 01:30, the hour that happens twice: both readings give the same answer
    expect(next('2026-11-01T05:30:00Z')).toBe('2026-11-02T01:00:00.000Z');
    expect(next('2026-11-01T06:30:00Z')).toBe('2026-11-02T01:00:00.000Z');
  });

  it('uses the 2025 dates of the changes (2025-03-09 and 2025-11-02)', () => {
    // Sat 2025-03-08 -> Sun 2025-03-09 20:00 EDT
    expect(next('2025-03-08T15:00:00Z')).toBe('2025-03-10T00:00:00.000Z');
    // Sat 2025-11-01 -> Sun 2025-11-02 20:00 EST
    expect(next('2025-11-01T15:00:00Z')).toBe('2025-11-03T01:00:00.000Z');
    // Sun 2025-10-26 is still EDT
    expect(next('2025-10-26T15:00:00Z')).toBe('2025-10-27T00:00:00.000Z');
  });

  it('handles the turn of the year', () => {
    // Thu 2026-12-31 22:00 EST -> Sun 2027-01-03 20:00 EST
    expect(next('2027-01-01T03:00:00Z')).toBe('2027-01-04T01:00:00.000Z');
  });
});

describe('lastAnnouncementAtOrBefore', () => {
  it('includes an announcement at exactly now', () => {
    expect(last('2026-07-16T00:00:00Z')).toBe('2026-07-16T00:00:00.000Z');
  });

  it('is the previous evening one second before 20:00', () => {
    // Wed 2026-07-15 19:59:59 EDT -> Tue 20:00 EDT
    expect(last('2026-07-15T23:59:59Z')).toBe('2026-07-15T00:00:00.000Z');
  });

  it('is Thursday over the weekend and on Sunday before 20:00', () => {
    // Sat 2026-07-18 12:00 EDT and Sun 2026-07-19 19:00 EDT -> Thu 2026-07-16 20:00 EDT
    expect(last('2026-07-18T16:00:00Z')).toBe('2026-07-17T00:00:00.000Z');
    expect(last('2026-07-19T23:00:00Z')).toBe('2026-07-17T00:00:00.000Z');
  });

  it('looks back across a change of the clocks', () => {
    // Mon 2026-03-09 12:00 EDT -> Sun 2026-03-08 20:00 EDT; Sun 2026-03-08 12:00 EDT -> Thu 20:00 EST
    expect(last('2026-03-09T16:00:00Z')).toBe('2026-03-09T00:00:00.000Z');
    expect(last('2026-03-08T16:00:00Z')).toBe('2026-03-06T01:00:00.000Z');
    // Mon 2026-11-02 12:00 EST -> Sun 2026-11-01 20:00 EST
    expect(last('2026-11-02T17:00:00Z')).toBe('2026-11-02T01:00:00.000Z');
  });
});

describe('check delays', () => {
  it('are half an hour and three and a half hours', () => {
    expect(FIRST_CHECK_DELAY_MS).toBe(30 * 60 * 1000);
    expect(SECOND_CHECK_DELAY_MS).toBe(210 * 60 * 1000);
  });
});

describe('nextCheckAfter', () => {
  // The week of Sun 2026-07-19 (EDT, UTC-4). `now` is 20:10 New York time on each day.
  const week = [
    { day: 'Sunday', now: '2026-07-20T00:10:00Z', notCaught: '2026-07-20T00:30:00Z', caught: '2026-07-21T00:30:00Z' },
    { day: 'Monday', now: '2026-07-21T00:10:00Z', notCaught: '2026-07-21T00:30:00Z', caught: '2026-07-22T00:30:00Z' },
    { day: 'Tuesday', now: '2026-07-22T00:10:00Z', notCaught: '2026-07-22T00:30:00Z', caught: '2026-07-23T00:30:00Z' },
    { day: 'Wednesday', now: '2026-07-23T00:10:00Z', notCaught: '2026-07-23T00:30:00Z', caught: '2026-07-24T00:30:00Z' },
    // After Thursday's announcement the next one is Sunday's.
    { day: 'Thursday', now: '2026-07-24T00:10:00Z', notCaught: '2026-07-24T00:30:00Z', caught: '2026-07-27T00:30:00Z' },
    // Thursday's two checks are long past: both wait for Sunday 20:30.
    { day: 'Friday', now: '2026-07-25T00:10:00Z', notCaught: '2026-07-27T00:30:00Z', caught: '2026-07-27T00:30:00Z' },
    { day: 'Saturday', now: '2026-07-26T00:10:00Z', notCaught: '2026-07-27T00:30:00Z', caught: '2026-07-27T00:30:00Z' },
  ];

  it.each(week)('on $day at 20:10 EDT', ({ now, notCaught, caught }) => {
    expect(nextCheckAfter(at(now), false).toISOString()).toBe(at(notCaught).toISOString());
    expect(nextCheckAfter(at(now), true).toISOString()).toBe(at(caught).toISOString());
  });

  it('makes the late check at 23:30 once the first check has passed without new papers', () => {
    // Tue 2026-07-21 22:00 EDT -> 23:30 EDT
    expect(nextCheckAfter(at('2026-07-22T02:00:00Z'), false).toISOString()).toBe('2026-07-22T03:30:00.000Z');
  });

  it('after the late check, waits for the next evening', () => {
    // Tue 2026-07-21 23:45 EDT -> Wed 20:30 EDT; Thu 23:45 -> Sun 20:30
    expect(nextCheckAfter(at('2026-07-22T03:45:00Z'), false).toISOString()).toBe('2026-07-23T00:30:00.000Z');
    expect(nextCheckAfter(at('2026-07-24T03:45:00Z'), false).toISOString()).toBe('2026-07-27T00:30:00.000Z');
  });

  it('at the first check time exactly, moves on to the late check', () => {
    // Tue 2026-07-21 20:30:00 EDT: the 20:30 check is now, not after now
    expect(nextCheckAfter(at('2026-07-22T00:30:00Z'), false).toISOString()).toBe('2026-07-22T03:30:00.000Z');
  });

  it('before an evening announcement, waits for it (caught or not)', () => {
    // Tue 2026-07-21 12:00 EDT: Monday's checks are past
    expect(nextCheckAfter(at('2026-07-21T16:00:00Z'), false).toISOString()).toBe('2026-07-22T00:30:00.000Z');
    expect(nextCheckAfter(at('2026-07-21T16:00:00Z'), true).toISOString()).toBe('2026-07-22T00:30:00.000Z');
  });

  it('keeps 20:30 New York time across the change of the clocks', () => {
    // Sat 2026-10-31 -> Sun 2026-11-01 20:30 EST
    expect(nextCheckAfter(at('2026-10-31T16:00:00Z'), true).toISOString()).toBe('2026-11-02T01:30:00.000Z');
    // Sun 2026-11-01 21:00 EST, not caught -> 23:30 EST
    expect(nextCheckAfter(at('2026-11-02T02:00:00Z'), false).toISOString()).toBe('2026-11-02T04:30:00.000Z');
  });
});

describe('describeNextAnnouncement', () => {
  const friday = at('2026-07-17T16:00:00Z'); // next: Sun 2026-07-19 20:00 EDT

  it('shows the time in New York to a reader there', () => {
    expect(describeNextAnnouncement(friday, 'en-GB', 'America/New_York')).toBe('Sun 20:00');
  });

  it("shows the reader's own day and time elsewhere", () => {
    expect(describeNextAnnouncement(friday, 'en-GB', 'Europe/Berlin')).toBe('Mon 02:00');
    expect(describeNextAnnouncement(friday, 'en-GB', 'Asia/Tokyo')).toBe('Mon 09:00');
    expect(describeNextAnnouncement(friday, 'en-GB', 'America/Los_Angeles')).toBe('Sun 17:00');
  });

  it('accounts for time zones that change their clocks on other dates', () => {
    // Mon 2026-03-09 20:00 EDT (New York changed on 03-08) is 01:00 in Berlin (still CET until 03-29)
    expect(describeNextAnnouncement(at('2026-03-09T12:00:00Z'), 'en-GB', 'Europe/Berlin')).toBe('Tue 01:00');
  });

  it("uses the reader's locale", () => {
    expect(describeNextAnnouncement(friday, 'de-DE', 'Europe/Berlin')).toMatch(/^Mo\.?,? 02:00$/);
  });
});
