import type { Subscription } from '../subscription';
import type { SyncState } from '../sync/state';
import { DATABASE_NAME } from './name';
import type { CatalogEntry, CatalogMonth, LibraryItem, MetaRow, Shelf, StoredPaper } from './schema';

/** What a page needs for its first frame. */
export interface FirstCards {
  subscriptions: Subscription[];
  sync: SyncState;
  papers: StoredPaper[];
  /** Ids of the papers above that are in the library. */
  saved: string[];
  more: boolean;
}

/** The feed (all of it or one subscription's), or the unread papers (the popup). */
export type FirstCardsQuery = { feed: true; subscriptionId?: string } | { unread: true };

// SYNC_STATE_KEY in lib/sync/state.ts, which loads Dexie: this module must not.
const SYNC_STATE_KEY = 'syncState';
const STORES = ['shelves', 'catalog', 'subscriptions', 'meta', 'library'];
/** Papers looked at before giving up: a rare subscription's cards are left to the database module. */
const MAX_STEPS = 1000;

const inFeed = (p: StoredPaper) => p.subs.length > 0 && p.hiddenAt === undefined;

function matches(query: FirstCardsQuery): (paper: StoredPaper) => boolean {
  if ('unread' in query) return (p) => p.unread === 1 && p.hiddenAt === undefined;
  const { subscriptionId } = query;
  return subscriptionId === undefined ? inFeed : (p) => inFeed(p) && p.subs.includes(subscriptionId);
}

function openExisting(idb: IDBFactory): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const open = idb.open(DATABASE_NAME);
    // No database yet: leave creating it, with its schema, to Dexie.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => resolve(null);
    open.onblocked = () => resolve(null);
  });
}

/**
 * Newest first, the first `limit` papers that match (and whether more follow), or null after
 * MAX_STEPS: the catalog a month at a time, and the shelves of a few entries at a time.
 */
function walkNewest(tx: IDBTransaction, match: (p: StoredPaper) => boolean, limit: number, done: (found: StoredPaper[] | null) => void): void {
  const shelves = tx.objectStore('shelves');
  const read = new Map<number, Shelf | undefined>();
  const found: StoredPaper[] = [];
  const batchSize = 2 * (limit + 1);
  let steps = 0;
  let entries: CatalogEntry[] = [];
  let at = 0;
  const months = tx.objectStore('catalog').openCursor(null, 'prev');
  months.onsuccess = () => {
    const cursor = months.result;
    if (!cursor) return done(found);
    entries = (cursor.value as CatalogMonth).entries;
    at = 0;
    next(cursor);
  };
  const next = (month: IDBCursorWithValue) => {
    const batch = entries.slice(at, at + batchSize);
    at += batch.length;
    if (batch.length === 0) return month.continue();
    const missing = [...new Set(batch.map((e) => e[2]))].filter((key) => !read.has(key));
    let waiting = missing.length;
    const take = () => {
      for (const [, id, key] of batch) {
        if (++steps > MAX_STEPS) return done(null);
        const paper = read.get(key)?.papers.find((p) => p.id === id);
        if (paper && match(paper)) found.push(paper);
        if (found.length > limit) return done(found);
      }
      next(month);
    };
    if (waiting === 0) return take();
    for (const key of missing) {
      const request = shelves.get(key);
      request.onsuccess = () => {
        read.set(key, request.result as Shelf | undefined);
        if (--waiting === 0) take();
      };
    }
  };
}

function readAll(db: IDBDatabase, query: FirstCardsQuery, limit: number): Promise<FirstCards | null> {
  return new Promise((resolve) => {
    const tx = db.transaction(STORES, 'readonly');
    const out: Partial<FirstCards> = {};
    const subscriptions = tx.objectStore('subscriptions').getAll();
    subscriptions.onsuccess = () => (out.subscriptions = (subscriptions.result as Subscription[]).sort((a, b) => a.order - b.order));
    const sync = tx.objectStore('meta').get(SYNC_STATE_KEY);
    sync.onsuccess = () => (out.sync = ((sync.result as MetaRow | undefined)?.value as SyncState | undefined) ?? { state: 'idle' });
    let walked: StoredPaper[] | null = null;
    const saved: string[] = [];
    walkNewest(tx, matches(query), limit, (found) => {
      walked = found;
      for (const paper of found?.slice(0, limit) ?? []) {
        const item = tx.objectStore('library').get(paper.id);
        item.onsuccess = () => (item.result as LibraryItem | undefined) && saved.push(paper.id);
      }
    });
    tx.oncomplete = () => {
      const found = walked as StoredPaper[] | null;
      if (!found || !out.subscriptions || !out.sync) return resolve(null);
      const papers = found.slice(0, limit);
      resolve({ subscriptions: out.subscriptions, sync: out.sync, papers, saved: papers.filter((p) => saved.includes(p.id)).map((p) => p.id), more: found.length > limit });
    };
    tx.onabort = tx.onerror = () => resolve(null);
  });
}

/**
 * The first cards of a page read with IndexedDB alone, in one read-only transaction: what a page
 * paints when it has no first-screen cache, before the database module (Dexie) has loaded. Null
 * when there is no database yet (none is created here) or it cannot be read now; the page then
 * waits for the database module as before.
 */
export async function readFirstCards(query: FirstCardsQuery, limit: number, idb: IDBFactory = indexedDB): Promise<FirstCards | null> {
  try {
    const db = await openExisting(idb);
    if (!db) return null;
    // Dexie may need to upgrade the schema: never stand in its way.
    db.onversionchange = () => db.close();
    try {
      if (!STORES.every((name) => db.objectStoreNames.contains(name))) return null;
      return await readAll(db, query, limit);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}
