import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAtomFeed } from '../../../lib/arxiv/atom';
import { ArxivClient } from '../../../lib/arxiv/client';
import { db } from '../../../lib/db/db';
import { countArrivedSince, feedPage, markAllRead, unreadCounts } from '../../../lib/db/feed';
import { newStoredPaper } from '../../../lib/db/ingest';
import { applyRetention } from '../../../lib/db/retention';
import type { Subscription } from '../../../lib/subscription';
import { SyncEngine } from '../../../lib/sync/engine';
import { derivedEntries, derivedPapers, type DerivedOptions } from '../../helpers/derived-world';
import { feedXml } from '../../helpers/fake-arxiv-feed';
import { gaps, memorySpacingStore, scriptedFetch } from '../../helpers/fake-fetch';
import { VirtualClock } from '../../helpers/virtual-clock';
import { getPapers, putPapers } from '../../../lib/db/papers';
import { countInSubscription, countStoredPapers } from '../../helpers/stored-papers';

/*
 * 100,000 papers in 50 subscriptions, in fake-indexeddb (Node): the store's queries and the
 * sync engine at that size. Real Chromium IndexedDB is much faster; the figures printed here
 * show how each operation grows, and the limits only catch a freeze.
 */
const SUBSCRIPTIONS = 50;
const PER_SUBSCRIPTION = 2_000;
const T0 = Date.UTC(2026, 5, 1, 1, 30);
const FREEZE_MS = 30_000;

const pad = (n: number) => String(n).padStart(2, '0');
const subscriptionId = (k: number) => `sub-${pad(k)}`;
/** Each subscription's papers: their own ids, a minute apart, the subscriptions interleaved. */
const papersOf = (k: number): DerivedOptions => ({
  yymm: `25${pad(1 + (k % 12))}`,
  first: Math.floor(k / 12) * PER_SUBSCRIPTION,
  newestAt: Date.UTC(2026, 4, 31, 12) - k * 1_000,
});
/** The 20 oldest papers of each subscription are saved: retention must keep them. */
const savedIds = Array.from({ length: SUBSCRIPTIONS }, (_, k) =>
  derivedPapers(PER_SUBSCRIPTION, papersOf(k)).slice(-20).map((p) => p.id),
).flat();

const figures: [string, string][] = [];
async function measure<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  figures.push([label, `${ms.toFixed(0)} ms`]);
  expect(ms, label).toBeLessThan(FREEZE_MS);
  return result;
}

async function seed(): Promise<void> {
  const subscriptions: Subscription[] = Array.from({ length: SUBSCRIPTIONS }, (_, k) => ({
    id: subscriptionId(k),
    kind: 'keyword',
    value: `topic${pad(k)}`,
    categories: [],
    exclude: [],
    label: `topic${pad(k)}`,
    enabled: true,
    order: k,
    createdAt: T0,
  }));
  await db.subscriptions.bulkAdd(subscriptions);
  for (let k = 0; k < SUBSCRIPTIONS; k++) {
    await putPapers(derivedPapers(PER_SUBSCRIPTION, papersOf(k)).map((p) => newStoredPaper(p, [subscriptionId(k)], T0)));
  }
  await db.library.bulkAdd(savedIds.map((id) => ({ id, savedAt: T0, tags: ['scale'], note: `note on ${id}` })));
}

/** arXiv as the store knows it, plus `fresh` new papers at the top for the first few subscriptions. */
function arxiv(clock: VirtualClock, fresh: Map<number, number>) {
  return scriptedFetch(clock, (url) => {
    const params = new URL(url).searchParams;
    const k = Number(/"topic(\d\d)"/.exec(params.get('search_query') ?? '')?.[1]);
    const max = Number(params.get('max_results'));
    const news = fresh.get(k) ?? 0;
    const entries = [
      ...derivedEntries(news, { yymm: '2606', first: k * 100, newestAt: Date.UTC(2026, 5, 1, 1) - k * 1_000 }),
      ...derivedEntries(max - news, papersOf(k)),
    ];
    return { body: feedXml(entries, PER_SUBSCRIPTION + news, 0, max) };
  });
}

/**
 * Runs `work` under virtual time like VirtualClock.run, but lets slow database work finish
 * between timers: fake-indexeddb at this size can take longer than run() waits for.
 */
async function runPatiently<T>(clock: VirtualClock, work: Promise<T>): Promise<T> {
  let settled = false;
  const result = work.finally(() => {
    settled = true;
  });
  while (!settled) await clock.runFor(100);
  return result;
}

function engineWith(clock: VirtualClock, fetch: typeof globalThis.fetch, keep: number) {
  return new SyncEngine({
    client: new ArxivClient({ fetch, now: clock.now, sleep: clock.sleep, spacing: memorySpacingStore(), random: () => 0.5 }),
    now: clock.now,
    papersPerSubscription: async () => keep,
  });
}

beforeAll(async () => {
  await db.delete();
  await db.open();
  const started = performance.now();
  await seed();
  figures.push(['store 100,000 papers, 50 subscriptions, 1,000 saved (seeding)', `${(performance.now() - started).toFixed(0)} ms`]);
}, 120_000);

afterAll(() => {
  const width = Math.max(...figures.map(([label]) => label.length));
  console.log(['scale: 100,000 papers, 50 subscriptions (fake-indexeddb in Node)', ...figures.map(([l, v]) => `  ${l.padEnd(width)}  ${v}`)].join('\n'));
});

