import type { ArxivEntry } from '../arxiv/entry';
import { db } from './db';
import { deletePapers, getPaper, getPapers, putPapers } from './papers';
import { newStoredPaper, withMetadata } from './ingest';
import type { ShownPaper } from '../messaging/protocol';
import type { LibraryItem, StoredPaper } from './schema';
import { baselineOf } from '../watch/baseline';
import { LimitError, noteProblem, tagsProblem } from '../schema/user-text';
import { recallRemoval, rememberRemoval } from './removed-saves';

export interface SaveResult {
  /** True when the paper's metadata is not stored yet and must be fetched from arXiv. */
  pending: boolean;
}

/**
 * Saves a paper. With `entry` (from a card or a completed lookup) its metadata is stored too;
 * without, the save is kept as pending until arXiv has been asked, with what the arXiv page
 * showed of it (`shown`), so the Library can show its title meanwhile.
 */
export async function savePaper(id: string, now: number, entry?: ArxivEntry, shown?: ShownPaper): Promise<SaveResult> {
  return db.transaction('rw', [db.library, db.papers, db.meta], async () => {
    const stored = await getPaper(id);
    if (!stored && entry) await putPapers([newStoredPaper(entry, [], now)]);
    const pending = !stored && !entry;
    const existing = await db.library.get(id);
    const known = stored ?? entry;
    if (existing) {
      if (known && existing.pending) await db.library.put({ ...withoutPending(existing), baseline: baselineOf(known) });
      else if (existing.pending && shown && !existing.fromPage) await db.library.put({ ...existing, fromPage: shown });
      return { pending: pending && existing.pending === 1 };
    }
    const item: LibraryItem = { id, savedAt: now, tags: [], note: '' };
    // What "changed since saved" compares with: the paper as the reader saw it when saving.
    if (known) item.baseline = baselineOf(known);
    // Saved again after a removal: what the reader wrote on it comes back, the version saved first, and soon after, its place.
    const { words, savedAt } = await recallRemoval(id, now);
    if (words) {
      item.tags = words.tags;
      item.note = words.note;
      if (words.baseline) item.baseline = words.baseline;
    }
    if (savedAt !== undefined) item.savedAt = savedAt;
    if (pending) item.pending = 1;
    if (pending && shown) item.fromPage = shown;
    await db.library.put(item);
    return { pending };
  });
}

/** A completed save: arXiv's metadata is stored, so what the page showed goes with the pending mark. */
function withoutPending(item: LibraryItem): LibraryItem {
  const { pending: _pending, lookup: _lookup, fromPage: _fromPage, ...rest } = item;
  return rest;
}

/** Records, on the saves among `ids` that are still pending, why arXiv's answer did not complete them. */
export async function notePendingLookup(ids: string[], problem: string, now: number): Promise<void> {
  await db.transaction('rw', db.library, async () => {
    const items = await db.library.bulkGet(ids);
    const noted = items.flatMap((item) => (item?.pending ? [{ ...item, lookup: { at: now, problem, attempts: (item.lookup?.attempts ?? 0) + 1 } }] : []));
    if (noted.length > 0) await db.library.bulkPut(noted);
  });
}

/**
 * Removes a paper from the library; a paper in no subscription goes with it. Its tags and note
 * are kept a while (see removed-saves.ts): saved again, it gets them back (and its place, soon after).
 */
export async function unsavePaper(id: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.library, db.papers, db.meta], async () => {
    const item = await db.library.get(id);
    if (item) await rememberRemoval(item, now);
    await db.library.delete(id);
    const paper = await getPaper(id);
    if (paper && paper.subs.length === 0) await deletePapers([id]);
  });
}

/** Of `ids`, those in the library. */
export async function savedAmong(ids: string[]): Promise<string[]> {
  const items = await db.library.bulkGet(ids);
  return items.flatMap((item) => (item ? [item.id] : []));
}

/**
 * Ids saved before their metadata could be fetched, to ask arXiv for now: a save whose last
 * lookups brought nothing waits `retryDelay(attempts)` after the last one.
 */
export async function pendingSaves(now = Date.now(), retryDelay: (attempts: number) => number = () => 0): Promise<string[]> {
  return db.library
    .filter((item) => item.pending === 1 && (!item.lookup || now - item.lookup.at >= retryDelay(item.lookup.attempts)))
    .primaryKeys();
}

