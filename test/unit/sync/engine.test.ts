import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { ArxivClient } from '../../../lib/arxiv/client';
import { db } from '../../../lib/db/db';
import { savePaper } from '../../../lib/db/library';
import { addSubscription } from '../../../lib/db/subscriptions';
import { loadRun } from '../../../lib/sync/run';
import { SyncEngine } from '../../../lib/sync/engine';
import { getSyncState } from '../../../lib/sync/state';
import { syncStatusText } from '../../../lib/ui/sync-status-text';
import { entryBlocks, entryId, pageFor } from '../../helpers/fake-arxiv-feed';
import { gaps, memorySpacingStore, scriptedFetch, type Behaviour } from '../../helpers/fake-fetch';
import { testingXml } from '../../helpers/fixtures';
import { VirtualClock } from '../../helpers/virtual-clock';
import attention from '../../fixtures/arxiv/api/api_1706.03762.xml?raw';
import higgs from '../../fixtures/arxiv/api/api_1207.7214.xml?raw';
import astro from '../../fixtures/arxiv/api/id_astro-ph_0601001_s0_m100_3150dca9dc76.xml?raw';
import errorFeed from '../../fixtures/arxiv/api/api_error_start.xml?raw';
import { getPaper } from '../../../lib/db/papers';
import { countStoredPapers, idsOldestFirst, storedIds } from '../../helpers/stored-papers';

// The 40 real entries of `search_query=testing` in the order arXiv served them, and three
// other real entries standing in for papers announced after the first sync.
const testing = [testingXml.page0, testingXml.page10, testingXml.page20, testingXml.page30].flatMap(entryBlocks);
const fresh = [attention, higgs, astro].flatMap(entryBlocks);

interface World {
  [query: string]: string[];
}

function setup(world: World, options: { keep?: number; override?: (url: string, call: number) => Behaviour | undefined } = {}) {
  const clock = new VirtualClock(Date.UTC(2026, 10, 24, 1, 30));
  const spacing = memorySpacingStore();
  const answer = (url: string, call: number): Behaviour => {
    const special = options.override?.(url, call);
    if (special) return special;
    const query = new URL(url).searchParams.get('search_query') ?? '';
    const key = Object.keys(world).find((k) => query.includes(`"${k}"`));
    return { body: pageFor(url, key ? world[key]! : []) };
  };
  const { fetch, calls } = scriptedFetch(clock, answer);
  const makeEngine = (timeoutMs = 30_000) =>
    new SyncEngine({
      client: new ArxivClient({ fetch, now: clock.now, sleep: clock.sleep, spacing, random: () => 0.5, timeoutMs }),
      now: clock.now,
      papersPerSubscription: async () => options.keep ?? 25,
    });
  return { clock, calls, engine: makeEngine(), makeEngine };
}

const keyword = (value: string) => ({ kind: 'keyword' as const, value, categories: [], exclude: [] });

beforeEach(async () => {
  await db.delete();
  await db.open();
});

const idsOf = (blocks: string[]) => blocks.map(entryId);
// 130 papers: the 40 real entries repeated under derived ids, so paging has something to page.
const manyTesting = Array.from({ length: 130 }, (_, i) =>
  testing[i % 40]!.replace(/abs\/(\d{4})\.(\d{4,5})/g, (_m, yymm: string) => `abs/${yymm}.${String(10000 + i)}`),
);

