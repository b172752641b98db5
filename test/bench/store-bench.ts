import type { Worker } from 'playwright-core';
import { parseAtomFeed } from '../../lib/arxiv/atom';
import type { ArxivEntry } from '../../lib/arxiv/entry';
import type { StoredPaper } from '../../lib/db/schema';
import type { Subscription } from '../../lib/subscription';
import { feedXml } from '../helpers/fake-arxiv-feed';
import { realEntries } from './api-page';
import type { StoreShape, bench as InBrowser } from './in-browser/bench-entry';
import type { BenchSizes } from './sizes';
import { settle } from './settle';
import { median, percentile, round, type BenchResult } from './stats';

declare const paperRadarBench: { bench: typeof InBrowser };

const DAY = 86_400_000;
export const NOW = Date.UTC(2026, 4, 31, 23);

/** Every real paper of the fixtures, as parseAtomFeed reads it: the faces of the stored papers. */
export const templates = (): ArxivEntry[] => parseAtomFeed(feedXml(realEntries(), 0, 0, 0)).entries;

export const SUBSCRIPTIONS: Subscription[] = ['transformers', 'quantum error correction', 'graph neural networks', 'dark matter', 'protein folding'].map(
  (value, order) => ({ id: `bench-sub-${order}`, kind: 'keyword', value, categories: [], exclude: [], label: value, enabled: true, order, createdAt: NOW - 400 * DAY }),
);

/** Evaluates the benchmark bundle in the service worker, once per worker. */
export async function prepareWorker(worker: Worker, bundle: string): Promise<void> {
  const ready = await worker.evaluate(() => typeof (globalThis as { paperRadarBench?: unknown }).paperRadarBench === 'object');
  if (!ready) await worker.evaluate(`${bundle};globalThis.paperRadarBench = paperRadarBench;`);
}

/** Stores `sizes.storedPapers` papers (about 14 a day over the last years), the newest 1,000 unread. */
export async function fillStore(worker: Worker, sizes: BenchSizes): Promise<number> {
  const shape: StoreShape = {
    papers: sizes.storedPapers,
    unread: Math.min(1000, Math.floor(sizes.storedPapers / 10)),
    subscriptions: SUBSCRIPTIONS,
    newestAt: NOW - 2 * 3_600_000,
    spacingMs: 100 * 60_000,
    now: NOW,
  };
  const ms = await worker.evaluate(([t, s]) => paperRadarBench.bench.fillStore(t, s), [templates(), shape] as const);
  const stored = await worker.evaluate(() => paperRadarBench.bench.countPapers());
  if (stored !== sizes.storedPapers) throw new Error(`the store holds ${stored} papers, not ${sizes.storedPapers}`);
  return ms;
}

/** `count` papers arXiv has just announced: newer than every stored one, ids never stored. */
export function announced(count: number): ArxivEntry[] {
  const faces = templates();
  return Array.from({ length: count }, (_, i) => {
    const face = faces[i % faces.length]!;
    const id = `2606.${String(i).padStart(5, '0')}`;
    const published = new Date(NOW - i * 60_000).toISOString().replace('.000Z', 'Z');
    return { ...face, id, published, absUrl: `https://arxiv.org/abs/${id}v${face.version}`, pdfUrl: `https://arxiv.org/pdf/${id}v${face.version}` };
  });
}

function asEntry(paper: StoredPaper): ArxivEntry {
  const { subs: _s, unreadIn: _u, unread: _n, addedAt: _a, readAt: _r, hiddenAt: _h, lists: _l, ...entry } = paper as StoredPaper & { lists?: unknown };
  return entry;
}

const sub = SUBSCRIPTIONS[0]!.id;
const store = (sizes: BenchSizes) => sizes.storedPapers.toLocaleString('en');

function result(name: string, samples: number[], budgetMs: number | null, note: string, p95 = false): BenchResult {
  const m = median(samples);
  return {
    name,
    median: round(m, 1),
    p95: p95 ? round(percentile(samples, 0.95), 1) : null,
    unit: 'ms',
    budget: budgetMs === null ? 'report' : `< ${budgetMs} ms`,
    pass: budgetMs === null ? null : m < budgetMs,
    runs: samples.length,
    note,
  };
}

/**
 * ingest() of a page of new papers into the full store (removed again, untimed, after each
 * run), and of a page of papers the subscription already has (nothing to write).
 */
