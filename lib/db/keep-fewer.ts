import { db } from './db';
import { putPapers } from './papers';
import { recentSince, retainEverywhere } from './retention';
import type { StoredPaper } from './schema';

/*
 * A lower "papers kept per subscription": how many papers it removes is counted before the user
 * is asked, the removal is made when they agree, and undone when they change their mind.
 * What retention spares, this spares: saved papers, papers marked "not interested", papers
 * another subscription still keeps, and papers published in the last days.
 */

/**
 * How many papers keeping the newest `keep` of each subscription would delete now. Counted
 * from the indexes alone (each subscription's papers, every paper's date): no paper is read.
 */
export async function papersRemovedByKeeping(keep: number, now: number): Promise<number> {
  const since = recentSince(now);
  return db.transaction('r', db.papers, db.library, async () => {
    const subsOf = new Map<string, string[]>();
    await db.papers.orderBy('subs').eachKey((sub, cursor) => {
      const id = cursor.primaryKey as string;
      subsOf.set(id, [...(subsOf.get(id) ?? []), sub as string]);
    });
    const spared = new Set<string>([
      ...((await db.library.toCollection().primaryKeys()) as string[]),
      ...((await db.papers.orderBy('notInterestedAt').primaryKeys()) as string[]),
    ]);
    const rank = new Map<string, number>();
    let removed = 0;
    // Newest first, the same date the higher id first: the order retention keeps them in.
    await db.papers.orderBy('published').reverse().eachKey((published, cursor) => {
      const id = cursor.primaryKey as string;
      const subs = subsOf.get(id) ?? [];
      let keptSomewhere = subs.length === 0 || (published as string) >= since;
      for (const sub of subs) {
        const place = rank.get(sub) ?? 0;
        rank.set(sub, place + 1);
        if (place < keep) keptSomewhere = true;
      }
      if (!keptSomewhere && !spared.has(id)) removed += 1;
    });
    return removed;
  });
}

export interface KeptFewer {
  /** Papers deleted. */
  removed: number;
  /** Every paper changed or deleted, as it was: what `undoKeepFewer` puts back. */
  before: StoredPaper[];
}

/** Keeps the newest `keep` papers of every subscription (and the recent ones), at once. */
export const keepFewer = (keep: number, now: number): Promise<KeptFewer> => retainEverywhere(keep, recentSince(now));

/** Puts back the papers `keepFewer` changed or deleted, as they were. */
export async function undoKeepFewer(before: readonly StoredPaper[]): Promise<void> {
  await db.transaction('rw', db.papers, () => putPapers(before));
}
