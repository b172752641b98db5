import { db } from '../../lib/db/db';
import type { StoredPaper } from '../../lib/db/schema';

/** Every stored paper, in id order, as the app made it (without the keys the database derives for its indexes). */
export async function allStoredPapers(): Promise<StoredPaper[]> {
  return (await db.papers.toArray()).map(({ lists: _lists, ...paper }) => paper);
}

export async function storedIds(): Promise<string[]> {
  return (await allStoredPapers()).map((p) => p.id);
}

export async function countStoredPapers(filter: (paper: StoredPaper) => boolean = () => true): Promise<number> {
  return (await allStoredPapers()).filter(filter).length;
}

/** Papers stored in a subscription. */
export const countInSubscription = (subscriptionId: string) => countStoredPapers((p) => p.subs.includes(subscriptionId));

/** Ids of every stored paper, oldest first (by `published`, as the feed orders them). */
export async function idsOldestFirst(): Promise<string[]> {
  return (await allStoredPapers())
    .sort((a, b) => (a.published < b.published ? -1 : a.published > b.published ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((p) => p.id);
}
