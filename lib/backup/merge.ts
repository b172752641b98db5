import type { ArxivEntry } from '../arxiv/entry';
import { newStoredPaper, withMetadata } from '../db/ingest';
import type { LibraryItem, StoredPaper } from '../db/schema';
import type { Subscription, SubscriptionQuery } from '../subscription';
import type { BackupLibraryItem, ImportedBackup } from './format';
import { baselineOf } from '../watch/baseline';
import { LIMITS } from '../schema/limits';
import { noteProblem } from '../schema/user-text';

/** What is already stored that an import can collide with. */
export interface LocalData {
  subscriptions: Subscription[];
  /** Library items with the ids the backup holds (others cannot collide). */
  library: Map<string, LibraryItem>;
  /** Stored papers with the ids the backup holds. */
  papers: Map<string, StoredPaper>;
  /** Every tag in use. */
  tags: Set<string>;
}

export interface ImportPlan {
  addSubscriptions: Subscription[];
  /** Subscriptions in the file that watch what a stored one already watches. */
  knownSubscriptions: number;
  addLibrary: LibraryItem[];
  /** Saved papers that gain tags, a note or their metadata from the file. */
  updateLibrary: LibraryItem[];
  /** Saved papers the file has nothing to add to. */
  unchangedLibrary: number;
  putPapers: StoredPaper[];
  newTags: string[];
}

/** Two subscriptions watch the same thing: same kind, text, categories and exclusions. */
export function queryKey(q: SubscriptionQuery): string {
  const text = (s: string) => s.trim().replace(/\s+/g, ' ');
  // A raw query is arXiv syntax, where case matters (AND is an operator, and is a word).
  const value = q.kind === 'raw' ? text(q.value) : text(q.value).toLowerCase();
  const set = (items: string[]) => [...new Set(items.map((i) => text(i).toLowerCase()))].sort();
  return JSON.stringify([q.kind, value, set(q.categories), set(q.exclude)]);
}

function planSubscriptions(backup: ImportedBackup, local: LocalData, newId: () => string) {
  const known = new Set(local.subscriptions.map(queryKey));
  const usedIds = new Set(local.subscriptions.map((s) => s.id));
  // Imported subscriptions come after the user's own, in the file's order; into an empty list
  // they keep their positions exactly.
  const offset = local.subscriptions.reduce((max, s) => Math.max(max, s.order + 1), 0);
  const add: Subscription[] = [];
  let skipped = 0;
  for (const subscription of backup.subscriptions) {
    const key = queryKey(subscription);
    if (known.has(key)) {
      skipped += 1;
      continue;
    }
    known.add(key);
    const id = usedIds.has(subscription.id) ? newId() : subscription.id;
    usedIds.add(id);
    add.push({ ...subscription, id, order: offset + subscription.order });
  }
  return { add, skipped };
}

const isNewer = (entry: ArxivEntry, stored: StoredPaper) =>
  entry.version > stored.version || (entry.version === stored.version && entry.updated > stored.updated);

/** The paper row to write for an imported item, or undefined when the stored one is as new. */
function paperToWrite(item: BackupLibraryItem, stored: StoredPaper | undefined, now: number): StoredPaper | undefined {
  if (!item.paper) return undefined;
  if (!stored) return newStoredPaper(item.paper, [], now);
  return isNewer(item.paper, stored) ? withMetadata(stored, item.paper) : undefined;
}

/** Where a note's paragraphs are (blank lines between them), each without the spaces around it. */
function paragraphSpans(note: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const push = (from: number, to: number) => {
    while (from < to && /\s/.test(note[from]!)) from++;
    while (to > from && /\s/.test(note[to - 1]!)) to--;
    if (to > from) spans.push({ start: from, end: to });
  };
  let from = 0;
  for (const blank of note.matchAll(/\n\s*\n/g)) {
    push(from, blank.index);
    from = blank.index + blank[0].length;
  }
  push(from, note.length);
  return spans;
}

/** A note's paragraphs, as compared: trimmed, blank lines between them. */
const paragraphs = (note: string) => paragraphSpans(note).map(({ start, end }) => note.slice(start, end));

/**
 * Paragraphs of the file's note compared by their beginnings with the note here (see
 * mergedNote): at most this many, and only as many as keep the characters compared under
 * CARRIED_ON_BUDGET (each check reads the note here at most twice), so that long notes of many
 * paragraphs (a hostile file) cost no more than reading them; past that, only whole paragraphs
 * are compared.
 */
const CARRIED_ON_CHECKS = 50;
const CARRIED_ON_BUDGET = 200_000;

