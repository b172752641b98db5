import { db } from './db';
import { editShelves, PAPER_TABLES } from './papers';
import { compareEntries } from './shelving';
import type { StoredPaper } from './schema';

export const DEFAULT_PAPERS_PER_SUBSCRIPTION = 200;

function withoutSubscription(paper: StoredPaper, subscriptionId: string): StoredPaper {
  const next: StoredPaper = {
    ...paper,
    subs: paper.subs.filter((s) => s !== subscriptionId),
    unreadIn: paper.unreadIn.filter((s) => s !== subscriptionId),
  };
  if (next.unreadIn.length === 0) delete next.unread;
  return next;
}

function outOfFeed(paper: StoredPaper): StoredPaper {
  const { unread: _unread, ...rest } = paper;
  return { ...rest, subs: [], unreadIn: [] };
}

/**
 * Detaches `subscriptionId` from the papers `which` picks among its papers (newest first) and
 * deletes those left in no subscription, unless they are saved: saved papers are only ever
 * removed by the user. Returns how many papers were deleted.
 */
async function detach(subscriptionId: string, which: (newestFirst: StoredPaper[]) => StoredPaper[]): Promise<number> {
  return db.transaction('rw', [...PAPER_TABLES(), db.library], async () => {
    let removed = 0;
    await editShelves({ subscriptionId }, async (onShelves) => {
      const mine = onShelves.filter((p) => p.subs.includes(subscriptionId));
      const picked = which(mine.sort((a, b) => compareEntries([a.published, a.id, 0], [b.published, b.id, 0])));
      const detached = new Set(picked.map((p) => p.id));
      const saved = new Set((await db.library.bulkGet([...detached])).flatMap((item) => (item ? [item.id] : [])));
      removed = picked.filter((p) => p.subs.length === 1 && !saved.has(p.id)).length;
      return (paper) => {
        if (!detached.has(paper.id)) return undefined;
        const next = withoutSubscription(paper, subscriptionId);
        return next.subs.length > 0 || saved.has(paper.id) ? next : null;
      };
    });
    return removed;
  });
}

/** Keeps the newest `keep` papers of a subscription. Returns how many papers were deleted. */
export const applyRetention = (subscriptionId: string, keep: number) => detach(subscriptionId, (papers) => papers.slice(keep));

/** Removes a subscription's claim on every paper (the subscription was deleted). */
export const forgetSubscription = (subscriptionId: string) => detach(subscriptionId, (papers) => papers);

/** Empties the feed: every paper that is not saved goes. */
export async function clearFeed(): Promise<number> {
  return db.transaction('rw', [...PAPER_TABLES(), db.library], async () => {
    const savedIds = new Set(await db.library.toCollection().primaryKeys());
    let removed = 0;
    await editShelves({ all: true }, (papers) => {
      removed = papers.filter((p) => !savedIds.has(p.id)).length;
      return (paper) => (savedIds.has(paper.id) ? outOfFeed(paper) : null);
    });
    return removed;
  });
}
