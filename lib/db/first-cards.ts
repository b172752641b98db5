import type { Subscription } from '../subscription';
import type { SyncState } from '../sync/state';
import { DATABASE_NAME } from './name';
import type { LibraryItem, MetaRow, StoredPaper } from './schema';

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
const STORES = ['papers', 'subscriptions', 'meta', 'library'];
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

/** `IDBIndex.getAllRecords` (Chromium 141+): many records, newest first, in one request. */
interface RecordsIndex {
  getAllRecords(options: { direction: 'prev'; count: number }): IDBRequest<{ value: unknown }[]>;
}
const hasGetAllRecords = (index: IDBIndex): index is IDBIndex & RecordsIndex =>
  typeof (index as Partial<RecordsIndex>).getAllRecords === 'function';

/** Newest first, the first `limit` papers that match (and whether more follow), or null after MAX_STEPS. */
function walkPublished(tx: IDBTransaction, match: (p: StoredPaper) => boolean, limit: number, done: (found: StoredPaper[] | null) => void): void {
  const index = tx.objectStore('papers').index('published');
  const walk = () => {
    const found: StoredPaper[] = [];
    let steps = 0;
    const request = index.openCursor(null, 'prev');
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return done(found);
      if (++steps > MAX_STEPS) return done(null);
      const paper = cursor.value as StoredPaper;
      if (match(paper)) found.push(paper);
      if (found.length > limit) return done(found);
      cursor.continue();
    };
  };
  if (!hasGetAllRecords(index)) return walk();
  // One request for the newest few instead of a cursor step per paper; when too few of them
  // match (hidden or read papers at the top), the cursor walks from the start.
  const count = 2 * (limit + 1);
  const request = index.getAllRecords({ direction: 'prev', count });
  request.onsuccess = () => {
    const records = request.result;
    const found = records.map((record) => record.value as StoredPaper).filter(match);
    if (found.length > limit || records.length < count) done(found.slice(0, limit + 1));
    else walk();
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
    walkPublished(tx, matches(query), limit, (found) => {
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
