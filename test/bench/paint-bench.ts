import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { BenchBrowser } from './browser';
import { firstCardPaint } from './paint';
import type { BenchSizes } from './sizes';
import { median, percentile, round, type BenchResult } from './stats';
import { staticCopy } from './static-copy';

const BUDGET_RATIO = 1.5;
// As many cards as the pages paint in their first frame (FIRST_SCREEN_CARDS in lib/ui/first-screen.ts).
const FIRST_FRAME_CARDS = 8;

export interface PageUnderTest {
  label: 'new tab' | 'new tab, For you' | 'popup';
  path: string;
  /** The page's first-screen cache in localStorage (DIGEST_/POPUP_FIRST_SCREEN_KEY). */
  cacheKey: string;
  viewport: { width: number; height: number };
}

export const NEW_TAB: PageUnderTest = { label: 'new tab', path: 'newtab.html', cacheKey: 'paper-radar:digest-first-screen', viewport: { width: 1280, height: 900 } };
/** The new tab in the For-you order (the reader chose it: the setting, and the page's copy of it). */
export const NEW_TAB_FOR_YOU: PageUnderTest = { ...NEW_TAB, label: 'new tab, For you' };
// Chromium's popups are at most 800 × 600; Paper Radar's is 400 wide.
export const POPUP: PageUnderTest = { label: 'popup', path: 'popup.html', cacheKey: 'paper-radar:popup-first-screen', viewport: { width: 400, height: 600 } };

interface Opened {
  page: Page;
  ms: number;
  /** Paths of the scripts the page requested before its first card was painted. */
  scripts: string[];
}

async function openTimed(h: BenchBrowser, url: string, viewport: PageUnderTest['viewport'], cacheKey = ''): Promise<Opened> {
  const page = await h.context.newPage();
  await page.setViewportSize(viewport);
  const requested: { path: string; at: number }[] = [];
  const cdp = await h.context.newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', ({ request, wallTime }) => {
    const path = new URL(request.url).pathname;
    if (path.endsWith('.js')) requested.push({ path, at: wallTime * 1000 });
  });
  // Notes, before any script of the page runs, whether its first-screen cache is there.
  await page.addInitScript((key) => {
    (globalThis as { benchCacheAtStart?: boolean }).benchCacheAtStart = key !== '' && localStorage.getItem(key) !== null;
  }, cacheKey);
  await page.goto(url, { waitUntil: 'commit' });
  const ms = await firstCardPaint(page);
  // Requests are stamped with the wall clock; the paint, from the page's time origin.
  const paintedAt = (await page.evaluate(() => performance.timeOrigin)) + ms;
  const scripts = requested.filter((r) => r.at <= paintedAt).map((r) => r.path);
  await cdp.detach();
  return { page, ms, scripts };
}

const cached = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k) !== null, key);
const cachedAtStart = (page: Page) => page.evaluate(() => (globalThis as { benchCacheAtStart?: boolean }).benchCacheAtStart === true);

async function waitForCache(page: Page, key: string): Promise<void> {
  const until = Date.now() + 120_000;
  while (!(await cached(page, key))) {
    if (Date.now() > until) throw new Error(`${page.url()} never wrote its first-screen cache (${key})`);
    await page.waitForTimeout(200);
  }
}

/** A page of the extension's origin that runs none of its code, to reach its localStorage. */
async function originPage(h: BenchBrowser): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/icon/16.png`);
  return page;
}

interface PaintSamples {
  app: number[];
  baseline: number[];
  /** Per pair: app ÷ static of the same round. */
  ratios: number[];
  heapBytes: number[];
  /** Per open without the cache: the scripts requested before its first card. */
  scripts: string[][];
}

/**
 * Opens the extension page and its static copy in turn, `runs` times each after `warmups`
 * untimed rounds. With `cold`, the page's first-screen cache is removed before each open: the first
 * open after papers were stored; otherwise the cache is the one the page left the time before,
 * as on every new tab after the first.
 */
async function alternate(h: BenchBrowser, target: PageUnderTest, staticUrl: string, { runs, warmups }: { runs: number; warmups: number }, cold: boolean): Promise<PaintSamples> {
  const origin = await originPage(h);
  const appUrl = `chrome-extension://${h.extensionId}/${target.path}`;
  const samples: PaintSamples = { app: [], baseline: [], ratios: [], heapBytes: [], scripts: [] };
  try {
    for (let round = -warmups; round < runs; round++) {
      let app = 0;
      let baseline = 0;
      for (const which of round % 2 === 0 ? ['static', 'app'] : ['app', 'static']) {
        if (which === 'static') {
          const opened = await openTimed(h, staticUrl, target.viewport, target.cacheKey);
          baseline = opened.ms;
          await opened.page.close();
          continue;
        }
        if (cold) await origin.evaluate((k) => localStorage.removeItem(k), target.cacheKey);
        const opened = await openTimed(h, appUrl, target.viewport, target.cacheKey);
        app = opened.ms;
        if ((await cachedAtStart(opened.page)) === cold) {
          throw new Error(`${target.label}: the first-screen cache was ${cold ? 'there' : 'missing'} at first paint`);
        }
        if (round >= 0 && !cold) samples.heapBytes.push(await heapUsed(opened.page));
        if (round >= 0 && cold) samples.scripts.push(opened.scripts);
        await opened.page.close();
      }
      if (round < 0) continue;
      samples.app.push(app);
      samples.baseline.push(baseline);
      samples.ratios.push(app / baseline);
    }
  } finally {
    await origin.close();
  }
  return samples;
}

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  } finally {
    await cdp.detach();
  }
}

