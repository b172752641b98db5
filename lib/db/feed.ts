import { db } from './db';
import type { StoredPaper } from './schema';

export interface FeedQuery {
  /** One subscription's papers; all subscriptions when absent. */
  subscriptionId?: string;
  offset?: number;
  limit: number;
}

const inFeed = (p: StoredPaper) => p.subs.length > 0 && p.hiddenAt === undefined;

/** Papers in the feed, newest first, hidden ones left out. Reads only what the page shows. */
export async function feedPage({ subscriptionId, offset = 0, limit }: FeedQuery): Promise<StoredPaper[]> {
  if (subscriptionId === undefined) {
    return db.papers.orderBy('published').reverse().filter(inFeed).offset(offset).limit(limit).toArray();
  }
  return subscriptionPage(subscriptionId, offset, limit);
}

const READ_AHEAD = 1.25;

/**
 * One subscription's page. IndexedDB cannot order a multi-entry index by date, so the order
 * comes from the keys alone (all ids by date, the subscription's ids), and only the papers up
 * to the end of the page are read, a chunk at a time, skipping hidden ones: a subscription of
 * 10,000 papers costs two key reads and the papers shown, not 10,000 papers.
 */
async function subscriptionPage(subscriptionId: string, offset: number, limit: number): Promise<StoredPaper[]> {
  const [byDate, mine] = await Promise.all([allPaperIds(), db.papers.where('subs').equals(subscriptionId).primaryKeys()]);
  const members = new Set(mine);
  const ids = byDate.filter((id) => members.has(id));
  const shown: StoredPaper[] = [];
  const wanted = offset + limit;
  for (let from = 0; from < ids.length && shown.length < wanted; ) {
    const chunk = ids.slice(from, from + Math.max(16, Math.ceil((wanted - shown.length) * READ_AHEAD)));
    from += chunk.length;
    for (const paper of await db.papers.bulkGet(chunk)) if (paper && inFeed(paper)) shown.push(paper);
  }
  return shown.slice(offset, wanted);
}

/**
 * The newest unread papers of the feed (the popup), and whether more follow. Walks the
 * `published` index newest first and stops after `limit` unread ones.
 */
export async function unreadPage(limit: number): Promise<StoredPaper[]> {
  return db.papers
    .orderBy('published')
    .reverse()
    .filter((p) => p.unread === 1 && p.hiddenAt === undefined)
    .limit(limit)
    .toArray();
}

/** Ids of every stored paper, newest first, from the `published` index alone (no paper is read). */
export async function allPaperIds(): Promise<string[]> {
  return (await db.papers.orderBy('published').reverse().primaryKeys()) as string[];
}

/** The paper stored last (by arrival): what changes when papers are added. */
export async function newestArrival(): Promise<Pick<StoredPaper, 'id' | 'addedAt'> | undefined> {
  const newest = await db.papers.orderBy('addedAt').last();
  return newest && { id: newest.id, addedAt: newest.addedAt };
}

export async function feedSize(subscriptionId?: string): Promise<number> {
  const collection =
    subscriptionId === undefined ? db.papers.toCollection() : db.papers.where('subs').equals(subscriptionId);
  return collection.filter(inFeed).count();
}

export interface UnreadCounts {
  all: number;
  bySubscription: Record<string, number>;
}

export async function unreadCounts(subscriptionIds: string[]): Promise<UnreadCounts> {
  const [all, ...each] = await Promise.all([
    db.papers.where('unread').equals(1).count(),
    ...subscriptionIds.map((id) => db.papers.where('unreadIn').equals(id).count()),
  ]);
  const bySubscription: Record<string, number> = {};
  subscriptionIds.forEach((id, i) => (bySubscription[id] = each[i] ?? 0));
  return { all: all ?? 0, bySubscription };
}

/**
 * How many papers arrived after `since` (epoch ms): the badge. Counting reads every arrival,
 * so it stops at `atMost`: the badge shows '99+' anyway, and 100,000 arrivals took seconds
 * in Chromium, with writes to the papers waiting meanwhile.
 */
export async function countArrivedSince(since: number, atMost = Infinity): Promise<number> {
  const arrived = db.papers.where('addedAt').above(since).filter(inFeed);
  return Number.isFinite(atMost) ? arrived.limit(atMost).count() : arrived.count();
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

async function update(ids: string[], change: (paper: StoredPaper) => StoredPaper): Promise<void> {
  await db.transaction('rw', db.papers, async () => {
    const papers = await db.papers.bulkGet(ids);
    await db.papers.bulkPut(papers.flatMap((p) => (p ? [change(p)] : [])));
  });
}

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
  return db.transaction('rw', db.papers, async () => {
    const collection =
      subscriptionId === undefined ? db.papers.where('unread').equals(1) : db.papers.where('unreadIn').equals(subscriptionId);
    const ids = (await collection.primaryKeys()) as string[];
    await update(ids, (p) => markedRead(p, now));
    return ids.length;
  });
}

export async function getPapers(ids: string[]): Promise<(StoredPaper | undefined)[]> {
  return db.papers.bulkGet(ids);
}
