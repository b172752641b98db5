import { liveQuery } from 'dexie';
import { getPapers, newestArrival } from '../db/feed';
import { catalogNewestFirst, readShelves } from '../db/papers';
import type { StoredPaper } from '../db/schema';
import type { PaperSource } from './paper-search';

/**
 * Shelves kept while reading every paper: papers newest first come from a handful of shelves at
 * a time (a shelf holds papers that arrived together), so each shelf is read about once.
 */
const SHELVES_KEPT = 200;

/** Where the catalog said each paper was, when the ids were last read. */
let shelfOf = new Map<string, number>();
const kept = new Map<number, Map<string, StoredPaper>>();

async function searchablePapers(ids: string[]): Promise<(StoredPaper | undefined)[]> {
  const needed = [...new Set(ids.flatMap((id) => shelfOf.get(id) ?? []))];
  const wanted = needed.filter((key) => !kept.has(key));
  const read = await readShelves(wanted);
  // Shelves used now move to the end (a Map keeps insertion order); the least recently used go.
  for (const key of needed) {
    const shelf = kept.get(key);
    if (!shelf) continue;
    kept.delete(key);
    kept.set(key, shelf);
  }
  read.forEach((shelf, i) => kept.set(wanted[i]!, new Map(shelf?.papers.map((p) => [p.id, p]) ?? [])));
  const found = ids.map((id) => kept.get(shelfOf.get(id) ?? -1)?.get(id));
  while (kept.size > Math.max(SHELVES_KEPT, needed.length)) kept.delete(kept.keys().next().value!);
  // Moved or added since the ids were read: asked for by id.
  const missing = ids.filter((_, i) => found[i] === undefined);
  if (missing.length === 0) return found;
  const late = new Map((await getPapers(missing)).flatMap((p) => (p ? [[p.id, p] as const] : [])));
  return ids.map((id, i) => found[i] ?? late.get(id));
}

/** Every stored paper, newest first, each shelf read about once. */
export const storedPapers: PaperSource = {
  allIds: async () => {
    const entries = await catalogNewestFirst();
    shelfOf = new Map(entries.map((e) => [e[1], e[2]]));
    kept.clear();
    return entries.map((e) => e[1]);
  },
  papers: searchablePapers,
};

/**
 * Calls `onChange` when papers are added (a sync, a save from an arXiv page); read state and
 * hiding change no searchable text and are ignored. Only the shelf of the newest arrival is
 * read, as this runs after every write. Papers removed by
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
