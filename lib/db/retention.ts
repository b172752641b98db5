import { db } from './db';
import { deletePapers, putPapers } from './papers';
import type { StoredPaper } from './schema';
import { isQuotaError } from './storage-errors';

/**
 * Papers published this many days back or later stay in the feed whatever number is kept: a
 * lower "papers kept" value, or a busy day, never takes away what arrived this week.
 */
export const RECENT_DAYS = 3;

/** The publication date (ISO) from which papers count as recent at `now`. */
export const recentSince = (now: number): string => new Date(now - RECENT_DAYS * 24 * 60 * 60_000).toISOString();

/** Newest first; the same date: the higher id first (the order of the feed). */
export const newestFirst = (a: StoredPaper, b: StoredPaper) =>
  a.published !== b.published ? (a.published < b.published ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

/** What letting go of some of a subscription's papers changes: papers it no longer claims, and those left in none. */
interface Detachment {
  /** The papers let go of, as they were. */
  picked: StoredPaper[];
  /** Papers that stay, without the subscription (another holds them, or they are saved or marked). */
  kept: StoredPaper[];
  /** Papers in no subscription any more, neither saved nor marked "not interested": deleted. */
  removed: string[];
}

/**
 * A paper no subscription holds that is kept all the same: saved (saved papers are only ever
 * removed by the user), or marked "not interested" (what ranking learns from, and what keeps the
 * paper hidden when a sync brings it again). keep-fewer.ts counts by the same rule from the indexes.
 */
const keptInNoSubscription = (paper: StoredPaper, saved: ReadonlySet<string>): boolean => saved.has(paper.id) || paper.notInterestedAt !== undefined;

/**
 * Which of `subscriptionId`'s papers `which` lets go of (given them newest first), and what
 * becomes of each: deleted when no other subscription holds it, unless it is saved (saved
 * papers are only ever removed by the user) or marked "not interested" (what ranking learns
 * from). Reads only; runs inside the caller's transaction.
 */
async function planDetachment(subscriptionId: string, which: (newestFirst: StoredPaper[]) => StoredPaper[]): Promise<Detachment> {
  const picked = which((await db.papers.where('subs').equals(subscriptionId).toArray()).sort(newestFirst));
  if (picked.length === 0) return { picked, kept: [], removed: [] };
  const saved = new Set(await db.library.where(':id').anyOf(picked.map((p) => p.id)).primaryKeys());
  const plan: Detachment = { picked, kept: [], removed: [] };
  for (const paper of picked) {
    const next = { ...paper, subs: paper.subs.filter((s) => s !== subscriptionId) };
    if (next.subs.length > 0 || keptInNoSubscription(paper, saved)) plan.kept.push(next);
    else plan.removed.push(paper.id);
  }
  return plan;
}

/** Detaches and deletes as planned, in one transaction. Returns how many papers were deleted. */
async function detach(subscriptionId: string, which: (newestFirst: StoredPaper[]) => StoredPaper[]): Promise<number> {
  return db.transaction('rw', db.papers, db.library, async () => {
    const { kept, removed } = await planDetachment(subscriptionId, which);
    await deletePapers(removed);
    await putPapers(kept);
    return removed.length;
  });
}

/** The papers past the newest `keep`, except those published since `keepSince` (ISO), when given. */
const beyond = (keep: number, keepSince?: string) => (papers: StoredPaper[]) =>
  papers.slice(keep).filter((paper) => keepSince === undefined || paper.published < keepSince);

/**
 * Keeps the newest `keep` papers of a subscription, and every one published since `keepSince`
 * (see recentSince). Returns how many papers were deleted.
 */
export const applyRetention = (subscriptionId: string, keep: number, keepSince?: string) => detach(subscriptionId, beyond(keep, keepSince));

/**
 * Retention over every subscription in one transaction (a lower "papers kept" value), returning
 * how many papers were deleted and every paper it changed or deleted, as it was before.
 */
export async function retainEverywhere(keep: number, keepSince: string): Promise<{ removed: number; before: StoredPaper[] }> {
  return db.transaction('rw', db.papers, db.library, async () => {
    const before = new Map<string, StoredPaper>();
    let removed = 0;
    // Every subscription that has papers, as the papers name them.
    for (const subscriptionId of (await db.papers.orderBy('subs').uniqueKeys()) as string[]) {
      const plan = await planDetachment(subscriptionId, beyond(keep, keepSince));
      for (const paper of plan.picked) if (!before.has(paper.id)) before.set(paper.id, paper);
      await deletePapers(plan.removed);
      await putPapers(plan.kept);
      removed += plan.removed.length;
    }
    return { removed, before: [...before.values()] };
  });
}

/**
 * Retention when the disk is full: the deletions are committed on their own first, since a
 * transaction that also rewrites papers could be refused whole for lack of space; then the
 * papers other subscriptions still hold are detached, if the disk lets that be written (if not,
 * they stay counted for this subscription until its next sync). Recent papers are not spared:
 * room is what is missing. Returns how many papers were deleted.
 */
export async function freeRoom(subscriptionId: string, keep: number): Promise<number> {
  const removed = await db.transaction('rw', db.papers, db.library, async () => {
    const plan = await planDetachment(subscriptionId, beyond(keep));
    await deletePapers(plan.removed);
    return plan.removed.length;
  });
  await applyRetention(subscriptionId, keep).catch((error: unknown) => {
    if (!isQuotaError(error)) throw error;
  });
  return removed;
}

/** Removes a subscription's claim on every paper (the subscription was deleted). */
export const forgetSubscription = (subscriptionId: string) => detach(subscriptionId, (papers) => papers);

/**
 * Empties the feed: every paper goes but those kept in no subscription (saved, or marked "not
 * interested": cleared, such a paper would come back with the next sync as if never dismissed).
 */
export async function clearFeed(): Promise<number> {
  return db.transaction('rw', db.papers, db.library, async () => {
    const saved = new Set((await db.library.toCollection().primaryKeys()) as string[]);
    const marked = (await db.papers.orderBy('notInterestedAt').primaryKeys()) as string[];
    const stay = new Set([...saved, ...marked]);
    const doomed = ((await db.papers.toCollection().primaryKeys()) as string[]).filter((id) => !stay.has(id));
    await deletePapers(doomed);
    const kept = await db.papers.bulkGet([...stay]);
    await putPapers(kept.flatMap((paper) => (paper && paper.subs.length > 0 ? [{ ...paper, subs: [] }] : [])));
    return doomed.length;
  });
}
