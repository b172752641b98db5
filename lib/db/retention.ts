import { db } from './db';
import { deletePapers, putPapers } from './papers';
import type { StoredPaper } from './schema';

export const DEFAULT_PAPERS_PER_SUBSCRIPTION = 200;

/** Newest first; the same date: the higher id first (the order of the feed). */
const newestFirst = (a: StoredPaper, b: StoredPaper) =>
  a.published !== b.published ? (a.published < b.published ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

/**
 * Detaches `subscriptionId` from the papers `which` picks among its papers (newest first) and
 * deletes those left in no subscription, unless they are saved (saved papers are only ever
 * removed by the user) or marked "not interested" (what ranking learns from). Returns how many
 * papers were deleted.
 */
async function detach(subscriptionId: string, which: (newestFirst: StoredPaper[]) => StoredPaper[]): Promise<number> {
  return db.transaction('rw', db.papers, db.library, async () => {
    const picked = which((await db.papers.where('subs').equals(subscriptionId).toArray()).sort(newestFirst));
    if (picked.length === 0) return 0;
    const saved = new Set(await db.library.where(':id').anyOf(picked.map((p) => p.id)).primaryKeys());
    const kept: StoredPaper[] = [];
    const removed: string[] = [];
    for (const paper of picked) {
      const next = { ...paper, subs: paper.subs.filter((s) => s !== subscriptionId) };
      if (next.subs.length > 0 || saved.has(paper.id) || paper.notInterestedAt !== undefined) kept.push(next);
      else removed.push(paper.id);
    }
    await putPapers(kept);
    await deletePapers(removed);
    return removed.length;
  });
}

/** Keeps the newest `keep` papers of a subscription. Returns how many papers were deleted. */
export const applyRetention = (subscriptionId: string, keep: number) => detach(subscriptionId, (papers) => papers.slice(keep));

/** Removes a subscription's claim on every paper (the subscription was deleted). */
export const forgetSubscription = (subscriptionId: string) => detach(subscriptionId, (papers) => papers);

/** Empties the feed: every paper that is not saved goes; saved ones stay, in no subscription. */
export async function clearFeed(): Promise<number> {
  return db.transaction('rw', db.papers, db.library, async () => {
    const saved = new Set((await db.library.toCollection().primaryKeys()) as string[]);
    const doomed = ((await db.papers.toCollection().primaryKeys()) as string[]).filter((id) => !saved.has(id));
    await deletePapers(doomed);
    const kept = await db.papers.bulkGet([...saved]);
    await putPapers(kept.flatMap((paper) => (paper && paper.subs.length > 0 ? [{ ...paper, subs: [] }] : [])));
    return doomed.length;
  });
}
