import type { Page } from 'playwright-core';
import type { ArxivEntry } from '../../lib/arxiv/entry';
import { derivedEntries, type DerivedOptions } from '../helpers/derived-world';
import { testingPapers } from '../helpers/fixtures';

/**
 * A store of 50 subscriptions × 2,000 papers, written straight into the extension's IndexedDB
 * from one of its pages with the raw API (the sync would take hours of arXiv's time). Rows are
 * shaped as `newStoredPaper` makes them; the papers are those `derivedEntries` serves, so a
 * sync finds exactly what is stored.
 */
export const SUBSCRIPTIONS = 50;
export const PER_SUBSCRIPTION = 2_000;
/** The 20 oldest papers of every subscription are saved. */
export const SAVED_PER_SUBSCRIPTION = 20;

const pad = (n: number) => String(n).padStart(2, '0');
export const subscriptionId = (k: number) => `sub-${pad(k)}`;
export const topic = (k: number) => `topic${pad(k)}`;

/** Each subscription's papers: ids of their own, a minute apart, the subscriptions a second apart. */
export const papersOf = (k: number): Required<DerivedOptions> => ({
  yymm: `25${pad(1 + (k % 12))}`,
  first: Math.floor(k / 12) * PER_SUBSCRIPTION,
  newestAt: Date.UTC(2026, 4, 31, 12) - k * 1_000,
});

/** The newest `count` papers of subscription `k` as arXiv's API would send them. */
export const newestEntries = (k: number, count: number) => derivedEntries(count, papersOf(k));

export interface FillOptions {
  /** Subscriptions that take part in syncs; the others are paused. */
  enabled: number[];
  /** When every paper arrived (epoch ms). */
  addedAt: number;
  /** When the reader last looked (the badge counts papers added after it). */
  seenAt: number;
  /** The sync state a finished sync leaves, so no catch-up sync starts on its own. */
  lastSyncAt: number;
}

interface PageFill extends FillOptions {
  templates: ArxivEntry[];
  layout: Required<DerivedOptions>[];
  perSubscription: number;
  savedPerSubscription: number;
}

/** Writes the store in the page's origin; resolves when every transaction has committed. */
function fillInPage(fill: PageFill): Promise<number> {
  const started = performance.now();
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('paper-radar');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const write = (db: IDBDatabase, store: string, rows: unknown[]) =>
    new Promise<void>((resolve, reject) => {
      // Relaxed: nothing waits for the disk to confirm (Chromium's default, said explicitly).
      const tx = db.transaction(store, 'readwrite', { durability: 'relaxed' });
      const target = tx.objectStore(store);
      for (const row of rows) target.put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  return open().then(async (db) => {
    if (!db.objectStoreNames.contains('papers')) throw new Error('the extension has not created its database yet');
    const subscriptions = fill.layout.map((_, k) => ({
      id: `sub-${pad(k, 2)}`,
      kind: 'keyword',
      value: `topic${pad(k, 2)}`,
      categories: [],
      exclude: [],
      label: `topic${pad(k, 2)}`,
      enabled: fill.enabled.includes(k),
      order: k,
      createdAt: fill.addedAt,
    }));
    await write(db, 'subscriptions', subscriptions);
    for (const [k, { yymm, first, newestAt }] of fill.layout.entries()) {
      const sub = `sub-${pad(k, 2)}`;
      const papers = Array.from({ length: fill.perSubscription }, (_, i) => {
        const template = fill.templates[i % fill.templates.length]!;
        const id = `${yymm}.${pad(first + i, 5)}`;
        const published = new Date(newestAt - i * 60_000).toISOString().replace('.000Z', 'Z');
        const urls = { absUrl: `https://arxiv.org/abs/${id}v${template.version}`, pdfUrl: `https://arxiv.org/pdf/${id}v${template.version}` };
        return { ...template, id, published, ...urls, subs: [sub], unreadIn: [sub], unread: 1, addedAt: fill.addedAt };
      });
      await write(db, 'papers', papers);
      const saved = papers.slice(-fill.savedPerSubscription).map((p) => ({ id: p.id, savedAt: fill.addedAt, tags: ['scale'], note: `note on ${p.id}` }));
      await write(db, 'library', saved);
    }
    await write(db, 'meta', [
      { key: 'seenAt', value: fill.seenAt },
      { key: 'syncState', value: { state: 'ok', lastAttemptAt: fill.lastSyncAt, lastSuccessAt: fill.lastSyncAt, lastAdded: 0 } },
    ]);
    db.close();
    return performance.now() - started;
  });
}

/** Fills the extension's database from `page` (an extension page); returns how long it took, in ms. */
export async function fillStore(page: Page, options: FillOptions): Promise<number> {
  const layout = Array.from({ length: SUBSCRIPTIONS }, (_, k) => papersOf(k));
  return page.evaluate(fillInPage, {
    ...options,
    templates: testingPapers,
    layout,
    perSubscription: PER_SUBSCRIPTION,
    savedPerSubscription: SAVED_PER_SUBSCRIPTION,
  });
}

/** Sets one meta row (`seenAt`, ...) with the raw API, as the extension stores it. */
export function setMeta(page: Page, key: string, value: unknown): Promise<void> {
  return page.evaluate(
    ([k, v]) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('paper-radar');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const tx = request.result.transaction('meta', 'readwrite');
          tx.objectStore('meta').put({ key: k, value: v });
          tx.oncomplete = () => {
            request.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [key, value] as const,
  );
}

/** How many papers a subscription holds, counted on the store's `subs` index. */
export function countInSubscription(page: Page, subscription: string): Promise<number> {
  return page.evaluate(
    (sub) =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('paper-radar');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const count = request.result.transaction('papers').objectStore('papers').index('subs').count(sub);
          count.onsuccess = () => {
            resolve(count.result);
            request.result.close();
          };
          count.onerror = () => reject(count.error);
        };
      }),
    subscription,
  );
}

/** How many rows a store holds. */
export function countRows(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('paper-radar');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const count = request.result.transaction(name).objectStore(name).count();
          count.onsuccess = () => {
            resolve(count.result);
            request.result.close();
          };
          count.onerror = () => reject(count.error);
        };
      }),
    store,
  );
}