/** Opens the page once, lets it write its first-screen cache, and makes its static copy. */
async function prime(h: BenchBrowser, target: PageUnderTest): Promise<string> {
  const { page } = await openTimed(h, `chrome-extension://${h.extensionId}/${target.path}`, target.viewport);
  await waitForCache(page, target.cacheKey);
  const url = await staticCopy(page, h.extensionDir, FIRST_FRAME_CARDS, target.path.replace('.html', '-static'));
  await page.close();
  return url;
}

function paintResults(target: PageUnderTest, kind: string, s: PaintSamples, store: string): BenchResult[] {
  const ratio = median(s.app) / median(s.baseline);
  return [
    {
      name: `${target.label}: first card painted, ${kind}, ${store} papers stored`,
      median: round(ratio),
      p95: round(percentile(s.ratios, 0.95)),
      unit: '×',
      budget: `≤ ${BUDGET_RATIO} × static page`,
      pass: ratio <= BUDGET_RATIO,
      runs: s.app.length,
      note: `median ${round(median(s.app), 1)} ms against ${round(median(s.baseline), 1)} ms for a static page of the same ${FIRST_FRAME_CARDS} cards (same CSS, no script) in the extension’s origin, opened alternately; p95 is of the per-round ratios`,
    },
  ];
}

/** The first card painted, with and without the first-screen cache, and the heap of a new tab. */
export async function paintBench(h: BenchBrowser, sizes: BenchSizes, target: PageUnderTest): Promise<{ results: BenchResult[]; scripts: string[][] }> {
  const store = sizes.storedPapers.toLocaleString('en');
  const staticUrl = await prime(h, target);
  const rounds = { runs: sizes.paintRuns, warmups: sizes.paintWarmups };
  const warm = await alternate(h, target, staticUrl, rounds, false);
  const cold = await alternate(h, target, staticUrl, rounds, true);
  const results = [
    ...paintResults(target, 'cached first screen', warm, store),
    ...paintResults(target, 'no first-screen cache', cold, store),
  ];
  if (target === NEW_TAB) {
    const mb = warm.heapBytes.map((b) => b / 2 ** 20);
    results.push({
      name: `new tab: JS heap after first card, ${store} papers stored`,
      median: round(median(mb), 1),
      p95: round(percentile(mb, 0.95), 1),
      unit: 'MB',
      budget: 'report',
      pass: null,
      runs: mb.length,
      note: 'Runtime.getHeapUsage (used size) of the page, read as soon as its first card was painted',
    });
  }
  return { results, scripts: cold.scripts };
}

const gzipped = (dir: string, path: string) => gzipSync(readFileSync(join(dir, path))).length;

/** The new tab's script and modulepreload tags, as built, gzipped (default level). */
export function initialJs(dir: string): { files: string[]; bytes: number } {
  const html = readFileSync(join(dir, 'newtab.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((m) => m[1]!);
  if (files.length === 0) throw new Error('newtab.html loads no script');
  return { files, bytes: files.reduce((sum, file) => sum + gzipped(dir, file), 0) };
}

export function jsResults(dir: string, fetchedBeforeFirstCard: string[][]): BenchResult[] {
  const initial = initialJs(dir);
  const perOpen = fetchedBeforeFirstCard.map((files) => ({ files, kb: files.reduce((sum, file) => sum + gzipped(dir, file), 0) / 1024 }));
  const loadedKb = median(perOpen.map((o) => o.kb));
  const typical = [...perOpen].sort((a, b) => Math.abs(a.kb - loadedKb) - Math.abs(b.kb - loadedKb))[0]?.files ?? [];
  return [
    {
      name: 'new tab initial JavaScript, gzipped',
      median: round(initial.bytes / 1024, 1),
      p95: null,
      unit: 'KB',
      budget: '≤ 60 KB',
      pass: initial.bytes <= 60 * 1024,
      runs: 1,
      note: `newtab.html's script and modulepreload tags: ${initial.files.join(', ')}`,
    },
    {
      name: 'new tab JavaScript requested by the time its first card is on screen, no cache, gzipped',
      median: round(loadedKb, 1),
      p95: round(percentile(perOpen.map((o) => o.kb), 0.95), 1),
      unit: 'KB',
      budget: 'report',
      pass: null,
      runs: perOpen.length,
      note: `requested (DevTools protocol, wall clock) before the first card's paint was presented, with no first-screen cache; the database chunks (db, page-data, extras, settings) are asked for once that paint has been presented. A typical open: ${[...typical].sort().join(', ')}`,
    },
  ];
}