/** Stores metadata fetched for pending saves and clears their pending mark. */
export async function completePendingSaves(entries: ArxivEntry[], now: number): Promise<string[]> {
  return db.transaction('rw', db.library, db.papers, async () => {
    const items = await db.library.bulkGet(entries.map((e) => e.id));
    const saved = entries.filter((_, i) => items[i] !== undefined);
    const stored = await getPapers(saved.map((e) => e.id));
    await putPapers(saved.map((entry, i) => (stored[i] ? withMetadata(stored[i], entry) : newStoredPaper(entry, [], now))));
    const completed = items.flatMap((item, i) => (item ? [{ item, entry: entries[i]! }] : []));
    // A save completed now is compared, from now on, with the version arXiv gave for it.
    await db.library.bulkPut(completed.filter(({ item }) => item.pending).map(({ item, entry }) => ({ ...withoutPending(item), baseline: baselineOf(entry) })));
    return saved.map((e) => e.id);
  });
}

export interface LibraryEntry {
  item: LibraryItem;
  paper?: StoredPaper;
}

/**
 * Papers read at a time for the Library: 2,000 read at once held its page for 180 ms, and 100
 * with long abstracts (20,000 characters, as a backup may hold) one task for 118 ms, 45 of them
 * taking the records out of IndexedDB's format.
 */
const PAPERS_READ_AT_ONCE = 50;

/**
 * The records of `ids`, read in slices of `size`: the next slice is asked for while the page
 * handles the one before.
 */
async function readInSlices<T>(ids: readonly string[], size: number, read: (slice: string[]) => Promise<(T | undefined)[]>): Promise<T[]> {
  const ask = (from: number) => {
    const records = read(ids.slice(from, from + size));
    records.catch(() => undefined); // a failed read is thrown where it is awaited, not reported unhandled meanwhile
    return records;
  };
  const found: T[] = [];
  let next = ask(0);
  for (let from = 0; from < ids.length; from += size) {
    const current = next;
    if (from + size < ids.length) next = ask(from + size);
    for (const record of await current) if (record !== undefined) found.push(record);
  }
  return found;
}

/** The stored papers of these ids, by id, read a few at a time (see PAPERS_READ_AT_ONCE). */
export async function papersById(ids: readonly string[]): Promise<Map<string, StoredPaper>> {
  return new Map((await readInSlices(ids, PAPERS_READ_AT_ONCE, getPapers)).map((paper) => [paper.id, paper]));
}

/** The items with their papers where stored. */
export function entriesOf(items: readonly LibraryItem[], papers: ReadonlyMap<string, StoredPaper>): LibraryEntry[] {
  return items.map((item) => {
    const paper = papers.get(item.id);
    return paper ? { item, paper } : { item };
  });
}

/** The library, most recently saved first, with each paper's metadata where known. */
export async function libraryEntries(): Promise<LibraryEntry[]> {
  const items = await allLibraryItems();
  return entriesOf(items, await papersById(items.map((item) => item.id)));
}

/**
 * The `count` most recent saves with their papers, and how many saves there are: what the
 * Library's first screen shows while the rest is read (2,000 saved papers took 0.7–1.2 s to read).
 * With `told`, also the saves whose change the reader was told of (where the saved-changes
 * notification leads), which among 2,000 saves showed only once all were read, after 2.2–2.6 s.
 */
export async function libraryHead(count: number, told = false): Promise<{ entries: LibraryEntry[]; total: number }> {
  const toldOf = told ? db.library.filter((item) => item.told !== undefined).toArray() : [];
  const [recent, total, changed] = await Promise.all([db.library.orderBy('savedAt').reverse().limit(count).toArray(), db.library.count(), toldOf]);
  const items = [...new Map([...recent, ...changed].map((item) => [item.id, item])).values()].sort((a, b) => b.savedAt - a.savedAt);
  return { entries: entriesOf(items, await papersById(items.map((item) => item.id))), total };
}

/** A tag as it is compared: "Thesis" and "thesis" are one tag. */
const tagKey = (tag: string) => tag.toLowerCase();

