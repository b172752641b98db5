import type { ArxivEntry } from '../arxiv/entry';
import { db } from './db';
import { putPapers } from './papers';
import type { StoredPaper } from './schema';

export interface IngestResult {
  /** Papers stored for the first time: the only ones counted as new. */
  added: string[];
  /** Known papers whose metadata changed (a new version) or that gained this subscription. */
  updated: string[];
  /** Papers this subscription already had: the sync engine stops paging at the first one. */
  knownToSubscription: string[];
}

const METADATA_KEYS = [
  'version', 'title', 'summary', 'authors', 'published', 'updated', 'primaryCategory',
  'categories', 'comment', 'journalRef', 'doi', 'absUrl', 'pdfUrl',
] as const satisfies readonly (keyof ArxivEntry)[];

function isNewer(entry: ArxivEntry, stored: StoredPaper): boolean {
  return entry.version > stored.version || (entry.version === stored.version && entry.updated > stored.updated);
}

/** The stored paper with `entry`'s metadata, keeping everything the user did with it. */
export function withMetadata(stored: StoredPaper, entry: ArxivEntry): StoredPaper {
  const next: StoredPaper = { ...stored };
  for (const key of METADATA_KEYS) {
    if (entry[key] === undefined) delete next[key];
    else (next as unknown as Record<string, unknown>)[key] = entry[key];
  }
  return next;
}

export function newStoredPaper(entry: ArxivEntry, subs: string[], now: number): StoredPaper {
  const paper: StoredPaper = { ...entry, subs, unreadIn: [...subs], addedAt: now };
  if (subs.length > 0) paper.unread = 1;
  return paper;
}

/** One entry per id: the latest version when a page repeats a paper. */
function dedupe(entries: ArxivEntry[]): ArxivEntry[] {
  const byId = new Map<string, ArxivEntry>();
  for (const entry of entries) {
    const seen = byId.get(entry.id);
    if (!seen || entry.version > seen.version) byId.set(entry.id, entry);
  }
  return [...byId.values()];
}

/**
 * Stores a page of results for a subscription (or for the library when `subscriptionId` is
 * null). One paper per id; a new version updates metadata and keeps the user's state; the
 * same page twice changes nothing; a new version drops the figure and machine headlines made
 * from the old one. Returns what is new.
 */
export async function ingest(entries: ArxivEntry[], subscriptionId: string | null, now: number): Promise<IngestResult> {
  const unique = dedupe(entries);
  const result: IngestResult = { added: [], updated: [], knownToSubscription: [] };
  // A new version has its own abstract and figures: what was made from the old one goes.
  const revised: string[] = [];
  await db.transaction('rw', db.papers, db.extras, async () => {
    const existing = await db.papers.bulkGet(unique.map((e) => e.id));
    const writes: StoredPaper[] = [];
    unique.forEach((entry, i) => {
      const stored = existing[i];
      if (!stored) {
        writes.push(newStoredPaper(entry, subscriptionId ? [subscriptionId] : [], now));
        result.added.push(entry.id);
        return;
      }
      let next = isNewer(entry, stored) ? withMetadata(stored, entry) : stored;
      if (entry.version > stored.version) revised.push(entry.id);
      if (subscriptionId !== null) {
        if (stored.subs.includes(subscriptionId)) result.knownToSubscription.push(entry.id);
        else next = { ...next, subs: [...next.subs, subscriptionId] };
      }
      if (next !== stored) {
        writes.push(next);
        result.updated.push(entry.id);
      }
    });
    await putPapers(writes);
    if (revised.length > 0) await db.extras.bulkDelete(revised);
  });
  return result;
}
