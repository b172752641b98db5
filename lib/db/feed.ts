import {
  countArrivals,
  editPapers,
  editShelves,
  getPapers,
  latestArrival,
  newestPapers,
  paperCounts,
  paperIdsNewestFirst,
} from './papers';
import type { StoredPaper } from './schema';

export interface FeedQuery {
  /** One subscription's papers; all subscriptions when absent. */
  subscriptionId?: string;
  offset?: number;
  limit: number;
}

const inFeed = (p: StoredPaper) => p.subs.length > 0 && p.hiddenAt === undefined;

/** Papers in the feed, newest first, hidden ones left out. Reads only the shelves of the papers up to the end of the page. */
export async function feedPage({ subscriptionId, offset = 0, limit }: FeedQuery): Promise<StoredPaper[]> {
  const page =
    subscriptionId === undefined
      ? await newestPapers(inFeed, offset + limit)
      : await newestPapers((p) => inFeed(p) && p.subs.includes(subscriptionId), offset + limit, { subscriptionId });
  return page.slice(offset);
}

/** The newest unread papers of the feed (the popup), at most `limit`. */
export async function unreadPage(limit: number): Promise<StoredPaper[]> {
  return newestPapers((p) => p.unread === 1 && p.hiddenAt === undefined, limit, { unread: true });
}

/** Ids of every stored paper, newest first, from the catalog alone (no paper is read). */
export const allPaperIds = paperIdsNewestFirst;

/** The paper stored last (by arrival): what changes when papers are added. */
export async function newestArrival(): Promise<Pick<StoredPaper, 'id' | 'addedAt'> | undefined> {
  const newest = await latestArrival();
  return newest && { id: newest.id, addedAt: newest.addedAt };
}

export interface UnreadCounts {
  all: number;
  bySubscription: Record<string, number>;
}

export async function unreadCounts(subscriptionIds: string[]): Promise<UnreadCounts> {
  const counts = await paperCounts();
  const bySubscription: Record<string, number> = {};
  for (const id of subscriptionIds) bySubscription[id] = counts.unreadBy[id] ?? 0;
  return { all: counts.unread, bySubscription };
}

/**
 * How many papers arrived after `since` (epoch ms): the badge, which shows '99+' from `atMost`
 * on. Only the shelves that got papers since then are read.
 */
export async function countArrivedSince(since: number, atMost = Infinity): Promise<number> {
  return countArrivals(since, inFeed, atMost);
}

function markedRead(paper: StoredPaper, now: number): StoredPaper {
  const { unread: _unread, ...rest } = paper;
  return { ...rest, unreadIn: [], readAt: paper.readAt ?? now };
}

function markedUnread(paper: StoredPaper): StoredPaper {
  const { readAt: _readAt, ...rest } = paper;
  if (paper.hiddenAt !== undefined || paper.subs.length === 0) return rest;
  return { ...rest, unreadIn: [...paper.subs], unread: 1 };
}

const update = (ids: string[], change: (paper: StoredPaper) => StoredPaper) => editPapers(ids, change);

export const markRead = (ids: string[], now: number) => update(ids, (p) => markedRead(p, now));
export const markUnread = (ids: string[]) => update(ids, markedUnread);
export const hidePapers = (ids: string[], now: number) =>
  update(ids, (p) => ({ ...markedRead(p, now), readAt: p.readAt, hiddenAt: now }));
export const unhidePapers = (ids: string[]) =>
  update(ids, (p) => {
    const { hiddenAt: _hiddenAt, ...rest } = p;
    return rest.readAt === undefined ? markedUnread(rest) : rest;
  });

/** Marks every unread paper of a subscription (or of the whole feed) as read. */
export async function markAllRead(now: number, subscriptionId?: string): Promise<number> {
  const unread =
    subscriptionId === undefined ? (p: StoredPaper) => p.unread === 1 : (p: StoredPaper) => p.unreadIn.includes(subscriptionId);
  let marked = 0;
  await editShelves(subscriptionId === undefined ? { unread: true } : { unreadIn: subscriptionId }, (papers) => {
    marked = papers.filter(unread).length;
    return (p) => (unread(p) ? markedRead(p, now) : undefined);
  });
  return marked;
}

export { getPapers };
