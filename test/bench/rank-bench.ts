import type { Worker } from 'playwright-core';
import type { bench as InBrowser } from './in-browser/bench-entry';
import type { BenchSizes } from './sizes';
import { median, percentile, round, type BenchResult } from './stats';
import { NOW } from './store-bench';

declare const paperRadarBench: { bench: typeof InBrowser };

const store = (sizes: BenchSizes) => sizes.storedPapers.toLocaleString('en');

/**
 * Ranking in the service worker, on the full store: the first build (vocabulary, features of
 * every paper, model, order), scoring the feed, a re-rank after a save, a For-you page of 50.
 * The reader has saved 150 papers and dismissed 50 (200 labels).
 */
export async function rankBench(worker: Worker, sizes: BenchSizes): Promise<BenchResult[]> {
  const ids = await worker.evaluate((n) => paperRadarBench.bench.storedIds(0, n), sizes.labels * 2 + sizes.rankRuns + 10);
  const saved = ids.filter((_, i) => i % 2 === 0).slice(0, Math.round(sizes.labels * 0.75));
  const dismissed = ids.filter((_, i) => i % 2 === 1).slice(0, sizes.labels - saved.length);
  await worker.evaluate(([s, d, now]) => paperRadarBench.bench.label(s, d, now), [saved, dismissed, NOW] as const);

  const builds: number[] = [];
  for (let run = 0; run < sizes.rankBuildRuns; run++) {
    const { ms, ranked } = await worker.evaluate((now) => paperRadarBench.bench.timeRankFirstBuild(now), NOW);
    if (ranked < sizes.storedPapers / 2) throw new Error(`the first ranking ordered only ${ranked} papers`);
    builds.push(ms);
  }
  const scores: number[] = [];
  const reads: number[] = [];
  for (let run = 0; run < sizes.rankRuns; run++) {
    const { ms, readMs, scored } = await worker.evaluate(() => paperRadarBench.bench.timeScore());
    if (scored < sizes.storedPapers / 2) throw new Error(`only ${scored} papers scored`);
    scores.push(ms);
    reads.push(readMs);
  }
  const reranks: number[] = [];
  const coldReranks: number[] = [];
  const spare = ids.slice(sizes.labels * 2);
  for (let run = 0; run < sizes.rankRuns; run++) {
    reranks.push(await worker.evaluate(([id, now]) => paperRadarBench.bench.timeRerankAfterSave(id, now, true), [spare[2 * run]!, NOW] as const));
    coldReranks.push(await worker.evaluate(([id, now]) => paperRadarBench.bench.timeRerankAfterSave(id, now, false), [spare[2 * run + 1]!, NOW] as const));
  }
  const pages: number[] = [];
  for (let run = 0; run < sizes.feedRuns; run++) {
    const { ms, papers } = await worker.evaluate(() => paperRadarBench.bench.timeForYouPage());
    if (papers !== 50) throw new Error(`a For-you page held ${papers} papers`);
    pages.push(ms);
  }
  const row = (name: string, samples: number[], budget: number | null, note: string, unit = 'ms'): BenchResult => ({
    name,
    median: round(unit === 's' ? median(samples) / 1000 : median(samples), unit === 's' ? 2 : 1),
    p95: round(unit === 's' ? percentile(samples, 0.95) / 1000 : percentile(samples, 0.95), unit === 's' ? 2 : 1),
    unit,
    budget: budget === null ? 'report' : unit === 's' ? `< ${budget / 1000} s` : `< ${budget} ms`,
    pass: budget === null ? null : median(samples) < budget,
    runs: samples.length,
    note,
  });
  return [
    row(`ranking: features and model for ${store(sizes)} papers and ${sizes.labels} labels, first build`, builds, 15_000, 'Ranker.run() in the service worker from nothing: vocabulary from 10,000 papers, tf-idf features of every paper written to IndexedDB, the SVM trained, the order and its why lines stored; the worker answers messages between batches', 's'),
    row(`ranking: score ${store(sizes)} papers`, scores, 100, 'the stored model against every paper of the feed, features in memory'),
    row(`ranking: read the model and the features of ${store(sizes)} papers from IndexedDB`, reads, null, 'what a re-rank reads before scoring, in a worker that has just woken'),
    row('ranking: new order stored after a save', reranks, 1_000, 'savePaper, then Ranker.run() of a worker that has ranked since it woke (the features in memory): the model trained again, every paper scored, the order written (the page shows it from its live query; the e2e test saw the new order on screen about 0.65 s after a click, 0.3 s of it the debounce)'),
    row('ranking: new order stored after a save, the worker just woken', coldReranks, null, 'the same with a ranker that has not ranked yet: every paper\'s features read from IndexedDB first'),
    row(`a feed page of 50 papers from a store of ${store(sizes)}, For you`, pages, 20, 'forYouPage() in the service worker: the stored order read, the first 50 papers still in the feed'),
  ];
}

/** The bytes 2,000 saved papers with tags take in the browser's own storage.sync. */
export async function syncBench(worker: Worker, sizes: BenchSizes): Promise<BenchResult[]> {
  const ids = (await worker.evaluate(([stored, n]) => paperRadarBench.bench.storedIds(stored - n, n), [sizes.storedPapers, sizes.syncedPapers] as const)) as string[];
  const { bytes, items, notSynced } = await worker.evaluate(([i, now]) => paperRadarBench.bench.syncedBytes(i, now), [ids, NOW] as const);
  if (notSynced > 0) throw new Error(`${notSynced} saved papers did not fit`);
  const kb = bytes / 1024;
  return [
    {
      name: `cross-device: synced data for ${ids.length.toLocaleString('en')} saved papers with tags`,
      median: round(kb, 1),
      p95: null,
      unit: 'KB',
      budget: '< 60% of 100 KB',
      pass: bytes < 0.6 * 102_400,
      runs: 1,
      note: `chrome.storage.sync.getBytesInUse after BrowserSync wrote them (${items} items; ${round((bytes / 102_400) * 100, 0)}% of the quota, ${round((102_400 - bytes) / 1024, 1)} KB left)`,
    },
  ];
}
