import { db } from './db';
import type { LibraryItem } from './schema';

// What the Library keeps of saves the reader removed, for when the paper is saved again
// (lib/db/library.ts: savePaper, unsavePaper). Called inside their transactions (`meta`).

/**
 * What the reader wrote on saves they removed lately (tags, note, and the version saved), one
 * `meta` row each (`removed:<id>`), kept so that saving the paper again brings it back: one press
 * of a Save button (on a card, or on an arXiv page, which has no Undo) would otherwise lose a
 * note for good.
 */
const REMOVED_PREFIX = 'removed:';
const REMOVED_KEPT_MS = 30 * 24 * 60 * 60_000;
const REMOVED_KEPT = 200;
type RemovedSave = Pick<LibraryItem, 'tags' | 'note' | 'baseline'> & { at: number };

/**
 * The last save removed, and when it had been made: saved again within REMOVED_BY_MISTAKE_MS, the
 * removal was a slip (an arXiv page's Save button has no Undo), and the paper goes back to its
 * place in the Library. Later it is a new save, on top. One row, whatever is removed.
 */
const LAST_REMOVAL_KEY = 'lastRemoval';
const REMOVED_BY_MISTAKE_MS = 60 * 60_000;
type LastRemoval = { id: string; savedAt: number; at: number };

/** Keeps what the reader wrote on a save being removed, and forgets the oldest and expired ones. */
async function keepWords(item: LibraryItem, now: number): Promise<void> {
  const rows = db.meta.where(':id').startsWith(REMOVED_PREFIX);
  const kept = (await rows.toArray()).sort((a, b) => (b.value as RemovedSave).at - (a.value as RemovedSave).at);
  const forgotten = kept.filter((row, i) => i >= REMOVED_KEPT - 1 || now - (row.value as RemovedSave).at >= REMOVED_KEPT_MS);
  await db.meta.bulkDelete(forgotten.map((row) => row.key));
  const value: RemovedSave = { tags: item.tags, note: item.note, at: now, ...(item.baseline ? { baseline: item.baseline } : {}) };
  await db.meta.put({ key: REMOVED_PREFIX + item.id, value });
}

/** What the reader wrote on this paper when they removed it lately, forgotten as it is read. */
async function takeWords(id: string, now: number): Promise<RemovedSave | undefined> {
  const row = await db.meta.get(REMOVED_PREFIX + id);
  if (!row) return undefined;
  await db.meta.delete(row.key);
  const removed = row.value as RemovedSave;
  return now - removed.at < REMOVED_KEPT_MS ? removed : undefined;
}

/** Remembers what a save being removed had: its words, if any (REMOVED_PREFIX), and its place (LAST_REMOVAL_KEY). */
export async function rememberRemoval(item: LibraryItem, now: number): Promise<void> {
  if (item.tags.length > 0 || item.note !== '') await keepWords(item, now);
  await db.meta.put({ key: LAST_REMOVAL_KEY, value: { id: item.id, savedAt: item.savedAt, at: now } satisfies LastRemoval });
}

/** What a paper saved again gets back: its words (within 30 days), and when it was saved (within the hour, if it was the last removed). */
export async function recallRemoval(id: string, now: number): Promise<{ words?: RemovedSave; savedAt?: number }> {
  const words = await takeWords(id, now);
  const last = (await db.meta.get(LAST_REMOVAL_KEY))?.value as LastRemoval | undefined;
  const savedAt = last?.id === id && now - last.at < REMOVED_BY_MISTAKE_MS ? last.savedAt : undefined;
  return { ...(words ? { words } : {}), ...(savedAt !== undefined ? { savedAt } : {}) };
}