/**
 * The two notes on one paper, the one here first, then the paragraphs of the file's (written on
 * another computer) that it does not have: two browsers importing each other's backups end up
 * with each paragraph once. A paragraph written on after the backup was made, here or in the
 * file, is one paragraph, the longer one: "Sec 3 matters." here and "Sec 3 matters. Also ch. 4."
 * in the file make "Sec 3 matters. Also ch. 4.", whichever way round; the rest of the note here
 * is kept as written. Only where both together would be over the limit a note can have
 * (LIMITS.note, far beyond what anyone writes) is the file's left out.
 */
function mergedNote(here: string, file: string): string {
  if (here.trim() === '') return file;
  const spans = paragraphSpans(here);
  const mine = spans.map(({ start, end }) => here.slice(start, end));
  const known = new Set(mine);
  const longer = new Map<number, string>(); // a paragraph here, by index, and the file's that carries it on
  let checks = Math.min(CARRIED_ON_CHECKS, Math.floor(CARRIED_ON_BUDGET / here.length));
  const added = paragraphs(file).filter((p) => {
    if (known.has(p)) return false;
    if (checks-- <= 0) return true;
    if (mine.some((q) => q.startsWith(p))) return false; // written on here since
    const older = mine.findIndex((q, i) => !longer.has(i) && p.startsWith(q)); // written on in the file
    if (older < 0) return true;
    longer.set(older, p);
    return false;
  });
  if (added.length === 0 && longer.size === 0) return here;
  let kept = here.trimEnd();
  // From the last paragraph back, so the earlier ones' places still hold.
  for (const [i, p] of [...longer].sort((a, b) => b[0] - a[0])) kept = kept.slice(0, spans[i]!.start) + p + kept.slice(spans[i]!.end);
  const both = [kept, ...added].join('\n\n');
  return noteProblem(both) === null ? both : here;
}

/** A stored item with what the file adds: tags joined (within the limit a paper can have), notes joined. */
function mergedItem(local: LibraryItem, item: BackupLibraryItem, known: ArxivEntry | undefined): LibraryItem {
  const merged: LibraryItem = {
    ...local,
    tags: [...new Set([...local.tags, ...item.tags])].slice(0, Math.max(LIMITS.tags, local.tags.length)),
    note: mergedNote(local.note, item.note),
  };
  if (merged.pending && known) {
    delete merged.pending;
    delete merged.lookup;
    merged.baseline = baselineOf(known);
    delete merged.fromPage;
  }
  return merged;
}

/**
 * How a backup joins what is stored, without duplicates: a subscription whose query is already
 * watched is skipped; a paper already saved keeps its date and gains the file's tags and note
 * (see mergedNote). Pure: the caller reads `local` and writes the plan in one transaction.
 */
export function planImport(backup: ImportedBackup, local: LocalData, options: { now: number; newId: () => string }): ImportPlan {
  const subscriptions = planSubscriptions(backup, local, options.newId);
  const plan: ImportPlan = {
    addSubscriptions: subscriptions.add,
    knownSubscriptions: subscriptions.skipped,
    addLibrary: [],
    updateLibrary: [],
    unchangedLibrary: 0,
    putPapers: [],
    newTags: [],
  };
  const tags = new Set<string>();
  // A tag the library has in another case is the library's ("Thesis" in the file, "thesis" here).
  const spelled = new Map([...local.tags].map((tag) => [tag.toLowerCase(), tag]));
  for (const fileItem of backup.library) {
    // The first spelling met stands for a new tag too ("ML" and "ml" in one file are one tag).
    for (const tag of fileItem.tags) if (!spelled.has(tag.toLowerCase())) spelled.set(tag.toLowerCase(), tag);
    const item = { ...fileItem, tags: [...new Set(fileItem.tags.map((tag) => spelled.get(tag.toLowerCase())!))] };
    const stored = local.papers.get(item.id);
    const paper = paperToWrite(item, stored, options.now);
    if (paper) plan.putPapers.push(paper);
    // The paper as it will be stored: what "changed since saved" compares with from now on.
    const known = paper ?? stored;
    for (const tag of item.tags) if (!local.tags.has(tag)) tags.add(tag);
    const existing = local.library.get(item.id);
    if (!existing) {
      const added: LibraryItem = { id: item.id, savedAt: item.savedAt, tags: item.tags, note: item.note };
      if (known) added.baseline = baselineOf(known);
      else added.pending = 1;
      plan.addLibrary.push(added);
      continue;
    }
    const merged = mergedItem(existing, item, known);
    if (JSON.stringify(merged) === JSON.stringify(existing) && !paper) plan.unchangedLibrary += 1;
    else plan.updateLibrary.push(merged);
  }
  plan.newTags = [...tags].sort((a, b) => a.localeCompare(b));
  return plan;
}
