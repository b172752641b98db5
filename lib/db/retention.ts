import { db } from './db';
import { deletePapers, PAPER_TABLES, papersOnShelves, putPapers } from './papers';
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
 * Detaches `subscriptionIds` from the given papers and deletes those left in no subscription,
 * unless they are saved: saved papers are only ever removed by the user.
 */
async function detach(papers: StoredPaper[], subscriptionIds: string[]): Promise<number> {
  if (papers.length === 0) return 0;
  const saved = new Set(
    (await db.library.bulkGet(papers.map((p) => p.id))).flatMap((item) => (item ? [item.id] : [])),
  );
  const keep: StoredPaper[] = [];
  const remove: string[] = [];
  for (const paper of papers) {
    const next = subscriptionIds.reduce(withoutSubscription, paper);
    if (next.subs.length > 0 || saved.has(paper.id)) keep.push(next);
    else remove.push(paper.id);
  }
  await putPapers(keep);
  await deletePapers(remove);
  return remove.length;
}

const papersOf = async (subscriptionId: string) =>
  (await papersOnShelves({ subscriptionId })).filter((p) => p.subs.includes(subscriptionId));

/** Keeps the newest `keep` papers of a subscription. Returns how many papers were deleted. */
export async function applyRetention(subscriptionId: string, keep: number): Promise<number> {
  return db.transaction('rw', [...PAPER_TABLES(), db.library], async () => {
    const papers = await papersOf(subscriptionId);
    if (papers.length <= keep) return 0;
    papers.sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : 0));
    return detach(papers.slice(keep), [subscriptionId]);
  });
}

/** Removes a subscription's claim on every paper (the subscription was deleted). */
export async function forgetSubscription(subscriptionId: string): Promise<number> {
  return db.transaction('rw', [...PAPER_TABLES(), db.library], async () => {
    const papers = await papersOf(subscriptionId);
    return detach(papers, [subscriptionId]);
  });
}

/** Empties the feed: every paper that is not saved goes. */
export async function clearFeed(): Promise<number> {
  return db.transaction('rw', [...PAPER_TABLES(), db.library], async () => {
    const savedIds = new Set(await db.library.toCollection().primaryKeys());
    const papers = await papersOnShelves({ all: true });
    const doomed = papers.filter((p) => !savedIds.has(p.id)).map((p) => p.id);
    await deletePapers(doomed);
    await putPapers(papers.filter((p) => savedIds.has(p.id)).map(outOfFeed));
    return doomed.length;
  });
}
