/**
 * What the benchmark runs inside the extension's service worker: the extension's own ingest and
 * database code, bundled from the same sources as the build (see browser-bundle.ts). Reached
 * as the global `paperRadarBench` after the bundle has been evaluated there.
 */
import type { ArxivEntry } from '../../../lib/arxiv/entry';
import { db, PaperRadarDatabase } from '../../../lib/db/db';
import { allPaperIds, feedPage, hidePapers, markRead, unhidePapers, markUnread } from '../../../lib/db/feed';
import { ingest, newStoredPaper } from '../../../lib/db/ingest';
import { savePaper, unsavePaper } from '../../../lib/db/library';
import { setMeta } from '../../../lib/db/meta';
import { deletePapers, getPapers, paperCounts, putPapers } from '../../../lib/db/papers';
import type { StoredPaper } from '../../../lib/db/schema';
import { SYNC_STATE_KEY, type SyncState } from '../../../lib/sync/state';
import { Ranker } from '../../../lib/background/ranker';
import { BrowserSync } from '../../../lib/browser-sync/syncer';
import { setTags } from '../../../lib/db/library';
import { clearRankState, featureChunks, forYouPage, getRankModel, getRanking, markNotInterested } from '../../../lib/db/ranking';
import { feedArrivals } from '../../../lib/db/feed';
import { vectorsById } from '../../../lib/rank/matrix';
import { dot } from '../../../lib/rank/vocabulary';
import { updateSettings } from '../../../lib/settings';
import type { Subscription } from '../../../lib/subscription';

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
  return i < shape.unread ? paper : { ...paper, readAt: publishedAt + 86_400_000 };
}

/** Fills an empty store through the extension's own writes, in a few large transactions. */
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

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

/** Times one `ingest` call, in ms, as the sync engine makes it. */
async function timeIngest(entries: ArxivEntry[], subscriptionId: string, now: number): Promise<{ ms: number; added: number; updated: number; known: number }> {
  const { ms, result } = await timed(() => ingest(entries, subscriptionId, now));
  return { ms, added: result.added.length, updated: result.updated.length, known: result.knownToSubscription.length };
}

/** One click on a card, timed until its write has committed: read, hidden or saved, and back (untimed). */
async function timeClick(action: 'read' | 'hide' | 'save', id: string, now: number): Promise<number> {
  if (action === 'read') {
    const { ms } = await timed(() => markRead([id], now));
    await markUnread([id]);
    return ms;
  }
  if (action === 'hide') {
    const { ms } = await timed(() => hidePapers([id], now));
    await unhidePapers([id]);
    return ms;
  }
  const [paper] = await getPapers([id]);
  const { ms } = await timed(() => savePaper(id, now, paper));
  await unsavePaper(id);
  return ms;
}

/** A page of the feed (all of it or one subscription's): its papers read, in ms. */
async function timeFeedPage(offset: number, limit: number, subscriptionId?: string): Promise<{ ms: number; ids: string[] }> {
  const { ms, result } = await timed(() => feedPage({ subscriptionId, offset, limit }));
  return { ms, ids: result.map((p) => p.id) };
}

const UPGRADE_DATABASE = 'paper-radar-bench-upgrade';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/**
 * Writes a database as schema 3 left it (papers 50 to a "shelf" record, a month catalog, counts
 * in `meta`) with the raw API, from the papers of the main store. Returns how many papers it holds.
 */
