/**
 * What the benchmark runs inside the extension's service worker: the extension's own ingest and
 * database code, bundled from the same sources as the build (see browser-bundle.ts). Reached
 * as the global `paperRadarBench` after the bundle has been evaluated there.
 */
import type { ArxivEntry } from '../../../lib/arxiv/entry';
import { db } from '../../../lib/db/db';
import { ingest, newStoredPaper } from '../../../lib/db/ingest';
import { setMeta } from '../../../lib/db/meta';
import type { StoredPaper } from '../../../lib/db/schema';
import { SYNC_STATE_KEY, type SyncState } from '../../../lib/sync/state';
import type { Subscription } from '../../../lib/subscription';
import { allPaperIds } from '../../../lib/db/feed';
import { deletePapers, getPapers, putPapers } from '../../../lib/db/papers';
import { countStoredPapers } from '../../helpers/stored-papers';

export interface StoreShape {
  papers: number;
  /** The newest `unread` papers are unread, the rest read, as after weeks of use. */
  unread: number;
  subscriptions: Subscription[];
  /** When the newest paper was published (epoch ms); each next one `spacingMs` earlier. */
  newestAt: number;
  spacingMs: number;
  now: number;
}

const CHUNK = 2500;

/** The i-th stored paper: a real entry under a derived id, in one or two subscriptions. */
function storedPaper(template: ArxivEntry, i: number, shape: StoreShape): StoredPaper {
  const subs = shape.subscriptions.map((s) => s.id);
  const mine = [subs[i % subs.length]!, ...(i % 7 === 0 ? [subs[(i + 1) % subs.length]!] : [])];
  const id = `2604.${String(i).padStart(5, '0')}`;
  const publishedAt = shape.newestAt - i * shape.spacingMs;
  const published = new Date(publishedAt).toISOString().replace('.000Z', 'Z');
  const entry: ArxivEntry = { ...template, id, published, absUrl: `https://arxiv.org/abs/${id}v${template.version}`, pdfUrl: `https://arxiv.org/pdf/${id}v${template.version}` };
  const paper = newStoredPaper(entry, mine, publishedAt + 3_600_000);
  if (i < shape.unread) return paper;
  const { unread: _unread, ...read } = paper;
  return { ...read, unreadIn: [], readAt: publishedAt + 86_400_000 };
}

/** Fills an empty store through the extension's schema, in a few large transactions. */
async function fillStore(templates: ArxivEntry[], shape: StoreShape): Promise<number> {
  const start = performance.now();
  await db.subscriptions.bulkPut(shape.subscriptions);
  for (let from = 0; from < shape.papers; from += CHUNK) {
    const papers: StoredPaper[] = [];
    for (let i = from; i < Math.min(shape.papers, from + CHUNK); i++) papers.push(storedPaper(templates[i % templates.length]!, i, shape));
    await putPapers(papers);
  }
  // A sync that just succeeded: the background has no reason to start one while we measure.
  const sync: SyncState = { state: 'ok', lastSuccessAt: shape.now, lastAttemptAt: shape.now, lastAdded: 0, nextCheckAt: shape.now + 86_400_000 };
  await setMeta(SYNC_STATE_KEY, sync);
  return performance.now() - start;
}

/** Times one `ingest` call, in ms, as the sync engine makes it. */
async function timeIngest(entries: ArxivEntry[], subscriptionId: string, now: number): Promise<{ ms: number; added: number; updated: number; known: number }> {
  const start = performance.now();
  const result = await ingest(entries, subscriptionId, now);
  const ms = performance.now() - start;
  return { ms, added: result.added.length, updated: result.updated.length, known: result.knownToSubscription.length };
}

const FLOOR_DATABASE = 'paper-radar-bench-floor';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** One transaction of plain puts, timed; resolves when it has committed. */
async function timePuts(database: IDBDatabase, rows: object[]): Promise<number> {
  const start = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = database.transaction('papers', 'readwrite');
    const store = tx.objectStore('papers');
    for (const row of rows) store.put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  return performance.now() - start;
}

/**
 * The floor under a store of one record per paper on this machine: the same rows put with the
 * raw IndexedDB API, one record each, into a fresh object store without indexes, in one
 * transaction (no reads, no Dexie).
 */
async function timeRawPuts(entries: ArxivEntry[], subscriptionId: string, now: number): Promise<number> {
  const rows = entries.map((entry) => newStoredPaper(entry, [subscriptionId], now));
  await request(indexedDB.deleteDatabase(FLOOR_DATABASE));
  const open = indexedDB.open(FLOOR_DATABASE, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('papers', { keyPath: 'id' });
  const floor = await request(open);
  const ms = await timePuts(floor, rows);
  floor.close();
  await request(indexedDB.deleteDatabase(FLOOR_DATABASE));
  return ms;
}

async function removePapers(ids: string[]): Promise<void> {
  await deletePapers(ids);
}

async function countPapers(): Promise<number> {
  return countStoredPapers();
}

/** Ids of stored papers, newest first, from `offset`. */
async function storedIds(offset: number, limit: number): Promise<string[]> {
  return (await allPaperIds()).slice(offset, offset + limit);
}

async function getStored(ids: string[]): Promise<(StoredPaper | undefined)[]> {
  return getPapers(ids);
}

export const bench = { fillStore, timeIngest, timeRawPuts, removePapers, countPapers, storedIds, getStored };
