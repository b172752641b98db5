import { liveQuery } from 'dexie';
import { db } from '../db/db';
import { getPapers } from '../db/feed';
import type { PaperSource } from './paper-search';

/**
 * Every stored paper, newest first. The ids come from the `published` index alone, so listing
 * 50,000 of them reads no paper. (A candidate for lib/db/feed.ts as `allPaperIds`.)
 */
export const storedPapers: PaperSource = {
  allIds: async () => (await db.papers.orderBy('published').reverse().primaryKeys()) as string[],
  papers: getPapers,
};

/**
 * Calls `onChange` when papers are added or removed (a sync, retention, a save from an arXiv
 * page); read state and hiding change no searchable text and are ignored.
 */
export function watchStoredPapers(onChange: () => void): () => void {
  let last: string | undefined;
  const subscription = liveQuery(async () => {
    const [count, newest] = await Promise.all([db.papers.count(), db.papers.orderBy('addedAt').last()]);
    return `${count}:${newest?.addedAt ?? 0}`;
  }).subscribe({
    next: (signature) => {
      if (last !== undefined && signature !== last) onChange();
      last = signature;
    },
    error: () => undefined, // search keeps the papers it has; the next page load starts afresh
  });
  return () => subscription.unsubscribe();
}
