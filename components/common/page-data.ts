/**
 * Everything the pages read from and write to IndexedDB, in one module that is loaded on
 * demand (see load-data.ts): Dexie is half of the pages' JavaScript, and a page painted from
 * its first-screen cache does not need it for its first frame.
 */
import { feedPage, getPapers, unreadPage, type UnreadCounts } from '../../lib/db/feed';
import { savedAmong } from '../../lib/db/library';
import type { StoredPaper } from '../../lib/db/schema';
import type { Subscription } from '../../lib/subscription';

export { liveQuery } from 'dexie';
export { hidePapers, markAllRead, markRead, markUnread, unhidePapers, unreadCounts } from '../../lib/db/feed';
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
}

async function withSaved(papers: StoredPaper[], more: boolean): Promise<FeedData> {
  return { papers, saved: await savedAmong(papers.map((p) => p.id)), more };
}

/** The first `limit` papers of the feed (one subscription's, or all), and which are saved. */
export async function loadFeed(subscriptionId: string | undefined, limit: number): Promise<FeedData> {
  const page = await feedPage({ subscriptionId, limit: limit + 1 });
  return withSaved(page.slice(0, limit), page.length > limit);
}

/** Papers by id in the given order (search results), skipping any removed since. */
export async function loadPapers(ids: string[]): Promise<FeedData> {
  const papers = (await getPapers(ids)).filter((p): p is StoredPaper => p !== undefined);
  return withSaved(papers, false);
}

/** The newest unread papers of the feed, for the popup. */
export async function loadUnread(limit: number): Promise<FeedData> {
  const page = await unreadPage(limit + 1);
  return withSaved(page.slice(0, limit), page.length > limit);
}