describe('SyncEngine', () => {
  it('fills a new subscription up to the retention size, paging as needed', async () => {
    const sub = await addSubscription(keyword('testing'), 0);
    const { clock, calls, engine } = setup({ testing }, { keep: 15 });
    const report = await clock.run(engine.sync('manual'));
    expect(report).toMatchObject({ state: 'ok', totalAdded: 15 });
    expect(calls).toHaveLength(1);
    expect(new URL(calls[0]!.url).searchParams.get('max_results')).toBe('15');
    expect((await storedIds()).sort()).toEqual(idsOf(testing.slice(0, 15)).sort());
    expect(await db.syncStatus.get(sub.id)).toMatchObject({ lastAdded: 15, totalResults: 40 });
    expect(await getSyncState()).toMatchObject({ state: 'ok', lastAdded: 15 });
  });

  it('pages through results when the retention size exceeds one page', async () => {
    await addSubscription(keyword('testing'), 0);
    const { clock, calls, engine } = setup({ testing: manyTesting }, { keep: 120 });
    const report = await clock.run(engine.sync('manual'));
    expect(calls.map((c) => new URL(c.url).searchParams.get('start'))).toEqual(['0', '100']);
    expect(report.totalAdded).toBe(130);
    expect(await countStoredPapers()).toBe(120);
    for (const gap of gaps(calls)) expect(gap).toBeGreaterThanOrEqual(3000);
  });

  it('costs exactly one request per enabled subscription when nothing is new', async () => {
    await addSubscription(keyword('testing'), 0);
    await addSubscription(keyword('fuzzing'), 1);
    const disabled = await addSubscription({ ...keyword('disabled'), enabled: false }, 2);
    const world = { testing, fuzzing: testing.slice(5, 12) };
    const { clock, calls, engine } = setup(world, { keep: 10 });
    await clock.run(engine.sync('manual'));
    const before = calls.length;
    const report = await clock.run(engine.sync('schedule'));
    expect(report.totalAdded).toBe(0);
    expect(calls.length - before).toBe(2);
    expect(calls.some((c) => c.url.includes(encodeURIComponent(disabled.value)))).toBe(false);
  });

  it('stops paging at the first paper it already has and counts only new ones', async () => {
    const sub = await addSubscription(keyword('testing'), 0);
    const world: World = { testing: testing.slice(0, 30) };
    const { clock, calls, engine } = setup(world, { keep: 30 });
    await clock.run(engine.sync('manual'));
    world.testing = [...fresh, ...testing.slice(0, 30)];
    const before = calls.length;
    const report = await clock.run(engine.sync('schedule'));
    expect(calls.length - before).toBe(1);
    expect(report.totalAdded).toBe(3);
    expect(report.added).toEqual([{ subscription: expect.objectContaining({ id: sub.id }), count: 3 }]);
    expect(await countStoredPapers()).toBe(30); // retention keeps the newest 30
  });

  it('does not count a known paper matched by a second subscription as new', async () => {
    await addSubscription(keyword('testing'), 0);
    const { clock, engine } = setup({ testing: testing.slice(0, 10), fuzzing: testing.slice(0, 3) }, { keep: 10 });
    const report = await clock.run(engine.sync('manual'));
    await addSubscription(keyword('fuzzing'), 1);
    const second = await clock.run(engine.sync('subscription-added'));
    expect(report.totalAdded).toBe(10);
    expect(second.totalAdded).toBe(0);
    expect(await countStoredPapers()).toBe(10);
  });

  it('keeps going past a subscription whose query arXiv rejects, and says which', async () => {
    const bad = await addSubscription({ kind: 'raw', value: 'ti:broken', categories: [], exclude: [] }, 0);
    await addSubscription(keyword('testing'), 1);
    const { clock, engine } = setup({ testing }, {
      keep: 10,
      override: (url) => (url.includes('broken') ? { status: 400, body: errorFeed } : undefined),
    });
    const report = await clock.run(engine.sync('manual'));
    expect(report.state).toBe('error');
    expect(report.message).toContain('ti:broken');
    expect(report.message).toContain('start must be an integer');
    expect(await countStoredPapers()).toBe(10);
    expect((await db.syncStatus.get(bad.id))!.lastError).toContain('start must be an integer');
  });

  it('never sends a query the linter rejects', async () => {
    // Stored before the options page refused such a query (addSubscription refuses it now).
    const value = 'ti:"unbalanced';
    await db.subscriptions.add({ id: 'old', kind: 'raw', value, categories: [], exclude: [], label: value, enabled: true, order: 0, createdAt: 0 });
    const { clock, calls, engine } = setup({});
    const report = await clock.run(engine.sync('manual'));
    expect(calls).toHaveLength(0);
    expect(report.state).toBe('error');
  });

  it('stops when arXiv is unavailable, keeps what it stored, and resumes later', async () => {
    await addSubscription(keyword('testing'), 0);
    await addSubscription(keyword('fuzzing'), 1);
    let down = false;
    const { clock, engine } = setup({ testing, fuzzing: testing.slice(0, 4) }, {
      keep: 10,
      override: (url) => (down && url.includes('fuzzing') ? { status: 503, body: 'down' } : undefined),
    });
    down = true;
    const failed = await clock.run(engine.sync('manual'));
    expect(failed).toMatchObject({ state: 'error', message: expect.stringContaining('HTTP 503') });
    expect(failed.retryAt).toBeGreaterThan(clock.now());
    expect(await countStoredPapers()).toBe(10);
    expect(await getSyncState()).toMatchObject({ state: 'error', retryAt: failed.retryAt });
    down = false;
    const recovered = await clock.run(engine.sync('retry'));
    expect(recovered).toMatchObject({ state: 'ok', resumed: true });
    // The finished subscription was not repeated; its 10 papers still count in the run's total.
    expect(recovered.totalAdded).toBe(10);
    expect(await getSyncState()).toMatchObject({ state: 'ok' });
    expect(await loadRun()).toBeUndefined();
  });

  it('asks about every subscription when "Sync now" finds a run for one new subscription left unfinished, and only then says the feed was checked', async () => {
    await addSubscription(keyword('testing'), 0);
    const { clock, calls, engine } = setup({ testing: testing.slice(0, 6), fuzzing: testing.slice(6, 10) }, {
      keep: 10,
      override: (url) => (down && url.includes('fuzzing') ? { status: 503, body: 'down' } : undefined),
    });
    let down = false;
    await clock.run(engine.sync('manual'));
    const checked = (await getSyncState()).lastSuccessAt!;
    // A subscription added while arXiv is down: its run stops, and waits for its retry.
    const fuzzing = await addSubscription(keyword('fuzzing'), 1);
    down = true;
    clock.advance(60 * 60_000);
    expect(await clock.run(engine.sync('subscription-added', [fuzzing.id]))).toMatchObject({ state: 'error', partial: true });
    expect(await getSyncState()).toMatchObject({ state: 'error', lastSuccessAt: checked });
    down = false;
    calls.length = 0;
    const report = await clock.run(engine.sync('manual'));
    const asked = calls.map((c) => new URL(c.url).searchParams.get('search_query'));
    expect(asked).toEqual([expect.stringContaining('fuzzing'), expect.stringContaining('testing')]);
    expect(report).toMatchObject({ state: 'ok', resumed: true, partial: false, totalAdded: 4 });
    expect(await getSyncState()).toMatchObject({ state: 'ok', lastSuccessAt: clock.now() });
  });

  it('asks about a subscription added while a run waits for arXiv in that run, and counts only its papers for it', async () => {
    await addSubscription(keyword('testing'), 0);
    await addSubscription(keyword('fuzzing'), 1);
    let down = true;
    const { clock, calls, engine } = setup({ testing: testing.slice(0, 6), fuzzing: testing.slice(6, 10), proving: testing.slice(10, 13) }, {
      keep: 10,
      override: (url) => (down && url.includes('fuzzing') ? { status: 503, body: 'down' } : undefined),
    });
    expect(await clock.run(engine.sync('schedule'))).toMatchObject({ state: 'error' });
    const proving = await addSubscription(keyword('proving'), 2);
    down = false;
    calls.length = 0;
    const report = await clock.run(engine.sync('subscription-added', [proving.id]));
    expect(calls.map((c) => new URL(c.url).searchParams.get('search_query'))).toEqual([expect.stringContaining('fuzzing'), expect.stringContaining('proving')]);
    expect(report.added.map((a) => [a.subscription.label, a.count])).toEqual([
      ['testing', 6],
      ['fuzzing', 4],
      ['proving', 3],
    ]);
    // It finished the scheduled run, so it was a check of the whole feed.
    expect(report.partial).toBe(false);
  });

  it('takes a run for one new subscription for no check of the feed, unless it is the only one', async () => {
    const first = await addSubscription(keyword('testing'), 0);
    const { clock, engine } = setup({ testing: testing.slice(0, 6), fuzzing: testing.slice(6, 10) }, { keep: 10 });
    expect(await clock.run(engine.sync('subscription-added', [first.id]))).toMatchObject({ state: 'ok', totalAdded: 6, partial: false });
    const before = await getSyncState();
    expect(before).toMatchObject({ lastSuccessAt: clock.now(), lastAttemptAt: clock.now() });
    clock.advance(60 * 60_000);
    const fuzzing = await addSubscription(keyword('fuzzing'), 1);
    expect(await clock.run(engine.sync('subscription-added', [fuzzing.id]))).toMatchObject({ state: 'ok', totalAdded: 4, partial: true });
    expect(await getSyncState()).toMatchObject({ state: 'ok', lastSuccessAt: before.lastSuccessAt, lastAttemptAt: before.lastAttemptAt, lastAdded: 6 });
  });

  it('asks again, in a run left unfinished, about a subscription edited since the run asked about it', async () => {
    const testingSub = await addSubscription(keyword('testing'), 0);
    await addSubscription(keyword('fuzzing'), 1);
    let down = true;
    const { clock, calls, engine } = setup({ testing: testing.slice(0, 6), fuzzing: testing.slice(6, 10), proving: testing.slice(10, 13) }, {
      keep: 10,
      override: (url) => (down && url.includes('fuzzing') ? { status: 503, body: 'down' } : undefined),
    });
    await clock.run(engine.sync('schedule'));
    // "testing" was asked in this run; the reader now changes its query.
    await db.subscriptions.update(testingSub.id, { value: 'proving' });
    down = false;
    calls.length = 0;
    const report = await clock.run(engine.sync('subscription-added', [testingSub.id]));
    expect(calls.map((c) => new URL(c.url).searchParams.get('search_query'))).toEqual([expect.stringContaining('fuzzing'), expect.stringContaining('proving')]);
    expect(report.added.find((a) => a.subscription.id === testingSub.id)?.count).toBe(3);
  });

  it('leaves what the last check of the feed said to the rest of it when a run for one subscription ends', async () => {
    await addSubscription(keyword('testing'), 0);
    await addSubscription({ kind: 'raw' as const, value: 'ti:broken', categories: [], exclude: [] }, 1);
    const { clock, engine } = setup({ testing: testing.slice(0, 6), fuzzing: testing.slice(6, 10) }, {
      keep: 10,
      override: (url) => (url.includes('broken') ? { status: 400, body: errorFeed } : undefined),
    });
    await clock.run(engine.sync('schedule'));
    const checked = await getSyncState();
    expect(checked).toMatchObject({ state: 'error', message: expect.stringContaining('ti:broken') });
    const fuzzing = await addSubscription(keyword('fuzzing'), 2);
    expect(await clock.run(engine.sync('subscription-added', [fuzzing.id]))).toMatchObject({ state: 'ok', totalAdded: 4, partial: true });
    expect(await getSyncState()).toMatchObject({ state: 'error', message: checked.message, lastSuccessAt: checked.lastSuccessAt });
  });

  it('runs a check of the whole feed asked for during a run for one subscription after it, instead of answering with it', async () => {
    await addSubscription(keyword('testing'), 0);
    const fuzzing = await addSubscription(keyword('fuzzing'), 1);
    const { clock, calls, engine } = setup({ testing: testing.slice(0, 6), fuzzing: testing.slice(6, 10) }, { keep: 10 });
    const one = engine.sync('subscription-added', [fuzzing.id]);
    expect(engine.checkingAll).toBe(false);
    const [first, all] = await clock.run(Promise.all([one, engine.sync('schedule')]));
    expect(first).toMatchObject({ partial: true, totalAdded: 4 });
    expect(all).toMatchObject({ partial: false, totalAdded: 6 });
    expect(calls.map((c) => new URL(c.url).searchParams.get('search_query'))).toEqual([
      expect.stringContaining('fuzzing'),
      expect.stringContaining('testing'),
      expect.stringContaining('fuzzing'),
    ]);
  });

  it('carries on with the run as it is on a retry: a run for one subscription asks about that one', async () => {
    await addSubscription(keyword('testing'), 0);
    const fuzzing = await addSubscription(keyword('fuzzing'), 1);
    let down = true;
    const { clock, calls, engine } = setup({ testing: testing.slice(0, 6), fuzzing: testing.slice(6, 10) }, {
      keep: 10,
      override: (url) => (down && url.includes('fuzzing') ? { status: 503, body: 'down' } : undefined),
    });
    await clock.run(engine.sync('subscription-added', [fuzzing.id]));
    down = false;
    calls.length = 0;
    expect(await clock.run(engine.sync('retry'))).toMatchObject({ state: 'ok', totalAdded: 4, partial: true });
    expect(calls.map((c) => new URL(c.url).searchParams.get('search_query'))).toEqual([expect.stringContaining('fuzzing')]);
  });

  it('says, while it asks again, why the last attempt failed, and stops saying it once arXiv answers', async () => {
    await addSubscription(keyword('testing'), 0);
    const { clock, engine } = setup({ testing }, { keep: 10, override: (_url, call) => (call === 0 ? { hang: true } : undefined) });
    const run = engine.sync('manual');
    await clock.runFor(31_000); // the first request's 30 s are up; the next one waits its turn
    const asking = await getSyncState();
    expect(asking).toMatchObject({ state: 'syncing', retrying: 'arXiv did not answer within 30 seconds.' });
    expect(syncStatusText(asking, clock.now())).toMatchObject({ text: 'Checking arXiv… arXiv did not answer within 30 seconds. Asking again.', trouble: true });
    expect(await clock.run(run)).toMatchObject({ state: 'ok', totalAdded: 10 });
    expect((await getSyncState()).retrying).toBeUndefined();
  });

  it('takes a sync over no subscription (a new profile’s first start) for no check of the feed', async () => {
    const { clock, calls, engine } = setup({ testing: testing.slice(0, 6) }, { keep: 10 });
    expect(await clock.run(engine.sync('startup'))).toMatchObject({ state: 'ok', totalAdded: 0 });
    expect(calls).toHaveLength(0);
    const state = await getSyncState();
    expect(state.lastSuccessAt).toBeUndefined();
    expect(state.lastAttemptAt).toBeUndefined();
    const first = await addSubscription(keyword('testing'), 0);
    await clock.run(engine.sync('subscription-added', [first.id]));
    expect(await getSyncState()).toMatchObject({ state: 'ok', lastSuccessAt: clock.now(), lastAdded: 6 });
  });

  it('reports offline without sending anything', async () => {
    await addSubscription(keyword('testing'), 0);
    const clock = new VirtualClock();
    const { fetch, calls } = scriptedFetch(clock, [{ body: '' }]);
    const engine = new SyncEngine({
      client: new ArxivClient({ fetch, now: clock.now, sleep: clock.sleep, spacing: memorySpacingStore(), isOnline: () => false }),
      now: clock.now,
      papersPerSubscription: async () => 10,
    });
    expect(await clock.run(engine.sync('manual'))).toMatchObject({ state: 'offline' });
    expect(calls).toHaveLength(0);
    expect(await getSyncState()).toMatchObject({ state: 'offline' });
  });

  it('joins a sync in progress instead of starting a second one', async () => {
    await addSubscription(keyword('testing'), 0);
    const { clock, calls, engine } = setup({ testing }, { keep: 10 });
    const [a, b] = await clock.run(Promise.all([engine.sync('manual'), engine.sync('schedule')]));
    expect(a).toBe(b);
    expect(calls).toHaveLength(1);
  });

  it('never removes a saved paper during retention', async () => {
    await addSubscription(keyword('testing'), 0);
    let keep = 10;
    const world: World = { testing: testing.slice(0, 10) };
    const { clock, calls } = setup(world);
    const engine = new SyncEngine({
      client: new ArxivClient({ fetch: scriptedFetch(clock, (url) => ({ body: pageFor(url, world.testing!) })).fetch, now: clock.now, sleep: clock.sleep, spacing: memorySpacingStore() }),
      now: clock.now,
      papersPerSubscription: async () => keep,
    });
    await clock.run(engine.sync('manual'));
    const byAge = (await idsOldestFirst()) as string[];
    await savePaper(byAge[0]!, clock.now());
    keep = 5;
    await clock.run(engine.sync('schedule'));
    expect(await getPaper(byAge[0]!)).toBeDefined();
    expect((await storedIds()).sort()).toEqual([byAge[0]!, ...byAge.slice(-5)].sort());
    expect(calls).toHaveLength(0);
  });
});

