import { describe, expect, it } from 'vitest';
import { dayLabel, groupByDay, localDayKey, shortDate } from '../../../lib/ui/day-groups';

// Tuesday 2026-05-19 09:00 in Berlin (07:00Z).
const NOW = Date.parse('2026-05-19T07:00:00Z');
const berlin = { locale: 'en-GB', timeZone: 'Europe/Berlin' };

describe('day headings', () => {
  it('puts an instant on the reader’s calendar day, not UTC’s', () => {
    // 23:30 UTC on the 18th is already the 19th in Berlin and still the 18th in New York.
    expect(localDayKey('2026-05-18T23:30:00Z', 'Europe/Berlin')).toBe('2026-05-19');
    expect(localDayKey('2026-05-18T23:30:00Z', 'America/New_York')).toBe('2026-05-18');
  });

  it('puts an instant on the same day in the browser’s own zone as when the zone is named, around midnight and clock changes', () => {
    const before = process.env.TZ;
    try {
      for (const zone of ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC']) {
        process.env.TZ = zone; // Node follows a new TZ at once; the browser uses the reader's own
        // Every 37 minutes through 2026 (both clock changes of each zone), and around year ends.
        const instants = [...Array.from({ length: 14_300 }, (_, i) => Date.UTC(2026, 0, 1) + i * 37 * 60_000), Date.UTC(2026, 11, 31, 23, 30), Date.UTC(1999, 11, 31, 23, 59)];
        const differing = instants.filter((t) => localDayKey(t) !== localDayKey(t, zone));
        expect(differing.map((t) => new Date(t).toISOString()), zone).toEqual([]);
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('says Today and Yesterday, then weekday and date, with the year only for other years', () => {
    expect(dayLabel('2026-05-19', NOW, berlin)).toBe('Today');
    expect(dayLabel('2026-05-18', NOW, berlin)).toBe('Yesterday');
    expect(dayLabel('2026-05-14', NOW, berlin)).toBe('Thursday 14 May');
    expect(dayLabel('2025-12-31', NOW, berlin)).toBe('Wednesday, 31 December 2025');
  });

  it('knows yesterday across the change to summer time', () => {
    // Monday 2026-03-30 in Berlin; clocks went forward on Sunday the 29th.
    expect(dayLabel('2026-03-29', Date.parse('2026-03-30T08:00:00Z'), berlin)).toBe('Yesterday');
  });

  it('groups consecutive papers of one day and keeps their order', () => {
    const papers = [
      { id: 'a', published: '2026-05-19T06:00:00Z' },
      { id: 'b', published: '2026-05-18T22:30:00Z' }, // 00:30 on the 19th in Berlin
      { id: 'c', published: '2026-05-18T10:00:00Z' },
      { id: 'd', published: '2026-05-14T10:00:00Z' },
    ];
    const groups = groupByDay(papers, (p) => p.published, NOW, berlin);
    expect(groups.map((g) => [g.label, g.items.map((p) => p.id)])).toEqual([
      ['Today', ['a', 'b']],
      ['Yesterday', ['c']],
      ['Thursday 14 May', ['d']],
    ]);
  });

  it('writes a card date short, with the year only for another year', () => {
    expect(shortDate('2026-05-14T10:00:00Z', NOW, berlin)).toBe('14 May');
    expect(shortDate('2017-06-12T17:57:34Z', NOW, berlin)).toBe('12 Jun 2017');
  });
});
