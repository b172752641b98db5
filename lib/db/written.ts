import { cmp, Dexie, RangeSet, type IntervalTree, type ObservabilitySet } from 'dexie';
import { DATABASE_NAME } from './layout';

// Writes as every context of the extension hears of them (Dexie's storagemutated event). Apart
// from user-data-writes.ts, whose middleware the database module installs: that one loads no Dexie of its
// own, so the bundle's Dexie chunk keeps the database module's name.

/** Whether one of `sorted` (in IndexedDB's order) lies in one of the ranges of a written part. */
function touches(sorted: readonly string[], written: IntervalTree): boolean {
  // A part from another context comes through a BroadcastChannel as a plain tree: `RangeSet(tree)` reads it as a set.
  for (const { from, to } of RangeSet(written)) {
    let low = 0;
    for (let high = sorted.length; low < high; ) {
      const middle = (low + high) >>> 1;
      if (cmp(sorted[middle], from) < 0) low = middle + 1;
      else high = middle;
    }
    if (low < sorted.length && cmp(sorted[low], to) <= 0) return true;
  }
  return false;
}

/**
 * Calls `onWrite` after every committed write to a table, made in this page, another page or the
 * worker (Dexie's storagemutated event reaches every context of the extension); with `ids`, only
 * after a write to one of them (Dexie names the keys of a write of fewer than 50 rows; a larger
 * one, such as a page of a sync, counts as a write to every row). Returns the unsubscribe. What a
 * read of thousands of rows listens to instead of being a live query, which tracks every key it
 * read: for 2,000 saved papers that tracking and the copy of its answer held the Library 35–45 ms
 * in one task (Chromium's profiler).
 */
function onWritten(table: string, onWrite: () => void, ids?: readonly string[]): () => void {
  const part = `idb://${DATABASE_NAME}/${table}/`;
  const sorted = ids && [...ids].sort(cmp);
  const listener = (parts: ObservabilitySet) => {
    if (parts.all || Object.entries(parts).some(([key, written]) => key.startsWith(part) && (!sorted || (key === part && touches(sorted, written))))) onWrite();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}

/** After a write to the papers (to one of `ids`, when given): see `onWritten`. What tells a copy of `feedArrivals` kept in memory from the feed now. */
export const onPapersWritten = (onWrite: () => void, ids?: readonly string[]) => onWritten('papers', onWrite, ids);

/** After a write to the library (saves, tags, notes): see `onWritten`. */
export const onLibraryWritten = (onWrite: () => void) => onWritten('library', onWrite);
