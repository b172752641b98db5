import { db } from './db';
import { toRow } from './layout';
import type { StoredPaper } from './schema';

/**
 * Reads and writes of papers by id. Every write goes through `toRow`, which derives the fields
 * the indexes read from the paper's own state.
 */

export async function getPapers(ids: readonly string[]): Promise<(StoredPaper | undefined)[]> {
  return db.papers.bulkGet([...ids]);
}

export async function getPaper(id: string): Promise<StoredPaper | undefined> {
  return db.papers.get(id);
}

/** Stores papers; a known id is replaced. */
export async function putPapers(papers: readonly StoredPaper[]): Promise<void> {
  if (papers.length > 0) await db.papers.bulkPut(papers.map(toRow));
}

/** What an edit does with a paper: a new version of it, null to delete it, undefined (or the same paper) to leave it. */
export type PaperEdit = (paper: StoredPaper) => StoredPaper | null | undefined;

/** Applies `edit` to the stored papers among `ids` (ids not stored are ignored), in one transaction. */
export async function editPapers(ids: readonly string[], edit: PaperEdit): Promise<void> {
  if (ids.length === 0) return;
  await db.transaction('rw', db.papers, async () => {
    const changed: StoredPaper[] = [];
    const deleted: string[] = [];
    for (const paper of await db.papers.bulkGet([...ids])) {
      if (!paper) continue;
      const next = edit(paper);
      if (next === null) deleted.push(paper.id);
      else if (next !== undefined && next !== paper) changed.push(next);
    }
    await putPapers(changed);
    if (deleted.length > 0) await db.papers.bulkDelete(deleted);
  });
}

export async function deletePapers(ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.papers.bulkDelete([...ids]);
}

/** How many papers are stored, and how many in each of `subscriptionIds` (read or not). */
export async function paperCounts(subscriptionIds: readonly string[] = []): Promise<{ papers: number; bySubscription: Record<string, number> }> {
  const [papers, ...each] = await Promise.all([db.papers.count(), ...subscriptionIds.map((id) => db.papers.where('subs').equals(id).count())]);
  return { papers: papers ?? 0, bySubscription: Object.fromEntries(subscriptionIds.map((id, i) => [id, each[i] ?? 0])) };
}