/** Each tag once whatever its case, as first spelled. */
function oneOfEach(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => !seen.has(tagKey(tag)) && Boolean(seen.add(tagKey(tag))));
}

/** Sets a paper's tags (trimmed, each once, whatever its case); a LimitError for tags a backup could not hold. */
export async function setTags(id: string, tags: string[]): Promise<void> {
  const clean = oneOfEach(tags.map((t) => t.trim()).filter((t) => t !== ''));
  const problem = tagsProblem(clean);
  if (problem) throw new LimitError(problem);
  await db.library.update(id, { tags: clean });
}

/**
 * Changes a paper's tags as `edit` says, applied to the tags stored when it runs: of two quick
 * edits, the second does not undo the first, as a list of tags read before it was stored would.
 */
export async function editTags(id: string, edit: (tags: string[]) => string[]): Promise<void> {
  await db.transaction('rw', db.library, async () => {
    const item = await db.library.get(id);
    if (!item) return;
    // A tag the library has already, typed in another case, is written as the library writes it:
    // "Thesis" beside "thesis" made two chips, and a filter by one missed the other.
    const known = new Map((await allTags()).map((tag) => [tagKey(tag), tag]));
    await setTags(id, edit(item.tags).map((tag) => known.get(tagKey(tag.trim())) ?? tag));
  });
}

/** Sets a paper's note; a LimitError for a note a backup could not hold. */
export async function setNote(id: string, note: string): Promise<void> {
  const problem = noteProblem(note);
  if (problem) throw new LimitError(problem);
  await db.library.update(id, { note });
}

/**
 * Every tag in use, each once whatever its case (saves tagged before tags were compared so can
 * have both "Thesis" and "thesis"), in the reader's alphabetical order (the index's puts every
 * capital first).
 */
export async function allTags(): Promise<string[]> {
  return oneOfEach(((await db.library.orderBy('tags').uniqueKeys()) as string[]).sort((a, b) => a.localeCompare(b)));
}

/** The library items with these ids (undefined where an id is not saved). */
export async function libraryItems(ids: readonly string[]): Promise<(LibraryItem | undefined)[]> {
  return db.library.bulkGet([...ids]);
}

/** Writes library items as given (an import's plan). */
export async function putLibraryItems(items: readonly LibraryItem[]): Promise<void> {
  if (items.length > 0) await db.library.bulkPut([...items]);
}

export async function savedCount(): Promise<number> {
  return db.library.count();
}

/** Ids of the saved papers whose metadata is stored (what ranking learns from), most recent first. */
export async function savedPaperIds(): Promise<string[]> {
  return db.library.orderBy('savedAt').reverse().filter((item) => item.pending !== 1).primaryKeys();
}

/**
 * Saves read at a time by `allLibraryItems`. Read in one request (Dexie's `toArray`), 2,000 were
 * decoded in one task of 23–45 ms (Chromium traces); read by id, each is decoded on its own, and
 * a slice bounds the requests waiting.
 */
const ITEMS_READ_AT_ONCE = 250;

/** Every library item, the most recently saved first: the ids from the index, then the items a slice at a time, in one read. */
export async function allLibraryItems(): Promise<LibraryItem[]> {
  return db.transaction('r', db.library, async () => {
    // Forwards and turned around: one request, where a reverse read walks a cursor key by key.
    const ids = ((await db.library.orderBy('savedAt').primaryKeys()) as string[]).reverse();
    return readInSlices(ids, ITEMS_READ_AT_ONCE, (slice) => db.library.bulkGet(slice));
  });
}

/**
 * A saved paper as another of the reader's browsers has it: saved then, with these tags and
 * note. A paper not stored here waits for its metadata (`pending`), as a save from a page does.
 * Returns whether it is pending.
 */
export async function putSyncedLibraryItem(id: string, savedAt: number, tags: string[], note: string): Promise<boolean> {
  return db.transaction('rw', db.library, db.papers, async () => {
    const [existing, stored] = await Promise.all([db.library.get(id), getPaper(id)]);
    const item: LibraryItem = { ...existing, id, savedAt, tags, note };
    if (!stored && !existing) item.pending = 1;
    await db.library.put(item);
    return item.pending === 1;
  });
}