describe('SyncEngine after the worker is killed', () => {
  /** A fetch that never answers: the worker dies while waiting, taking its engine with it. */
  const hangAfter = (n: number) => (_url: string, call: number): Behaviour | undefined => (call >= n ? { hang: true } : undefined);

  async function killedThenResumed(killAt: number, keep: number) {
    await addSubscription(keyword('testing'), 0);
    await addSubscription(keyword('fuzzing'), 1);
    const world = { testing: manyTesting, fuzzing: [...fresh, ...testing.slice(0, 2)] };
    let dead = true;
    const first = setup(world, { keep, override: (url, call) => (dead ? hangAfter(killAt)(url, call) : undefined) });
    // The doomed worker's request hangs for good (it never times out); the worker dies there.
    void first.makeEngine(Infinity).sync('schedule');
    for (let i = 0; i < 100 && first.calls.length <= killAt; i++) await first.clock.runFor(1000);
    expect(first.calls).toHaveLength(killAt + 1);
    expect(await loadRun()).toBeDefined();
    dead = false;
    const resumed = first.makeEngine();
    const report = await first.clock.run(resumed.sync('resume'));
    return { report, calls: first.calls };
  }

  it.each([
    ['before the first request', 0],
    ['between two pages of a subscription', 1],
    ['between two subscriptions', 2],
  ])('resumes %s without repeating work or duplicates', async (_label, killAt) => {
    const { report, calls } = await killedThenResumed(killAt, 120);
    expect(report.state).toBe('ok');
    expect(report.totalAdded).toBe(130 + 5);
    expect(await countStoredPapers()).toBe(120 + 5);
    const keys = await storedIds();
    expect(new Set(keys).size).toBe(keys.length);
    // Each page was asked for at most twice: once by the killed worker, once on resume.
    const pages = calls.map((c) => c.url);
    for (const url of new Set(pages)) expect(pages.filter((p) => p === url).length).toBeLessThanOrEqual(2);
    expect(await loadRun()).toBeUndefined();
  });

  /** The worker dies inside a database transaction: IndexedDB rolls the transaction back. */
  async function crashInside(type: 'put' | 'delete', afterCalls: number) {
    await addSubscription(keyword('testing'), 0);
    await addSubscription(keyword('fuzzing'), 1);
    const { clock, calls, makeEngine } = setup({ testing: manyTesting, fuzzing: [...fresh, ...testing.slice(0, 2)] }, { keep: 120 });
    let armed = true;
    const crash: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'crash',
      create: (down: DBCore) => ({
        ...down,
        table: (name: string): DBCoreTable => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (req: DBCoreMutateRequest) => {
              if (armed && name === 'papers' && req.type === type && calls.length >= afterCalls) {
                armed = false;
                throw new Error('worker killed');
              }
              return table.mutate(req);
            },
          };
        },
      }),
    };
    // The simulated kill also surfaces as a rejection inside Dexie's own promise chain; a real
    // kill has no aftermath, so that one report is expected and ignored here.
    const ignoreKill = (reason: unknown) => {
      if (!(reason instanceof Error && reason.message === 'worker killed')) throw reason;
    };
    process.on('unhandledRejection', ignoreKill);
    // Middleware takes effect when the database opens.
    db.close({ disableAutoOpen: false });
    db.use(crash);
    await db.open();
    await expect(clock.run(makeEngine().sync('schedule'))).rejects.toThrow('worker killed');
    db.close({ disableAutoOpen: false });
    db.unuse({ stack: 'dbcore', name: 'crash' });
    await db.open();
    const report = await clock.run(makeEngine().sync('resume'));
    process.off('unhandledRejection', ignoreKill);
    return { report, calls };
  }

  it('resumes after being killed mid-ingest, with the half-written page rolled back', async () => {
    const { report, calls } = await crashInside('put', 2);
    expect(report).toMatchObject({ state: 'ok', totalAdded: 135, resumed: true });
    expect(await countStoredPapers()).toBe(125);
    // The page whose ingest was interrupted is fetched again; nothing else is.
    expect(calls.map((c) => new URL(c.url).searchParams.get('start'))).toEqual(['0', '100', '100', '0']);
  });

  it('resumes after being killed during retention without fetching again', async () => {
    const { report, calls } = await crashInside('delete', 0);
    expect(report).toMatchObject({ state: 'ok', totalAdded: 135 });
    expect(await countStoredPapers()).toBe(125);
    expect(calls.map((c) => new URL(c.url).searchParams.get('start'))).toEqual(['0', '100', '0']);
  });
});