export async function ingestBench(worker: Worker, sizes: BenchSizes): Promise<BenchResult[]> {
  const fresh = announced(sizes.ingestNew);
  const added: number[] = [];
  for (let run = 0; run < sizes.ingestRuns; run++) {
    const timing = await worker.evaluate(([e, s, now]) => paperRadarBench.bench.timeIngest(e, s, now), [fresh, sub, NOW] as const);
    if (timing.added !== fresh.length) throw new Error(`ingest added ${timing.added} of ${fresh.length} new papers`);
    added.push(timing.ms);
    await worker.evaluate((ids) => paperRadarBench.bench.removePapers(ids), fresh.map((e) => e.id));
  }

  const newest = await worker.evaluate(() => paperRadarBench.bench.storedIds(0, 1000));
  const stored = (await worker.evaluate((ids) => paperRadarBench.bench.getStored(ids), newest)).filter((p): p is StoredPaper => p?.subs.includes(sub) === true);
  const known = stored.slice(0, sizes.reingestKnown).map(asEntry);
  if (known.length !== sizes.reingestKnown) throw new Error(`only ${known.length} stored papers of ${sub} to ingest again`);
  const again: number[] = [];
  for (let run = 0; run < sizes.reingestRuns; run++) {
    const timing = await worker.evaluate(([e, s, now]) => paperRadarBench.bench.timeIngest(e, s, now), [known, sub, NOW] as const);
    if (timing.known !== known.length || timing.added + timing.updated > 0) throw new Error('ingesting known papers again changed the store');
    again.push(timing.ms);
  }
  return [
    result(`ingest one page of ${sizes.ingestNew} new papers into a store of ${store(sizes)}`, added, 40, 'the extension’s ingest() in its service worker (real Chromium IndexedDB), one record per paper; the papers are removed again between runs, untimed'),
    result(`re-ingest ${sizes.reingestKnown} known papers`, again, 20, 'papers the subscription already has, unchanged, in the same store: nothing is written'),
  ];
}

/** What a click on a card writes (mark read, hide, save), and a page of the feed read, in the full store. */
export async function clickBench(worker: Worker, sizes: BenchSizes): Promise<BenchResult[]> {
  const ids = await worker.evaluate((n) => paperRadarBench.bench.storedIds(0, n), sizes.clickRuns);
  const clicks: Record<'read' | 'hide' | 'save', number[]> = { read: [], hide: [], save: [] };
  for (const id of ids) {
    for (const action of ['read', 'hide', 'save'] as const) clicks[action].push(await worker.evaluate(([a, i, now]) => paperRadarBench.bench.timeClick(a, i, now), [action, id, NOW] as const));
  }
  const feed: number[] = [];
  const deep: number[] = [];
  const mine: number[] = [];
  for (let run = 0; run < sizes.feedRuns; run++) {
    const first = await worker.evaluate(() => paperRadarBench.bench.timeFeedPage(0, 50));
    if (first.ids.length !== 50) throw new Error(`a feed page held ${first.ids.length} papers`);
    feed.push(first.ms);
    deep.push((await worker.evaluate(() => paperRadarBench.bench.timeFeedPage(1000, 50))).ms);
    mine.push((await worker.evaluate((s) => paperRadarBench.bench.timeFeedPage(0, 50, s), SUBSCRIPTIONS[3]!.id)).ms);
  }
  const writes = 'one paper, timed until the write has committed, then undone (untimed)';
  return [
    result('mark one paper read', clicks.read, 10, writes),
    result('hide one paper', clicks.hide, 10, writes),
    result('save one paper', clicks.save, 10, writes),
    result(`a feed page of 50 papers from a store of ${store(sizes)}, newest`, feed, 20, 'feedPage() in the service worker: the first page of the whole feed'),
    result(`a feed page of 50 papers, 1,000 papers down`, deep, 20, 'feedPage() at offset 1,000 (after some “Load more”)'),
    result(`a feed page of 50 papers of one subscription`, mine, 20, 'feedPage() of one of five subscriptions'),
  ];
}

/**
 * The upgrade from schema 3 (papers on shelves) of a store of the same size, in the worker. A
 * user's schema-3 database was written long before the upgrade; the benchmark writes it just
 * before, and the browser then compacts those writes (and the last run's deleted database) for
 * tens of seconds, on the same two cores as the upgrade. So the upgrade is timed twice: once
 * on a database as the user has it (after the browser has settled), which the budget is
 * about, and once right after the writes.
 */
export async function upgradeBench(worker: () => Promise<Worker>, userDataDir: string, sizes: BenchSizes): Promise<BenchResult[]> {
  const settled: number[] = [];
  const waits: number[] = [];
  const hurried: number[] = [];
  const upgradeOnce = async (wait: boolean) => {
    const before = await (await worker()).evaluate(() => paperRadarBench.bench.writeShelvesDatabase());
    // The smoke run only shows that the benchmark runs: it does not wait.
    if (wait) waits.push(sizes.smoke ? 0 : await settle(userDataDir));
    const timing = await (await worker()).evaluate(() => paperRadarBench.bench.timeUpgrade());
    if (timing.papers !== before) throw new Error(`the upgrade kept ${timing.papers} of ${before} papers`);
    (wait ? settled : hurried).push(timing.ms);
  };
  for (let run = 0; run < sizes.upgradeRuns; run++) await upgradeOnce(true);
  await upgradeOnce(false);
  const name = `upgrade a store of ${store(sizes)} papers from schema 3 (shelves) to one record per paper`;
  const how = 'a schema-3 database written with the raw API from the store’s papers, then opened by today’s code in the service worker; every paper counted after';
  return [
    {
      ...result(name, settled, null, `${how}; timed once the browser had settled: ${settled.map((ms, i) => `${(ms / 1000).toFixed(1)} s (${waits[i]} s after the writes)`).join(', ')}`),
      median: round(median(settled) / 1000, 2),
      unit: 's',
      budget: '< 20 s',
      pass: median(settled) < 20_000,
    },
    {
      ...result(`${name}, opened right after its writes`, hurried, null, 'the same, timed while the browser still compacts the writes'),
      median: round(median(hurried) / 1000, 2),
      unit: 's',
      budget: 'report',
      pass: null,
    },
  ];
}
