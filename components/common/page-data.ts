/**
 * Everything the pages read from and write to IndexedDB, in one module that is loaded on
 * demand (see load-data.ts): Dexie is half of the pages' JavaScript, and a page painted from
 * its first-screen cache does not need it for its first frame.
 */
import { feedPage, getPapers, unreadPage, type UnreadCounts } from '../../lib/db/feed';
import { pendingSaves, savedAmong, savedPaperIds } from '../../lib/db/library';
import { forYouPage, getRanking, getRankingHead, type RankedPage, type Ranking, type RankingHead } from '../../lib/db/ranking';
import type { StoredPaper } from '../../lib/db/schema';
import type { FeedOrder } from '../../lib/schema/limits';
import { FIRST_SCREEN_CARDS } from '../../lib/ui/first-screen';
import type { Subscription } from '../../lib/subscription';

export { liveQuery } from 'dexie';
export { hidePapers, markAllRead, markRead, markUnread, unhidePapers, unreadCounts } from '../../lib/db/feed';
export { notInterestedPapers } from '../../lib/db/ranking';
export { libraryItems, putLibraryItems } from '../../lib/db/library';
export { toldChangesCount } from '../../lib/db/saved-check';
export { listSubscriptions } from '../../lib/db/subscriptions';
export { getSyncState } from '../../lib/sync/state';

export interface HeaderData {
  subscriptions: Subscription[];
  /**
   * Unread papers, in all and per subscription (kept up to date by every write of papers);
   * the cards never wait for them.
   */
  counts?: UnreadCounts;
}

export interface FeedData {
  papers: StoredPaper[];
  /** Ids of the papers above that are in the library. */
  saved: string[];
  /** More papers follow the ones loaded. */
  more: boolean;
  /** In the For-you order: why each paper is there, and how lately it arrived (lib/rank/order.ts). */
  ranked?: { why: Record<string, string>; freshness: Record<string, number> };
  /** The For-you order the papers were read in: what a page passes back to keep it (see `loadFeed`). */
  order?: RankingHead;
  /** Read in an order kept while a newer one was stored: the first cards of the newer one, for the next page's first frame. */
  next?: FeedData;
}

async function withSaved(papers: StoredPaper[], more: boolean): Promise<FeedData> {
  return { papers, saved: await savedAmong(papers.map((p) => p.id)), more };
}

async function ranked(order: RankingHead, page: RankedPage, limit: number): Promise<FeedData> {
  const papers = page.papers.slice(0, limit);
  const why: Record<string, string> = {};
  const freshness: Record<string, number> = {};
  papers.forEach((paper, i) => {
    const place = page.places[i]!;
    if (order.why[place]) why[paper.id] = order.why[place]!;
    freshness[paper.id] = order.freshness[place] ?? 2;
  });
  return { ...(await withSaved(papers, page.papers.length > limit)), ranked: { why, freshness }, order };
}

/**
 * The first `limit` papers of the feed (one subscription's, or all), and which are saved: in
 * the For-you order when that is asked for and the feed has been ranked, else newest first.
 * `kept` is an order read before (`FeedData.order`) that the page keeps while the reader is on it:
 * each save and each "Not interested" trains ranking again, and a page that followed every new
 * order would move the cards under the reader. Papers hidden, read or removed since still leave.
 */
export async function loadFeed(subscriptionId: string | undefined, limit: number, order: FeedOrder = 'newest', kept?: RankingHead): Promise<FeedData> {
  const newest = async (n: number) => {
    const page = await feedPage({ subscriptionId, limit: n + 1 });
    return withSaved(page.slice(0, n), page.length > n);
  };
  const mine = subscriptionId === undefined ? undefined : (p: StoredPaper) => p.subs.includes(subscriptionId);
  return (order === 'forYou' && (await forYouFeed(limit, newest, kept, mine))) || newest(limit);
}

/**
 * The first `limit` papers of the For-you order (the kept one, else the stored one) that are in
 * the feed (and `match`), with the stored order's first cards where they differ; undefined when
 * the feed is not ranked (any more: the reader removed saves, and the order with them, but a
 * page keeps the order it drew, and the next one opens newest first).
 */
async function forYouFeed(limit: number, newest: (limit: number) => Promise<FeedData>, kept?: RankingHead, match?: (paper: StoredPaper) => boolean): Promise<FeedData | undefined> {
  const stored = await getRankingHead();
  if (kept && kept.builtAt !== stored?.builtAt) {
    return { ...(await inOrder(kept, limit, match)), next: await (stored ? inOrder(stored, FIRST_SCREEN_CARDS, match) : newest(FIRST_SCREEN_CARDS)) };
  }
  return stored && inOrder(stored, limit, match);
}

/**
 * The first `limit` papers of an order from its head, or from the whole order when too many of
 * the head's were hidden or read. Past the head of an older order come the stored order's
 * papers: none of them has been drawn.
 */
async function inOrder(head: RankingHead, limit: number, match?: (paper: StoredPaper) => boolean): Promise<FeedData> {
  const whole = head.ids.length >= head.total;
  // A page that reaches past the head ("Show more") reads the whole order at once.
  if (whole || limit < head.ids.length) {
    const page = await forYouPage(head, limit + 1, match);
    if (page.papers.length > limit || whole) return ranked(head, page, limit);
  }
  const stored = await getRanking();
  const order = !stored ? { ...head, total: head.ids.length } : stored.builtAt === head.builtAt ? { ...stored, total: stored.ids.length } : followedBy(head, stored);
  return ranked(order, await forYouPage(order, limit + 1, match), limit);
}

/** An order's head, then the papers of another order it does not have, in that order's order. */
function followedBy(head: RankingHead, rest: Ranking): RankingHead {
  const order: RankingHead = { ids: [...head.ids], freshness: [...head.freshness], why: [...head.why], builtAt: head.builtAt, total: 0 };
  const had = new Set(head.ids);
  rest.ids.forEach((id, i) => {
    if (had.has(id)) return;
    order.ids.push(id);
    order.freshness.push(rest.freshness[i]!);
    if (rest.why[i]) order.why[order.ids.length - 1] = rest.why[i]!;
  });
  order.total = order.ids.length;
  return order;
}

/** Whether the feed can be shown For you, how many saved papers it learns from, and how many more wait for arXiv's details. */
export async function rankingState(): Promise<{ ready: boolean; saved: number; pending: number }> {
  const [ranking, saved, pending] = await Promise.all([getRankingHead(), savedPaperIds(), pendingSaves()]);
  return { ready: ranking !== undefined, saved: saved.length, pending: pending.length };
}

/** Papers by id in the given order (search results), skipping any removed since. */
export async function loadPapers(ids: string[]): Promise<FeedData> {
  const papers = (await getPapers(ids)).filter((p): p is StoredPaper => p !== undefined);
  return withSaved(papers, false);
}

/** The unread papers of the feed, for the popup: the best first when the reader chose "For you" (`kept` as in `loadFeed`), else the newest. */
export async function loadUnread(limit: number, order: FeedOrder = 'newest', kept?: RankingHead): Promise<FeedData> {
  const newest = async (n: number) => {
    const page = await unreadPage(n + 1);
    return withSaved(page.slice(0, n), page.length > n);
  };
  return (order === 'forYou' && (await forYouFeed(limit, newest, kept, (p) => p.unread === 1))) || newest(limit);
}
