/**
 * Everything the pages read from and write to IndexedDB, in one module that is loaded on
 * demand (see load-data.ts): Dexie is half of the pages' JavaScript, and a page painted from
 * its first-screen cache does not need it for its first frame.
 */
import { arrivedAfter, feedPage, unreadPage, type UnreadCounts } from '../../lib/db/feed';
import { getPapers } from '../../lib/db/papers';
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
  /** In the For-you order: why each paper is there, and how new it is (today's news, the week's, older: lib/rank/order.ts). */
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
  const mine = subscriptionId === undefined ? undefined : (p: StoredPaper) => p.subs.includes(subscriptionId);
  const forYou = order === 'forYou' ? await forYouFeed(limit, kept, mine) : undefined;
  if (forYou) return forYou;
  const page = await feedPage({ subscriptionId, limit: limit + 1 });
  return withSaved(page.slice(0, limit), page.length > limit);
}

/**
 * The first `limit` papers of the For-you order that are in the feed (and `match`): of the kept
 * order, with the papers that arrived since in it, and beside them the stored order's first
 * cards; else of the stored order. Undefined when the feed is not ranked (any more: saves were
 * removed, and the order with them; the page goes newest first and says what For you needs).
 */
async function forYouFeed(limit: number, kept?: RankingHead, match?: (paper: StoredPaper) => boolean): Promise<FeedData | undefined> {
  const stored = await getRankingHead();
  if (!stored) return undefined;
  if (!kept || kept.builtAt === stored.builtAt) return inOrder(stored, limit, match);
  const order = withArrivals(kept, stored, await arrivedAfter(kept.builtAt));
  return { ...(await inOrder(order, limit, match)), next: await inOrder(stored, FIRST_SCREEN_CARDS, match) };
}

/**
 * A kept order with the papers that arrived after it was built, each at its rank in the stored
 * order: after as many kept papers as stand before it there, so that a paper ranked 68th is drawn
 * about 68th and no kept paper changes places with another; each keeps its own day group (the
 * cards are drawn by group). (Arrivals the stored order has not ranked yet wait for it: their why
 * lines come with it.) The same order when none came.
 */
function withArrivals(kept: RankingHead, stored: RankingHead, arrived: string[]): RankingHead {
  if (arrived.length === 0) return kept;
  const had = new Set(kept.ids);
  const fresh = new Set(arrived.filter((id) => !had.has(id)));
  // The stored order's places of the arrivals, by how many kept papers stand before them there.
  const at = new Map<number, number[]>();
  let before = 0;
  stored.ids.forEach((id, i) => {
    if (fresh.has(id)) at.set(before, [...(at.get(before) ?? []), i]);
    else if (had.has(id)) before += 1;
  });
  if (at.size === 0) return kept;
  const order: RankingHead = { ids: [], freshness: [], why: [], builtAt: kept.builtAt, total: kept.total };
  const arrivals = (n: number) => {
    for (const i of at.get(n) ?? []) {
      order.ids.push(stored.ids[i]!);
      order.freshness.push(stored.freshness[i]!);
      if (stored.why[i]) order.why[order.ids.length - 1] = stored.why[i]!;
      order.total += 1;
    }
  };
  kept.ids.forEach((id, n) => {
    arrivals(n);
    order.ids.push(id);
    order.freshness.push(kept.freshness[n]!);
    if (kept.why[n]) order.why[order.ids.length - 1] = kept.why[n]!;
  });
  arrivals(kept.ids.length);
  return order;
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
  const order = await wholeOrder(head);
  return ranked(order, await forYouPage(order, limit + 1, match), limit);
}

/** The whole order a head begins: the stored one, or after an older head the stored one's papers it does not have. */
async function wholeOrder(head: RankingHead): Promise<RankingHead> {
  const stored = await getRanking();
  if (!stored) return { ...head, total: head.ids.length };
  if (stored.builtAt === head.builtAt) return { ...stored, total: stored.ids.length };
  return followedBy(head, stored);
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
  const forYou = order === 'forYou' ? await forYouFeed(limit, kept, (p) => p.unread === 1) : undefined;
  if (forYou) return forYou;
  const page = await unreadPage(limit + 1);
  return withSaved(page.slice(0, limit), page.length > limit);
}