describe('a store of 100,000 papers and 50 subscriptions', () => {
  it('has papers the fake arXiv serves exactly as it would parse them', () => {
    const xml = feedXml(derivedEntries(45, papersOf(7)), 45, 0, 45);
    expect(parseAtomFeed(xml).entries).toEqual(derivedPapers(45, papersOf(7)));
  });

  it('reads the feed, a subscription, unread counts and the badge count', async () => {
    expect(await countStoredPapers()).toBe(SUBSCRIPTIONS * PER_SUBSCRIPTION);
    const first = await measure('feed, first page of 50', () => feedPage({ limit: 50 }));
    // The newest paper of each subscription is a second apart: the first page goes across them.
    expect(first.map((p) => p.subs[0])).toEqual(Array.from({ length: 50 }, (_, k) => subscriptionId(k)));
    const one = await measure('one subscription, first page of 50', () => feedPage({ subscriptionId: subscriptionId(31), limit: 50 }));
    expect(one.map((p) => p.id)).toEqual(derivedPapers(50, papersOf(31)).map((p) => p.id));
    const ids = Array.from({ length: SUBSCRIPTIONS }, (_, k) => subscriptionId(k));
    const counts = await measure('unread counts, all 50 subscriptions', () => unreadCounts(ids));
    expect(counts.all).toBe(100_000);
    expect(Object.values(counts.bySubscription).every((n) => n === PER_SUBSCRIPTION)).toBe(true);
  }, 60_000);

  it('syncs with nothing new: one request per subscription, 3 s apart, nothing changed', async () => {
    const clock = new VirtualClock(T0 + 86_400_000);
    const { fetch, calls } = arxiv(clock, new Map());
    const report = await measure('sync, nothing new (50 requests)', () => runPatiently(clock, engineWith(clock, fetch, PER_SUBSCRIPTION).sync('schedule')));
    expect(report).toMatchObject({ state: 'ok', totalAdded: 0 });
    expect(calls).toHaveLength(SUBSCRIPTIONS);
    expect(new Set(calls.map((c) => new URL(c.url).searchParams.get('search_query'))).size).toBe(SUBSCRIPTIONS);
    expect(Math.min(...gaps(calls))).toBeGreaterThanOrEqual(3_000);
    const span = calls.at(-1)!.at - calls[0]!.at;
    expect(span).toBeGreaterThanOrEqual(49 * 3_000);
    figures.push(['  … in virtual time, first to last request', `${(span / 1000).toFixed(0)} s`]);
    expect(await countStoredPapers()).toBe(100_000);
  }, 120_000);

  it('syncs new papers for five subscriptions and keeps 2,000 per subscription', async () => {
    const clock = new VirtualClock(T0 + 2 * 86_400_000);
    const { fetch, calls } = arxiv(clock, new Map([0, 1, 2, 3, 4].map((k) => [k, 10])));
    const report = await measure('sync, 10 new papers in 5 subscriptions', () => runPatiently(clock, engineWith(clock, fetch, PER_SUBSCRIPTION).sync('schedule')));
    expect(report).toMatchObject({ state: 'ok', totalAdded: 50 });
    expect(calls).toHaveLength(SUBSCRIPTIONS);
    expect(await measure('badge count (papers arrived since the last look)', () => countArrivedSince(T0 + 86_400_000))).toBe(50);
    // Each of the five let go of its 10 oldest papers; those are saved, so they stay, outside it.
    for (const k of [0, 4]) expect(await countInSubscription(subscriptionId(k))).toBe(PER_SUBSCRIPTION);
    expect(await countStoredPapers()).toBe(100_000 + 50);
    expect((await unreadCounts([subscriptionId(0)])).bySubscription[subscriptionId(0)]).toBe(PER_SUBSCRIPTION);
    expect(await db.library.count()).toBe(savedIds.length);
  }, 120_000);

  it('applies retention to 1,000 per subscription and keeps every saved paper', async () => {
    const deleted = await measure('retention 2,000 → 1,000, all 50 subscriptions', async () => {
      let total = 0;
      for (let k = 0; k < SUBSCRIPTIONS; k++) total += await applyRetention(subscriptionId(k), 1_000);
      return total;
    });
    // Of the 1,000 oldest in each subscription, 20 are saved (10 in the five that already let
    // 10 saved papers go): everything else is deleted.
    expect(deleted).toBe(45 * (1_000 - 20) + 5 * (1_000 - 10));
    const saved = await getPapers(savedIds);
    expect(saved.every((p) => p !== undefined)).toBe(true);
    expect(await db.library.count()).toBe(savedIds.length);
    expect((await db.library.get(savedIds[0]!))?.note).toBe(`note on ${savedIds[0]}`);
    expect(await countStoredPapers()).toBe(SUBSCRIPTIONS * 1_000 + savedIds.length);
  }, 120_000);

  it('marks a whole subscription read and the unread counts follow', async () => {
    const ids = Array.from({ length: SUBSCRIPTIONS }, (_, k) => subscriptionId(k));
    const before = await unreadCounts(ids);
    const marked = await measure('mark a subscription read (1,000 papers)', () => markAllRead(T0 + 3 * 86_400_000, subscriptionId(9)));
    expect(marked).toBe(1_000);
    const after = await measure('unread counts after retention', () => unreadCounts(ids));
    expect(after.bySubscription[subscriptionId(9)]).toBe(0);
    expect(after.all).toBe(before.all - 1_000);
    expect(after.bySubscription[subscriptionId(10)]).toBe(1_000);
  }, 60_000);
});
