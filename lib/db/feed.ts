import { db } from './db';
import { inFeed, listRange, subscriptionList, type PaperList } from './layout';
import { editPapers, getPapers } from './papers';
import type { StoredPaper } from './schema';

export interface FeedQuery {
  /** One subscription's papers; all subscriptions when absent. */
  subscriptionId?: string;
  offset?: number;
  limit: number;
}

/** A list's papers, newest first (the same date: the higher id first). */
const newestIn = (list: PaperList) => db.papers.where('lists').between(...listRange(list)).reverse();

/** Papers in the feed (all of it or one subscription's), newest first, hidden ones left out. */
export async function feedPage({ subscriptionId, offset = 0, limit }: FeedQuery): Promise<StoredPaper[]> {
  const list = newestIn(subscriptionId === undefined ? 'feed' : subscriptionList(subscriptionId));
  if (offset === 0) return list.limit(limit).toArray();
  // Further down, the papers above are skipped by their keys alone (a key cursor), and only the page is read.
  return db.transaction('r', db.papers, async () => {
    const ids = (await list.offset(offset).limit(limit).primaryKeys()) as string[];
    return (await getPapers(ids)).filter((paper): paper is StoredPaper => paper !== undefined);
  });
}

/** The newest unread papers of the feed (the popup), at most `limit`. */
export async function unreadPage(limit: number): Promise<StoredPaper[]> {
  return newestIn('unread').limit(limit).toArray();
}

/** Ids of every stored paper, newest first, from the `published` index alone (no paper is read). */
export async function allPaperIds(): Promise<string[]> {
  // Read in bulk forwards and turned around (a reverse read walks a cursor, entry by entry).
  return ((await db.papers.orderBy('published').primaryKeys()) as string[]).reverse();
}

/** The paper stored last (by arrival): what changes when papers are added. */
export async function newestArrival(): Promise<Pick<StoredPaper, 'id' | 'addedAt'> | undefined> {
  const newest = await db.papers.orderBy('addedAt').last();
  return newest && { id: newest.id, addedAt: newest.addedAt };
}

export interface UnreadCounts {
  all: number;
  bySubscription: Record<string, number>;
}

/** Counted on the indexes: no paper is read. */
export async function unreadCounts(subscriptionIds: string[]): Promise<UnreadCounts> {
  const [all, ...each] = await Promise.all([
    db.papers.where('lists').between(...listRange('unread')).count(),
    ...subscriptionIds.map((id) => db.papers.where('unreadIn').equals(id).count()),
  ]);
  const bySubscription: Record<string, number> = {};
  subscriptionIds.forEach((id, i) => (bySubscription[id] = each[i] ?? 0));
  return { all: all ?? 0, bySubscription };
}

/**
 * How many papers of the feed arrived after `since` (epoch ms): the badge. Counting reads every
 * arrival, so it stops at `atMost`: the badge shows '99+' anyway.
 */
export async function countArrivedSince(since: number, atMost = Infinity): Promise<number> {
  const arrived = db.papers.where('addedAt').above(since).filter(inFeed);
  return Number.isFinite(atMost) ? arrived.limit(atMost).count() : arrived.count();
}

function without<K extends keyof StoredPaper>(paper: StoredPaper, key: K): StoredPaper {
  if (paper[key] === undefined) return paper;
  const next = { ...paper };
  delete next[key];
  return next;
}

// Unread marks follow from readAt and hiddenAt (see `toRow`).
export const markRead = (ids: string[], now: number) => editPapers(ids, (p) => (p.readAt === undefined ? { ...p, readAt: now } : p));
/** Marks papers unread; with `readAt`, only those still marked read at that time (an Undo leaves a read made since alone). */
export const markUnread = (ids: string[], readAt?: number) => editPapers(ids, (p) => (readAt === undefined || p.readAt === readAt ? without(p, 'readAt') : p));
export const hidePapers = (ids: string[], now: number) => editPapers(ids, (p) => (p.hiddenAt === undefined ? { ...p, hiddenAt: now } : p));
export const unhidePapers = (ids: string[]) => editPapers(ids, (p) => without(p, 'hiddenAt'));

/**
 * Read marks as the browser sync needs them: the papers that arrived since `since` (epoch ms) and
 * were read since `readSince` (hidden or not), the `max` read last, with when; and the papers of
 * the feed that are unread. Ids come from the indexes; only papers neither unread nor older are
 * read whole.
 */
export async function readMarks(since: number, readSince: number, max: number): Promise<{ read: Map<string, number>; unread: Set<string> }> {
  return db.transaction('r', db.papers, async () => {
    const arrived = (await db.papers.where('addedAt').aboveOrEqual(since).primaryKeys()) as string[];
    const unread = new Set((await db.papers.where('lists').between(...listRange('unread')).primaryKeys()) as string[]);
    const read = (await getPapers(arrived.filter((id) => !unread.has(id))))
      .flatMap((p): [string, number][] => (p?.readAt !== undefined && p.readAt >= readSince ? [[p.id, p.readAt]] : []))
      .sort((a, b) => b[1] - a[1]);
    return { read: new Map(read.slice(0, max)), unread };
  });
}

/** Marks papers read as of the given times: the time another browser agreed on replaces this one's. */
export const markReadAt = (readAt: ReadonlyMap<string, number>) => editPapers([...readAt.keys()], (p) => (p.readAt === readAt.get(p.id) ? p : { ...p, readAt: readAt.get(p.id)! }));

/** Marks every unread paper of a subscription (or of the whole feed) as read. Returns their ids (what an Undo marks unread). */
export async function markAllRead(now: number, subscriptionId?: string): Promise<string[]> {
  return db.transaction('rw', db.papers, async () => {
    const unread = subscriptionId === undefined ? db.papers.where('lists').between(...listRange('unread')) : db.papers.where('unreadIn').equals(subscriptionId);
    const ids = (await unread.primaryKeys()) as string[];
    await markRead(ids, now);
    return ids;
  });
}


/** A paper of the feed: when it arrived, and its date (epoch ms) where that is recent. */
export type Arrival = { id: string; addedAt: number; published?: number };

/**
 * Every paper of the feed, newest first, with when it arrived if that was at or after `since`
 * (0 for the others) and its date if that is no more than `lag` before `since`, from the indexes
 * alone (no paper is read). The ids are read in bulk, forwards, and turned around: a cursor over
 * 50,000 index entries took seconds.
 */
export async function feedArrivals(since: number, lag = 0): Promise<Arrival[]> {
  return db.transaction('r', db.papers, async () => {
    const ids = ((await db.papers.where('lists').between(...listRange('feed')).primaryKeys()) as string[]).reverse();
    const arrived = new Map<string, number>();
    await db.papers.where('addedAt').aboveOrEqual(since).eachKey((key, cursor) => arrived.set(cursor.primaryKey as string, key as number));
    const dated = new Map<string, number>();
    await db.papers.where('published').aboveOrEqual(new Date(since - lag).toISOString()).eachKey((key, cursor) => dated.set(cursor.primaryKey as string, Date.parse(key as string)));
    return ids.map((id) => ({ id, addedAt: arrived.get(id) ?? 0, ...(dated.has(id) ? { published: dated.get(id)! } : {}) }));
  });
}

/** The papers that arrived after `time` (from the index alone). */
export async function arrivedAfter(time: number): Promise<string[]> {
  return (await db.papers.where('addedAt').above(time).primaryKeys()) as string[];
}
