import type { Subscription } from '../subscription';
import type { SyncState } from '../sync/state';
import type { FeedOrder } from '../schema/limits';
import { DATABASE_NAME, inFeed, LISTS_INDEX, listRange, RANKING_HEAD_KEY, RANKING_KEY, STORE, subscriptionList, type PaperList } from './layout';
import type { LibraryItem, MetaRow, StoredPaper } from './schema';

/** What a page needs for its first frame. */
export interface FirstCards {
  subscriptions: Subscription[];
  sync: SyncState;
  papers: StoredPaper[];
  /** Ids of the papers above that are in the library. */
  saved: string[];
  more: boolean;
  /** In the For-you order: why each paper is there, and how new it is (see lib/db/ranking.ts). */
  ranked?: { why: Record<string, string>; freshness: Record<string, number> };
}

/** The feed (all of it or one subscription's), or the unread papers (the popup), newest first or For you. */
export type FirstCardsQuery = ({ feed: true; subscriptionId?: string } | { unread: true }) & { order?: FeedOrder };

// SYNC_STATE_KEY in lib/sync/state.ts, which loads Dexie: this module must not.
const SYNC_STATE_KEY = 'syncState';
const STORES = [STORE.papers, STORE.subscriptions, STORE.meta, STORE.library];

const listOf = (query: FirstCardsQuery): PaperList =>
  'unread' in query ? 'unread' : query.subscriptionId === undefined ? 'feed' : subscriptionList(query.subscriptionId);

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
  getAllRecords(options: { query: IDBKeyRange; direction: 'prev'; count: number }): IDBRequest<{ value: unknown }[]>;
}
const hasGetAllRecords = (index: IDBIndex): index is IDBIndex & RecordsIndex =>
  typeof (index as Partial<RecordsIndex>).getAllRecords === 'function';

/** The newest `count` papers of a list, read as the database module reads them (layout.ts). */
function newestIn(tx: IDBTransaction, list: PaperList, count: number, done: (found: StoredPaper[]) => void): void {
  const index = tx.objectStore(STORE.papers).index(LISTS_INDEX);
  const range = IDBKeyRange.bound(...listRange(list));
  if (hasGetAllRecords(index)) {
    const request = index.getAllRecords({ query: range, direction: 'prev', count });
    request.onsuccess = () => done(request.result.map((record) => record.value as StoredPaper));
    return;
  }
  const found: StoredPaper[] = [];
  const request = index.openCursor(range, 'prev');
  request.onsuccess = () => {
    const cursor = request.result;
    if (cursor) found.push(cursor.value as StoredPaper);
    if (!cursor || found.length === count) return done(found);
    cursor.continue();
  };
}

/** What a list holds, as the database module reads it: in the feed, and of the subscription or unread. */
function matchOf(query: FirstCardsQuery): (paper: StoredPaper) => boolean {
  if ('unread' in query) return (p) => p.unread === 1;
  const { subscriptionId } = query;
  return subscriptionId === undefined ? inFeed : (p) => inFeed(p) && p.subs.includes(subscriptionId);
}

/**
 * The first `count` papers of the For-you order that `match` (lib/db/ranking.ts), a few at a
 * time; null when the feed has not been ranked (the page then shows the newest first).
 */