async function writeShelvesDatabase(): Promise<number> {
  await request(indexedDB.deleteDatabase(UPGRADE_DATABASE));
  const open = indexedDB.open(UPGRADE_DATABASE, 30); // Dexie stores version n as n × 10
  open.onupgradeneeded = () => {
    const idb = open.result;
    const shelves = idb.createObjectStore('shelves', { keyPath: 'key' });
    for (const [name, multiEntry] of [['ids', true], ['addedAt', false], ['subs', true], ['unreadIn', true], ['unread', false]] as const) shelves.createIndex(name, name, { multiEntry });
    idb.createObjectStore('catalog', { keyPath: 'month' });
    idb.createObjectStore('library', { keyPath: 'id' }).createIndex('savedAt', 'savedAt');
    idb.createObjectStore('subscriptions', { keyPath: 'id' }).createIndex('order', 'order');
    idb.createObjectStore('syncStatus', { keyPath: 'subscriptionId' });
    idb.createObjectStore('meta', { keyPath: 'key' });
    idb.createObjectStore('extras', { keyPath: 'id' });
  };
  const old = await request(open);
  const ids = await allPaperIds();
  const catalog = new Map<string, [string, string, number][]>();
  let key = 1;
  for (let from = 0; from < ids.length; from += CHUNK) {
    const papers = (await getPapers(ids.slice(from, from + CHUNK))).flatMap((p) => {
      if (!p) return [];
      const { lists: _lists, ...paper } = p as StoredPaper & { lists?: unknown };
      return [paper];
    });
    await new Promise<void>((resolve, reject) => {
      const tx = old.transaction(['shelves', 'catalog'], 'readwrite');
      for (let at = 0; at < papers.length; at += 50, key++) {
        const shelf = papers.slice(at, at + 50);
        for (const p of shelf) {
          const month = p.published.slice(0, 7);
          if (!catalog.has(month)) catalog.set(month, []);
          catalog.get(month)!.push([p.published, p.id, key]);
        }
        tx.objectStore('shelves').put({ key, papers: shelf, ids: shelf.map((p) => p.id), addedAt: Math.max(...shelf.map((p) => p.addedAt)), subs: [...new Set(shelf.flatMap((p) => p.subs))], unreadIn: [...new Set(shelf.flatMap((p) => p.unreadIn))], ...(shelf.some((p) => p.unread === 1) ? { unread: 1 } : {}) });
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  await new Promise<void>((resolve, reject) => {
    const tx = old.transaction(['catalog', 'meta'], 'readwrite');
    for (const [month, entries] of catalog) tx.objectStore('catalog').put({ month, entries });
    tx.objectStore('meta').put({ key: 'paperCounts', value: { papers: ids.length } });
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  old.close();
  return ids.length;
}

/** Opens the database `writeShelvesDatabase` wrote with today's code: the upgrade, timed until the database is open. Returns its time and the papers after it. */
async function timeUpgrade(): Promise<{ ms: number; papers: number }> {
  const upgraded = new PaperRadarDatabase(UPGRADE_DATABASE);
  const { ms } = await timed(() => upgraded.open());
  const papers = await upgraded.papers.count();
  upgraded.close();
  await request(indexedDB.deleteDatabase(UPGRADE_DATABASE));
  return { ms, papers };
}

async function removePapers(ids: string[]): Promise<void> {
  await deletePapers(ids);
}

async function countPapers(): Promise<number> {
  return (await paperCounts()).papers;
}

/** Ids of stored papers, newest first, from `offset`. */
async function storedIds(offset: number, limit: number): Promise<string[]> {
  return (await allPaperIds()).slice(offset, offset + limit);
}

async function getStored(ids: string[]): Promise<(StoredPaper | undefined)[]> {
  return getPapers(ids);
}

/** The reader's labels: these papers saved, those marked "not interested". */
async function label(saved: string[], dismissed: string[], now: number): Promise<void> {
  for (const id of saved) {
    const [paper] = await getPapers([id]);
    await savePaper(id, now, paper);
  }
  await markNotInterested(dismissed, now);
}

/** The first ranking of the store: vocabulary, every paper's features, the model and the order, from nothing. */
async function timeRankFirstBuild(now: number): Promise<{ ms: number; ranked: number }> {
  await clearRankState();
  const { ms } = await timed(() => new Ranker({ now: () => now }).run());
  return { ms, ranked: (await getRanking())?.ids.length ?? 0 };
}

/** Scoring every paper of the feed with the stored model and features (what a re-rank does after training). */
async function timeScore(): Promise<{ ms: number; scored: number; readMs: number }> {
  const read = await timed(async () => ({ model: (await getRankModel())!, chunks: await featureChunks(), feed: await feedArrivals(Date.now() - 7 * 86_400_000) }));
  const { model, chunks, feed } = read.result;
  const vectors = vectorsById(chunks);
  const { ms, result } = await timed(async () => feed.map((p) => { const x = vectors.get(p.id); return x ? dot(model.weights, x) + model.bias : 0; }));
  return { ms, scored: result.length, readMs: read.ms };
}

/** The background's ranker, awake: it ranked once since the worker woke. */
let awake: Ranker | undefined;

/**
 * A save, then the new order stored (what the background does within a second of the click):
 * by the ranker of a worker that has ranked since it woke (`warm`), or by one just woken,
 * which reads every paper's features first.
 */
async function timeRerankAfterSave(id: string, now: number, warm: boolean): Promise<number> {
  const [paper] = await getPapers([id]);
  if (warm && !awake) {
    awake = new Ranker({ now: () => now });
    await awake.run();
  }
  const ranker = warm ? awake! : new Ranker({ now: () => now });
  const { ms } = await timed(async () => {
    await savePaper(id, now, paper);
    await ranker.run();
  });
  await unsavePaper(id);
  return ms;
}

async function timeForYouPage(): Promise<{ ms: number; papers: number }> {
  const { ms, result } = await timed(async () => forYouPage((await getRanking())!, 50));
  return { ms, papers: result.papers.length };
}

async function chooseForYou(): Promise<void> {
  await updateSettings({ feedOrder: 'forYou' });
}

/** 2,000 papers saved with tags, synced through the browser's own storage.sync: the bytes it takes there. */
async function syncedBytes(ids: string[], now: number): Promise<{ bytes: number; items: number; notSynced: number }> {
  const tags = ['to read', 'gnn', 'theory', 'benchmarks', 'reading group', 'thesis'];
  for (const [i, id] of ids.entries()) {
    await savePaper(id, now - i * 3_600_000);
    await setTags(id, [tags[i % tags.length]!, ...(i % 3 === 0 ? [tags[(i + 1) % tags.length]!] : [])]);
  }
  const area = chrome.storage.sync;
  let status = { bytes: 0, notSynced: 0 };
  await new BrowserSync({ area: area as never, now: () => now, enabled: async () => true, setStatus: async (s) => void (status = s), onApplied: () => undefined }).run();
  const bytes = await area.getBytesInUse(null);
  const items = Object.keys(await area.get(null)).length;
  await area.clear();
  for (const id of ids) await unsavePaper(id);
  return { bytes, items, notSynced: status.notSynced };
}

/**
 * A library of `ids.length` saved papers, the first saved last; the `long` first of them get
 * abstracts of `abstractChars` characters (their own abstract repeated), as arXiv's format
 * allows. Returns how many papers are saved.
 */
async function fillLibrary(ids: string[], long: number, abstractChars: number, now: number): Promise<number> {
  const lengthened = (await getPapers(ids.slice(0, long))).flatMap((paper) => {
    if (!paper) return [];
    const words = Array.from({ length: Math.ceil(abstractChars / (paper.summary.length + 1)) }, () => paper.summary).join(' ');
    return [{ ...paper, summary: words.slice(0, abstractChars) }];
  });
  await putPapers(lengthened);
  for (const [i, id] of ids.entries()) await savePaper(id, now - i * 60_000);
  return db.library.count();
}

declare const chrome: { storage: { sync: { getBytesInUse(keys: null): Promise<number>; get(keys: null): Promise<Record<string, unknown>>; clear(): Promise<void> } } };

export const bench = {
  fillStore,
  timeIngest,
  timeClick,
  timeFeedPage,
  writeShelvesDatabase,
  timeUpgrade,
  removePapers,
  countPapers,
  storedIds,
  getStored,
  label,
  timeRankFirstBuild,
  timeScore,
  timeRerankAfterSave,
  timeForYouPage,
  chooseForYou,
  syncedBytes,
  fillLibrary,
};
