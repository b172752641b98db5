import { beforeEach, describe, expect, it } from 'vitest';
import { loadFeed, loadUnread } from '../../../../components/common/page-data';
import { db } from '../../../../lib/db/db';
import { feedPage, hidePapers, markRead, unreadPage } from '../../../../lib/db/feed';
import { ingest } from '../../../../lib/db/ingest';
import { clearRanking, getRankingHead, putRankResult, type RankingHead, type RankModel } from '../../../../lib/db/ranking';
import { FIRST_SCREEN_CARDS } from '../../../../lib/ui/first-screen';
import { testingPages } from '../../../helpers/fixtures';

// The For-you order a page keeps while the reader is on it (use-live-feed.ts), as the page reads it.

const T0 = Date.UTC(2026, 10, 23, 1, 30);
const model: RankModel = { vocabularyId: 1, terms: [], idf: new Float32Array(), weights: new Float32Array(), bias: 0, documents: 0, labels: '', trainedAt: 0 };
const ids = (papers: { id: string }[]) => papers.map((p) => p.id);
/** Stores an order of papers as a training would (each with its why line), and returns it as a page reads it. */
async function rank(order: string[], builtAt: number): Promise<RankingHead> {
  await putRankResult(model, { ids: order, freshness: order.map(() => 2), why: order.map((id) => `like ${id}`), builtAt });
  return (await getRankingHead())!;
}

let stored: string[];
beforeEach(async () => {
  await db.delete();
  await db.open();
  for (const page of testingPages) await ingest(page, 'testing', T0);
  stored = ids(await feedPage({ limit: 100 }));
});

describe('a kept For-you order', () => {
  it('is read as it was, less the papers hidden since; the newest order’s first cards come beside it for the next page', async () => {
    const kept = await rank(stored, T0);
    const newest = [...stored].reverse();
    await rank(newest, T0 + 1);
    await hidePapers([stored[1]!], T0 + 2);
    const feed = await loadFeed(undefined, 10, 'forYou', kept);
    const shown = stored.filter((id) => id !== stored[1]);
    expect(ids(feed.papers)).toEqual(shown.slice(0, 10));
    expect(feed.ranked!.why[shown[0]!]).toBe(`like ${shown[0]}`);
    expect(feed.order).toBe(kept);
    expect(ids(feed.next!.papers)).toEqual(newest.filter((id) => id !== stored[1]).slice(0, FIRST_SCREEN_CARDS));
    // The kept order is the stored one: nothing else to read.
    expect((await loadFeed(undefined, 10, 'forYou', feed.next!.order)).next).toBeUndefined();
  });

  it('goes on past its head in the stored order, with the papers the head has not', async () => {
    const whole = await rank(stored, T0);
    const head: RankingHead = { ...whole, ids: whole.ids.slice(0, 10), why: whole.why.slice(0, 10), freshness: whole.freshness.slice(0, 10) };
    const newest = [...stored].reverse();
    await rank(newest, T0 + 1);
    const feed = await loadFeed(undefined, 20, 'forYou', head);
    const rest = newest.filter((id) => !head.ids.includes(id));
    expect(ids(feed.papers)).toEqual([...head.ids, ...rest.slice(0, 10)]);
    expect(feed.ranked!.why[rest[0]!]).toBe(`like ${rest[0]}`);
    // What the page keeps then: the whole order it drew from, so that "Show more" goes on in it.
    expect(feed.order!.ids).toEqual([...head.ids, ...rest]);
    await rank(stored, T0 + 2);
    expect(ids((await loadFeed(undefined, 30, 'forYou', feed.order)).papers)).toEqual([...head.ids, ...rest.slice(0, 20)]);
  });

  it('takes in the papers that arrived since, once ranked, where the stored order has them, moving no kept paper past another', async () => {
    const kept = await rank(stored, T0);
    // A sync brings four papers (derived from real ones under new ids); the stored order is not redone yet.
    const arrivals = testingPages[0]!.slice(0, 4).map((entry, i) => ({ ...entry, id: `2612.0000${i + 1}` }));
    await ingest(arrivals, 'testing', T0 + 10);
    expect(ids((await loadFeed(undefined, 5, 'forYou', kept)).papers)).toEqual(stored.slice(0, 5));
    // Ranked: two of them first, one after the third kept paper, one last; and the kept papers in
    // another order (what the reader did since taught ranking), which the page does not take.
    const [a, b, c, d] = ids(arrivals) as [string, string, string, string];
    const [s0, s1, s2, s3, s4] = stored as [string, string, string, string, string];
    await rank([b, a, s1, s0, s2, d, ...stored.slice(3), c], T0 + 11);
    const feed = await loadFeed(undefined, 8, 'forYou', kept);
    expect(ids(feed.papers)).toEqual([b, a, s0, s1, s2, d, s3, s4]);
    expect(ids((await loadFeed(undefined, 100, 'forYou', kept)).papers).at(-1)).toBe(c);
    // A kept paper the reader taught ranking to sink takes no arrival up with it: ranked after
    // every kept paper but the first, which sank to the end, an arrival comes after 39 of them.
    const late = `2612.00009`;
    await ingest([{ ...testingPages[0]![5]!, id: late }], 'testing', T0 + 12);
    await rank([...stored.slice(1), late, s0, ...ids(arrivals)], T0 + 13);
    const all = ids((await loadFeed(undefined, 100, 'forYou', kept)).papers);
    expect(all.slice(38, 41)).toEqual([stored[38], late, stored[39]]);
    expect(feed.ranked!.why[d]).toBe(`like ${d}`);
    // Kept with them, the page reads the same again.
    expect(ids((await loadFeed(undefined, 8, 'forYou', feed.order)).papers)).toEqual(ids(feed.papers));
  });

  it('leaves the popup’s unread list as the reader saw it; once the feed is ranked no more, the pages show the newest first', async () => {
    const kept = await rank(stored, T0);
    await rank([...stored].reverse(), T0 + 1);
    await markRead([stored[0]!], T0 + 2);
    expect(ids((await loadUnread(5, 'forYou', kept)).papers)).toEqual(stored.slice(1, 6));
    await clearRanking();
    const feed = await loadUnread(5, 'forYou', kept);
    expect(feed.ranked).toBeUndefined();
    expect(ids(feed.papers)).toEqual(ids(await unreadPage(5)));
  });
});
