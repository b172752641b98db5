import type { ArxivEntry } from '../arxiv/entry';
import { entryOf } from '../arxiv/entry';
import { baselineOf } from '../watch/baseline';
import { changeKey, changeSinceSaved, type SavedPaperChange } from '../watch/changes';
import { db } from './db';
import { withMetadata } from './ingest';
import { getMeta, setMeta } from './meta';
import { getPapers, putPapers } from './papers';
import type { LibraryItem, StoredPaper } from './schema';

/**
 * What the daily check of saved papers (lib/background/saved-check.ts) reads and writes: which
 * saved papers are still to be asked, arXiv's answers, and what the reader was told.
 */

/** The check for one arXiv announcement, kept in `meta` so a restarted worker carries on. */
export interface SavedCheckState {
  /** The announcement whose data the check reads (epoch ms). */
  announcement: number;
  startedAt: number;
  finishedAt?: number;
  /** Requests made so far. */
  requests: number;
  /** Why the check stopped before the end, and when it tries again. */
  problem?: string;
  retryAt?: number;
}

const STATE_KEY = 'savedCheck';

export const getSavedCheckState = (): Promise<SavedCheckState | undefined> => getMeta<SavedCheckState>(STATE_KEY);
export const setSavedCheckState = (state: SavedCheckState): Promise<void> => setMeta(STATE_KEY, state);

/** Saved papers the check that started at `startedAt` has yet to ask about: saved before it, with their metadata known. */
export async function savedPapersToCheck(startedAt: number): Promise<StoredPaper[]> {
  const ids = await db.library.filter((item) => item.pending !== 1 && item.savedAt < startedAt && (item.check?.at ?? -Infinity) < startedAt).primaryKeys();
  const papers = await getPapers(ids);
  return papers.flatMap((paper) => (paper ? [paper] : []));
}

/** arXiv's answer has something the stored paper lacks: a later version, or other metadata for the same one (a journal reference). */
function isNews(entry: ArxivEntry, stored: StoredPaper): boolean {
  if (entry.version !== stored.version) return entry.version > stored.version;
  return JSON.stringify(entryOf(entry)) !== JSON.stringify(entryOf(stored));
}

export interface CheckAnswer {
  /** Papers whose metadata arXiv's answer changed. */
  updated: string[];
  /** Asked and not in the answer: kept as they are, asked again at the next check. */
  missing: string[];
}

/**
 * Stores arXiv's answer to one batch in one transaction: new metadata (keeping everything the
 * reader did with the paper; what was made from an old version's abstract goes), and on each
 * saved paper when it was asked and whether the answer left it out. A paper left out is never
 * read as deleted: nothing of it changes but the count of answers that missed it.
 */
export async function recordCheckAnswer(asked: readonly string[], entries: readonly ArxivEntry[], now: number): Promise<CheckAnswer> {
  const answered = new Map<string, ArxivEntry>();
  for (const entry of entries) {
    const seen = answered.get(entry.id);
    if (!seen || entry.version > seen.version) answered.set(entry.id, entry);
  }
  return db.transaction('rw', db.library, db.papers, db.extras, async () => {
    const [items, papers] = await Promise.all([db.library.bulkGet([...asked]), getPapers(asked)]);
    const result: CheckAnswer = { updated: [], missing: [] };
    const itemWrites: LibraryItem[] = [];
    const paperWrites: StoredPaper[] = [];
    const revised: string[] = [];
    asked.forEach((id, i) => {
      const item = items[i];
      const paper = papers[i];
      if (!item || !paper) return; // removed from the library (or never completed) meanwhile
      const entry = answered.get(id);
      // Saved before papers had a baseline: compared, from now on, with what was stored.
      const next: LibraryItem = { ...item, baseline: item.baseline ?? baselineOf(paper) };
      if (!entry) {
        next.check = { at: now, missing: (item.check?.missing ?? 0) + 1, missingSince: item.check?.missingSince ?? now };
        result.missing.push(id);
      } else {
        next.check = { at: now };
        if (isNews(entry, paper)) {
          paperWrites.push(withMetadata(paper, entry));
          if (entry.version > paper.version) revised.push(id);
          result.updated.push(id);
        }
      }
      itemWrites.push(next);
    });
    await putPapers(paperWrites);
    if (revised.length > 0) await db.extras.bulkDelete(revised);
    if (itemWrites.length > 0) await db.library.bulkPut(itemWrites);
    return result;
  });
}

/** arXiv refused the request these saved papers were in: they keep everything and are asked again at the next check. */
export async function recordCheckRefusal(asked: readonly string[], problem: string, now: number): Promise<void> {
  await db.transaction('rw', db.library, async () => {
    const items = await db.library.bulkGet([...asked]);
    const noted = items.flatMap((item) => (item ? [{ ...item, check: { ...item.check, at: now, problem } }] : []));
    if (noted.length > 0) await db.library.bulkPut(noted);
  });
}

export interface SavedChange {
  id: string;
  title: string;
  change: SavedPaperChange;
}

/** Saved papers that changed since they were saved in a way the reader has not been told of yet. */
export async function untoldChanges(): Promise<SavedChange[]> {
  const items = await db.library.filter((item) => item.baseline !== undefined && item.pending !== 1).toArray();
  const papers = await getPapers(items.map((item) => item.id));
  return items.flatMap((item, i) => {
    const paper = papers[i];
    const change = paper && item.baseline ? changeSinceSaved(item.baseline, paper) : null;
    return paper && change && changeKey(change) !== item.told ? [{ id: item.id, title: paper.title, change }] : [];
  });
}

/** Saved papers whose change the reader was told of and has not marked seen (the Library tab's count). */
export async function toldChangesCount(): Promise<number> {
  return db.library.filter((item) => item.told !== undefined).count();
}

/** Remembers that the reader was told of these changes. */
export async function markTold(changes: readonly SavedChange[]): Promise<void> {
  if (changes.length === 0) return;
  await db.transaction('rw', db.library, async () => {
    const items = await db.library.bulkGet(changes.map((c) => c.id));
    const told = items.flatMap((item, i) => (item ? [{ ...item, told: changeKey(changes[i]!.change) }] : []));
    await db.library.bulkPut(told);
  });
}

/** The reader has seen what changed: from now on the paper is compared with its current version. */
export async function markChangesSeen(id: string): Promise<SeenMark | undefined> {
  return db.transaction('rw', db.library, db.papers, async () => {
    const [item, [paper]] = await Promise.all([db.library.get(id), getPapers([id])]);
    if (!item || !paper) return undefined;
    const { told, ...rest } = item;
    await db.library.put({ ...rest, baseline: baselineOf(paper) });
    return { baseline: item.baseline, told };
  });
}

/** What a paper's changes were compared with before they were marked seen: its Undo puts it back. */
export type SeenMark = Pick<LibraryItem, 'baseline' | 'told'>;

/** Undoes `markChangesSeen`: the paper is compared with what it was before, and its change is shown again. */
export async function unmarkChangesSeen(id: string, before: SeenMark): Promise<void> {
  await db.transaction('rw', db.library, async () => {
    const item = await db.library.get(id);
    if (!item) return;
    const { baseline: _baseline, told: _told, ...rest } = item;
    await db.library.put({ ...rest, ...(before.baseline ? { baseline: before.baseline } : {}), ...(before.told !== undefined ? { told: before.told } : {}) });
  });
}
