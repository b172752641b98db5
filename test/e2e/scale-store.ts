import { isDeepStrictEqual } from 'node:util';
import type { Page } from 'playwright-core';
import { newStoredPaper } from '../../lib/db/ingest';
import type { ArxivEntry } from '../../lib/arxiv/entry';
import { toRow } from '../../lib/db/layout';
import type { PaperRow } from '../../lib/db/schema';
import { derivedEntries, derivedPapers, type DerivedOptions } from '../helpers/derived-world';
import { testingPapers } from '../helpers/fixtures';
import { benchSizes } from '../bench/sizes';

/**
 * A store of 50 subscriptions × 2,000 papers (the benchmark's smoke run: 6 × 240), written
 * straight into the extension's IndexedDB from one of its pages with the raw API (the sync
 * would take hours of arXiv's time). Papers are made by `newStoredPaper`; they are those
 * `derivedEntries` serves, so a sync finds exactly what is stored.
 */
export const { scaleSubscriptions: SUBSCRIPTIONS, scalePerSubscription: PER_SUBSCRIPTION } = benchSizes();
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

interface PageFill {
  templates: ArxivEntry[];
  layout: Required<DerivedOptions>[];
  perSubscription: number;
  savedPerSubscription: number;
  addedAt: number;
  /** Other rows to put, by store. */
  rows: [store: string, rows: unknown[]][];
}

/**
 * Writes the store in the page's origin, making the papers there from the templates (sending
 * 100,000 papers to the page would take most of a minute); resolves when it has committed.
 * Returns the first paper's row, to check it against the one the extension's code makes.
 */
function fillInPage(fill: PageFill): Promise<PaperRow> {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const papers: PaperRow[] = [];
  const saved: unknown[] = [];
  fill.layout.forEach(({ yymm, first, newestAt }, k) => {
    const sub = `sub-${pad(k, 2)}`;
    for (let i = 0; i < fill.perSubscription; i++) {
      const template = fill.templates[i % fill.templates.length]!;
      const id = `${yymm}.${pad(first + i, 5)}`;
      const published = new Date(newestAt - i * 60_000).toISOString().replace('.000Z', 'Z');
      const urls = { absUrl: `https://arxiv.org/abs/${id}v${template.version}`, pdfUrl: `https://arxiv.org/pdf/${id}v${template.version}` };
      const lists: [string, string][] = [['feed', published], ['unread', published], [`sub:${sub}`, published]];
      papers.push({ ...template, id, published, ...urls, subs: [sub], unreadIn: [sub], addedAt: fill.addedAt, unread: 1, lists });
      if (i >= fill.perSubscription - fill.savedPerSubscription) saved.push({ id, savedAt: fill.addedAt, tags: ['scale'], note: `note on ${id}` });
    }
  });
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('paper-radar');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('papers')) return reject(new Error('the extension has not created its database yet'));
      const writes: [string, unknown[]][] = [['papers', papers], ['library', saved], ...fill.rows];
      // Relaxed: nothing waits for the disk to confirm (Chromium's default, said explicitly).
      const tx = db.transaction(writes.map(([store]) => store), 'readwrite', { durability: 'relaxed' });
      for (const [store, rows] of writes) for (const row of rows) tx.objectStore(store).put(row);
      tx.oncomplete = () => {
        db.close();
        resolve(papers[0]!);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/**
 * Fills the extension's database from `page` (an extension page); returns how long it took, in
 * ms. The first paper's row is checked against the one the extension's own code makes
 * (`newStoredPaper`, then `toRow` as every write does).
 */
export async function fillStore(page: Page, options: FillOptions): Promise<number> {
  const started = performance.now();
  const layout = Array.from({ length: SUBSCRIPTIONS }, (_, k) => papersOf(k));
  const subscriptions = layout.map((_, k) => ({
    id: subscriptionId(k),
    kind: 'keyword',
    value: topic(k),
    categories: [],
    exclude: [],
    label: topic(k),
    enabled: options.enabled.includes(k),
    order: k,
    createdAt: options.addedAt,
  }));
  const meta = [
    { key: 'seenAt', value: options.seenAt },
    { key: 'syncState', value: { state: 'ok', lastAttemptAt: options.lastSyncAt, lastSuccessAt: options.lastSyncAt, lastAdded: 0 } },
  ];
  const first = await page.evaluate(fillInPage, {
    templates: testingPapers,
    layout,
    perSubscription: PER_SUBSCRIPTION,
    savedPerSubscription: SAVED_PER_SUBSCRIPTION,
    addedAt: options.addedAt,
    rows: [['subscriptions', subscriptions], ['meta', meta]],
  } satisfies PageFill);
  const expected = toRow(newStoredPaper(derivedPapers(1, layout[0]!)[0]!, [subscriptionId(0)], options.addedAt));
  const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
  if (!isDeepStrictEqual(plain(first), plain(expected))) throw new Error('the page made papers other than the extension makes');
  return performance.now() - started;
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

/** How many papers a subscription holds: the entries of the papers' `subs` index. */
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

/** How many papers are stored. */
export const countPapers = (page: Page) => countRows(page, 'papers');

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
