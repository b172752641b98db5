import { papersOnShelves } from '../../lib/db/papers';
import type { StoredPaper } from '../../lib/db/schema';

/** Every stored paper, read from the shelves themselves (not from the counts), in id order. */
export async function allStoredPapers(): Promise<StoredPaper[]> {
  return (await papersOnShelves({ all: true })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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