function rankedIn(tx: IDBTransaction, match: (p: StoredPaper) => boolean, count: number, done: (found: { papers: StoredPaper[]; ranked: NonNullable<FirstCards['ranked']> } | null) => void): void {
  const papers = tx.objectStore(STORE.papers);
  type Order = { ids?: string[]; why?: string[]; freshness?: number[]; total?: number };
  const readOrder = (key: string, then: (order: Order | undefined) => void) => {
    const request = tx.objectStore(STORE.meta).get(key);
    request.onsuccess = () => then((request.result as MetaRow | undefined)?.value as Order | undefined);
  };
  const found: StoredPaper[] = [];
  const ranked: NonNullable<FirstCards['ranked']> = { why: {}, freshness: {} };
  const walk = (ranking: Order | undefined, start = 0) => {
    const ids = ranking?.ids;
    if (!Array.isArray(ids)) return done(start === 0 ? null : { papers: found, ranked });
    const step = Math.max(16, count * 2);
    const next = (from: number) => {
      const batch = ids.slice(from, from + step);
      if (batch.length === 0 && typeof ranking?.total === 'number' && ranking.total > ids.length) return readOrder(RANKING_KEY, (whole) => walk(whole, ids.length));
      if (batch.length === 0) return done({ papers: found, ranked });
      const read: (StoredPaper | undefined)[] = [];
      let waiting = batch.length;
      batch.forEach((id, i) => {
        const get = papers.get(id);
        get.onsuccess = () => {
          read[i] = get.result as StoredPaper | undefined;
          if (--waiting > 0) return;
          read.forEach((paper, k) => {
            if (!paper || !match(paper) || found.length >= count) return;
            found.push(paper);
            const why = ranking?.why?.[from + k];
            if (why) ranked.why[paper.id] = why;
            ranked.freshness[paper.id] = ranking?.freshness?.[from + k] ?? 2;
          });
          if (found.length === count) done({ papers: found, ranked });
          else next(from + step);
        };
      });
    };
    next(start);
  };
  // The head of the order first; the whole order where there is no head, or when the head ran out.
  readOrder(RANKING_HEAD_KEY, (head) => (head ? walk(head) : readOrder(RANKING_KEY, walk)));
}

function readAll(db: IDBDatabase, query: FirstCardsQuery, limit: number): Promise<FirstCards | null> {
  return new Promise((resolve) => {
    const tx = db.transaction(STORES, 'readonly');
    // A database of an older layout, not upgraded yet: Dexie upgrades it when it opens.
    if (!tx.objectStore(STORE.papers).indexNames.contains(LISTS_INDEX)) return resolve(null);
    const out: Partial<FirstCards> = {};
    const subscriptions = tx.objectStore(STORE.subscriptions).getAll();
    subscriptions.onsuccess = () => (out.subscriptions = (subscriptions.result as Subscription[]).sort((a, b) => a.order - b.order));
    const sync = tx.objectStore(STORE.meta).get(SYNC_STATE_KEY);
    sync.onsuccess = () => (out.sync = ((sync.result as MetaRow | undefined)?.value as SyncState | undefined) ?? { state: 'idle' });
    let found: StoredPaper[] | undefined;
    let ranked: FirstCards['ranked'];
    const saved: string[] = [];
    const take = (papers: StoredPaper[]) => {
      found = papers;
      for (const paper of papers.slice(0, limit)) {
        const item = tx.objectStore(STORE.library).get(paper.id);
        item.onsuccess = () => (item.result as LibraryItem | undefined) && saved.push(paper.id);
      }
    };
    if (query.order === 'forYou') {
      rankedIn(tx, matchOf(query), limit + 1, (result) => {
        if (!result) return newestIn(tx, listOf(query), limit + 1, take);
        ranked = result.ranked;
        take(result.papers);
      });
    }
    else newestIn(tx, listOf(query), limit + 1, take);
    tx.oncomplete = () => {
      if (!found || !out.subscriptions || !out.sync) return resolve(null);
      const papers = found.slice(0, limit);
      resolve({
        subscriptions: out.subscriptions,
        sync: out.sync,
        papers,
        saved: papers.filter((p) => saved.includes(p.id)).map((p) => p.id),
        more: found.length > limit,
        ...(ranked ? { ranked } : {}),
      });
    };
    tx.onabort = tx.onerror = () => resolve(null);
  });
}

/**
 * The first cards of a page read with IndexedDB alone, in one read-only transaction: what a page
 * paints when it has no first-screen cache, before the database module (Dexie) has loaded. Null
 * when there is no database yet (none is created here), it has an older layout (Dexie upgrades
 * it), or it cannot be read now; the page then waits for the database module.
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
