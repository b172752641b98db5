import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { allLibraryItems, allTags, entriesOf, libraryHead, papersById, type LibraryEntry } from '../../lib/db/library';
import { getSavedCheckState, type SavedCheckState } from '../../lib/db/saved-check';
import type { StoredPaper } from '../../lib/db/schema';
import { listSubscriptions } from '../../lib/db/subscriptions';
import { onLibraryWritten, onPapersWritten } from '../../lib/db/written';
import { useLiveQuery } from '../common/use-live-query';

export interface LibraryRead {
  /** The saves read so far, the most recent first, with their papers. */
  entries: LibraryEntry[];
  /** How many saves there are: more than `entries` while only the most recent are read. */
  total: number;
  /** Every save is read with its paper: what a search, a filter or an export may rely on. */
  complete: boolean;
  tags: string[];
  /** Subscription names by id. */
  labels: Map<string, string>;
  check: SavedCheckState | undefined;
}

async function aroundSaves() {
  const [tags, subscriptions, check] = await Promise.all([allTags(), listSubscriptions(), getSavedCheckState()]);
  return { tags, labels: new Map(subscriptions.map((s) => [s.id, s.label])), check };
}

/**
 * Writes that come together (a sync's, an import's) are read once they stop; and a tag or a note
 * just written reaches its card through the first page's live query before the whole library is
 * read again (read at once, the tag took 198–265 ms to show; with this wait, 70–101 ms: medians
 * of the bench's Library).
 */
const WRITES_SETTLE_MS = 100;
/** Writes that go on and on (a first browser sync stores 2,000 saves one by one) are read at least this often. */
const WRITES_READ_AT_LEAST_EVERY_MS = 1000;

/**
 * What `read` answers, read again a moment after the writes that `watch` reports, or during them
 * when they go on (one read at a time; a write during a read reads once more after it). For
 * reads of thousands of rows, where a live query's tracking of each key read costs more than the
 * read (see lib/db/written.ts). A failed read keeps the answer before it.
 */
function useWatchedRead<T>(read: (() => Promise<T>) | undefined, watch: (onWrite: () => void) => () => void, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    if (!read) return;
    let active = true;
    let reading = false;
    let again = false;
    const run = async () => {
      again = true;
      if (reading) return;
      reading = true;
      while (again && active) {
        again = false;
        const answer = await read().then((v) => ({ v }), () => undefined);
        if (answer && active) setValue(() => answer.v);
      }
      reading = false;
    };
    let settle: ReturnType<typeof setTimeout> | undefined;
    let unreadSince = 0;
    const stop = watch(() => {
      if (settle === undefined) unreadSince = Date.now();
      clearTimeout(settle);
      const wait = Math.min(WRITES_SETTLE_MS, unreadSince + WRITES_READ_AT_LEAST_EVERY_MS - Date.now());
      settle = setTimeout(() => {
        settle = undefined;
        void run();
      }, Math.max(0, wait));
    });
    void run();
    return () => {
      active = false;
      clearTimeout(settle);
      stop();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the read depends on
  }, deps);
  return value;
}

/**
 * The library, kept current, read in the order a reader needs it: the `firstPage` most recent
 * saves with their papers at once (and, `changedFirst`, the saves whose change the reader was
 * told of); then, once `readRest` is true, every save, and the papers of
 * all of them. The saves (tags, notes) and the papers are read apart: a tag or a note written
 * reads the saves again, not 2,000 papers (which took 0.7–1.2 s, and the tag waited for them).
 */
export function useLibrary(firstPage: number, readRest: boolean, changedFirst = false): LibraryRead | undefined {
  const head = useLiveQuery(async () => {
    const [{ entries, total }, around] = await Promise.all([libraryHead(firstPage, changedFirst), aroundSaves()]);
    return { entries, total, ...around };
  }, [firstPage, changedFirst]).value;
  // The rest once the caller asks for it (its first cards are drawn, or the reader searches).
  const [readAll, setReadAll] = useState(false);
  useEffect(() => {
    if (head && readRest) setReadAll(true);
  }, [head !== undefined, readRest]);
  // The tags, names and check state come with the first page, which every write reads again.
  const saves = useWatchedRead(readAll ? async () => ({ items: await allLibraryItems() }) : undefined, onLibraryWritten, [readAll]);
  const ids = saves?.items.map((item) => item.id);
  const idsKey = ids?.join('\n');
  const papers = useWatchedRead(ids && (async () => ({ key: idsKey, byId: await papersById(ids) })), (onWrite) => onPapersWritten(onWrite, ids), [idsKey]);

  // A library of one page is whole from its first read. Grown past it (a save in another tab)
  // before every save is read, it is shown as it was until then: not cut to its newest page.
  const lastWhole = useRef<LibraryRead | undefined>(undefined);
  return useMemo(() => {
    if (!head) return undefined;
    if (!saves || !papers) {
      const read = { ...head, complete: head.entries.length === head.total };
      if (read.complete) lastWhole.current = read;
      return read.complete ? read : (lastWhole.current ?? read);
    }
    // The first page is read again sooner after a write: its saves and papers are the fresher
    // ones (a tag just added), and a paper saved since the papers were read is among them.
    const byId = new Map<string, StoredPaper>(papers.byId);
    const headItems = new Map(head.entries.map((entry) => [entry.item.id, entry.item]));
    for (const entry of head.entries) if (entry.paper) byId.set(entry.item.id, entry.paper);
    const items = saves.items.map((item) => headItems.get(item.id) ?? item);
    // Saves whose papers are being read (a backup restored, saves from another browser) wait for
    // them: drawn without, they would read as waiting for arXiv.
    const known = papers.key === idsKey ? items : items.filter((item) => item.pending === 1 || byId.has(item.id));
    const complete = known.length === items.length;
    return { entries: entriesOf(known, byId), total: items.length, complete, tags: head.tags, labels: head.labels, check: head.check };
  }, [head, saves, papers, idsKey]);
}
