import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { entryBlocks, entryId } from '../helpers/fake-arxiv-feed';
import { derivedEntries } from '../helpers/derived-world';
import type { Misbehaviour } from './fake-arxiv';
import { minimumGap, readStore, type Harness } from './harness';

/**
 * The fault matrix's rows: every way the fake arXiv misbehaves, repeated as often as it takes
 * the client to give up (a Retry-After beyond a minute and an error feed end the call at once),
 * with the words the user must be shown. The hang family has its own file.
 */
export type FaultRow = [kind: Misbehaviour, times: number, message: RegExp];

export const FAULT_ROWS: FaultRow[] = [
  ['429', 3, /slow down \(HTTP 429\)/],
  ['429-retry-after', 1, /slow down \(HTTP 429\)/],
  ['503', 3, /HTTP 503/],
  ['503-retry-after', 1, /HTTP 503/],
  ['500', 3, /HTTP 500/],
  ['error-feed', 1, /arXiv rejected the query: start must be an integer/],
  ['truncated', 3, /cut off before the end/],
  ['html', 3, /web page instead of search results/],
  ['empty-page', 3, /empty page although it reported/],
];

/** One line of a printed column. */
export const matrixLine = (kind: string, times: number, outcome: string, recovery: string) =>
  `${kind.padEnd(16)} ×${times} → ${outcome} → ${recovery}`;

/** The smallest gap between API requests from `since` on (the one before it included). */
export function gapSince(h: Harness, since: number): number {
  return minimumGap(h.fake.apiRequests().slice(Math.max(0, since - 1)).map((r) => r.at));
}

export async function until(check: () => Promise<boolean>, what: string, timeout = 90_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Papers the fake arXiv knows for a one-word query, with ids of their own (`2607.<first>…`). */
export function addWorld(h: Harness, word: string, count: number, first: number): string[] {
  const entries = derivedEntries(count, { yymm: '2607', first, newestAt: Date.UTC(2026, 6, 20) - first * 60_000 });
  h.fake.world.set(word, entries);
  return entries.map(entryId);
}

const FIXTURES = join(import.meta.dirname, '../fixtures/arxiv');

/**
 * Papers that can be saved from an abstract page and looked up by id: the real entries of two
 * API fixtures (not in the `testing` world), each served an abstract page derived from the
 * real 1706.03762 capture (the content script takes the paper's id from the address).
 */
export function savablePapers(h: Harness): string[] {
  const abs = readFileSync(join(FIXTURES, 'html/abs_1706.03762.html'), 'utf8');
  const ids = ['api/q_au_del_maestro.xml', 'api/oldapi_2025-08_search_all-electron_AND_all-proton_10of7370.xml']
    .flatMap((file) => entryBlocks(readFileSync(join(FIXTURES, file), 'utf8')))
    .map(entryId)
    .filter((id) => /^\d{4}\.\d{4,5}$/.test(id));
  for (const id of ids) h.fake.pages.set(`/abs/${id}`, abs);
  return ids;
}

/**
 * Stops the extension's service worker, as Chromium does when it idles, and waits until it has.
 * Chromium may start it again a few milliseconds later (an open page or a pending event wakes
 * it), so any report of `stopped` after the call counts, not only the latest one.
 */
export async function stopWorker(cdp: CDPSession, versions: { versionId: string; runningStatus: string }[]): Promise<void> {
  const running = versions.filter((v) => v.runningStatus === 'running').at(-1) ?? versions.at(-1)!;
  const seen = versions.length;
  await cdp.send('ServiceWorker.stopWorker', { versionId: running.versionId });
  await until(async () => versions.slice(seen).some((v) => v.runningStatus === 'stopped'), 'the worker stopped', 15_000);
}

/** A CDP session that follows the service worker's versions and running status. */
export async function watchWorker(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const versions: { versionId: string; runningStatus: string }[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: typeof versions }) => versions.push(...event.versions));
  await cdp.send('ServiceWorker.enable');
  await until(async () => versions.length > 0, 'the worker is known', 15_000);
  return { cdp, versions };
}

export const countStore = async (page: Page, store: string) => (await readStore(page, store)).length;
