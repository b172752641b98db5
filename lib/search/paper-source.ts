import { liveQuery } from 'dexie';
import { allPaperIds, newestArrival } from '../db/feed';
import { getPapers } from '../db/papers';
import type { PaperSource } from './paper-search';

/** Every stored paper, newest first. */
export const storedPapers: PaperSource = { allIds: allPaperIds, papers: getPapers };

/**
 * Calls `onChange` when papers are added (a sync, a save from an arXiv page); read state and
 * hiding change no searchable text and are ignored. Only the newest arrival is read, as this
 * runs after every write. Papers removed by
 * retention stay in the index until the next arrival; their results are dropped when the page
 * finds them gone.
 */
export function watchStoredPapers(onChange: () => void): () => void {
  let last: string | undefined;
  const subscription = liveQuery(async () => {
    const newest = await newestArrival();
    return `${newest?.id ?? ''}:${newest?.addedAt ?? 0}`;
  }).subscribe({
    next: (signature) => {
      if (last !== undefined && signature !== last) onChange();
      last = signature;
    },
    error: () => undefined, // search keeps the papers it has; the next page load starts afresh
  });
  return () => subscription.unsubscribe();
}
