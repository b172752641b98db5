import type { Worker } from 'playwright-core';
import { parseAtomFeed } from '../../lib/arxiv/atom';
import type { ArxivEntry } from '../../lib/arxiv/entry';
import type { StoredPaper } from '../../lib/db/schema';
import type { Subscription } from '../../lib/subscription';
import { feedXml } from '../helpers/fake-arxiv-feed';
import { realEntries } from './api-page';
import type { StoreShape, bench as InBrowser } from './in-browser/bench-entry';
import type { BenchSizes } from './sizes';
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
  const { subs: _s, unreadIn: _u, unread: _n, addedAt: _a, readAt: _r, hiddenAt: _h, ...entry } = paper;
  return entry;
}

const sub = SUBSCRIPTIONS[0]!.id;

/**
 * ingest() of a page of new papers into the full store (removed again, untimed, after each
 * run), and of a page of papers the subscription already has (nothing to write).
 */
export async function ingestBench(worker: Worker, sizes: BenchSizes): Promise<BenchResult[]> {
  const fresh = announced(sizes.ingestNew);
  const added: number[] = [];
  const floor: number[] = [];
  for (let run = 0; run < sizes.ingestRuns; run++) {
    const timing = await worker.evaluate(([e, s, now]) => paperRadarBench.bench.timeIngest(e, s, now), [fresh, sub, NOW] as const);
    if (timing.added !== fresh.length) throw new Error(`ingest added ${timing.added} of ${fresh.length} new papers`);
    added.push(timing.ms);
    await worker.evaluate((ids) => paperRadarBench.bench.removePapers(ids), fresh.map((e) => e.id));
    floor.push(await worker.evaluate(([e, s, now]) => paperRadarBench.bench.timeRawPuts(e, s, now), [fresh, sub, NOW] as const));
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
  const store = sizes.storedPapers.toLocaleString('en');
  return [
    {
      name: `ingest ${sizes.ingestNew} new papers into a store of ${store}`,
      median: round(median(added), 1),
      p95: round(percentile(added, 0.95), 1),
      unit: 'ms',
      budget: '< 400 ms',
      pass: median(added) < 400,
      runs: sizes.ingestRuns,
      note: 'the extension’s ingest() in its service worker (real Chromium IndexedDB); the papers are removed again between runs, untimed',
    },
    {
      name: `${sizes.ingestNew} plain puts of the same rows, one record per paper, no index, raw IndexedDB`,
      median: round(median(floor), 1),
      p95: round(percentile(floor, 0.95), 1),
      unit: 'ms',
      budget: 'report',
      pass: null,
      runs: sizes.ingestRuns,
      note: 'what one record per paper would cost at the least on this machine (why papers are stored on shelves): one put per paper into an empty object store without indexes, in one transaction, no reads, no Dexie',
    },
    {
      name: `re-ingest ${sizes.reingestKnown} known papers`,
      median: round(median(again), 1),
      p95: round(percentile(again, 0.95), 1),
      unit: 'ms',
      budget: '< 20 ms',
      pass: median(again) < 20,
      runs: sizes.reingestRuns,
      note: `papers the subscription already has, unchanged, in the same store: nothing is written`,
    },
  ];
}
