import { describe, expect, it } from 'vitest';
import { forYouOrder, freshnessOf, NEWS_LAG } from '../../../lib/rank/order';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 7, 1);

describe('how new a paper is, for the For-you day groups', () => {
  it('counts from its arrival, and from its date NEWS_LAG on', () => {
    const rows: [what: string, addedAt: number, published: number | undefined, group: number][] = [
      ['arrived an hour ago, dated yesterday', NOW - 3_600_000, NOW - DAY, 0],
      ['arrived a day ago to the ms', NOW - DAY, NOW - DAY, 1],
      ['arrived six days ago', NOW - 6 * DAY, NOW - 7 * DAY, 1],
      ['arrived a week ago', NOW - 7 * DAY, NOW - 7 * DAY, 2],
      ['arrived now, dated just inside the lag', NOW, NOW - NEWS_LAG + 1, 0],
      ['arrived now, dated a day past the lag', NOW, NOW - NEWS_LAG - DAY, 1],
      ['arrived now, dated 2019', NOW, Date.UTC(2019, 4, 20), 2],
      ['arrived now, its date older than any read', NOW, -Infinity, 2],
      ['arrived now, dated tomorrow (a clock ahead)', NOW, NOW + DAY, 0],
      ['arrived two days ago, no date given', NOW - 2 * DAY, undefined, 1],
    ];
    for (const [what, addedAt, published, group] of rows) expect(freshnessOf(addedAt, NOW, published), what).toBe(group);
  });

  it('puts today’s news first, then the week’s, then older papers, each best first (ties newest first)', () => {
    const papers = [
      { id: 'old-best', score: 9, addedAt: NOW, published: Date.UTC(2019, 4, 20) },
      { id: 'week', score: 1, addedAt: NOW - 3 * DAY, published: NOW - 3 * DAY },
      { id: 'today-low', score: 0, addedAt: NOW, published: NOW - DAY },
      { id: 'today-high', score: 5, addedAt: NOW, published: NOW - DAY },
      { id: 'today-tie', score: 5, addedAt: NOW, published: NOW - DAY },
    ];
    expect(forYouOrder(papers, NOW)).toEqual({ ids: ['today-high', 'today-tie', 'today-low', 'week', 'old-best'], freshness: [0, 0, 0, 1, 2] });
  });
});
