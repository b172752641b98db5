import { beforeEach, describe, expect, it } from 'vitest';
import { ArxivClient } from '../../../lib/arxiv/client';
import { db } from '../../../lib/db/db';
import { addSubscription } from '../../../lib/db/subscriptions';
import { loadRun } from '../../../lib/sync/run';
import { SyncEngine } from '../../../lib/sync/engine';
import { derivedEntries } from '../../helpers/derived-world';
import { entryId, pageFor } from '../../helpers/fake-arxiv-feed';
import { memorySpacingStore, response } from '../../helpers/fake-fetch';
import { VirtualClock } from '../../helpers/virtual-clock';
import { expectConsistentStore } from './store-invariants';
import { countStoredPapers, storedIds } from '../../helpers/stored-papers';

/*
 * The service worker stopped at each of five points of a sync. Three are killed here
 * (before a request while waiting its turn, and mid-response with half the body read);
 * test/unit/sync/engine.test.ts kills it waiting for a request's answer (first request,
 * between two pages, between two subscriptions), mid-ingest and during retention, and
 * test/e2e/worker-restart.e2e.ts and reliability-worker-kill.e2e.ts stop a real worker.
 */

// The syncs run a week after the derived papers' dates: retention never removes papers of the
// last three days (lib/db/retention.ts), and these tests are about the number kept.
const KEEP = 120;
// 130 papers for alpha (two pages), 5 for bravo.
const world: Record<string, string[]> = { alpha: derivedEntries(130, { first: 0 }), bravo: derivedEntries(5, { first: 500 }) };
const log: { url: string; at: number }[] = [];
const spacing = memorySpacingStore();

const start = (url: string) => new URL(url).searchParams.get('start');
const pageOf = (url: string) => {
  const query = new URL(url).searchParams.get('search_query') ?? '';
  return pageFor(url, world[Object.keys(world).find((k) => query.includes(`"${k}"`))!]!);
};

/** A response whose headers arrived and whose body stops halfway, for good. */
function halfBody(body: string, progress: { halfRead: boolean }): Response {
  const bytes = new TextEncoder().encode(body);
  let sent = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(bytes.slice(0, Math.floor(bytes.length / 2)));
        return;
      }
      // Asked for more: the first half has been read. The rest never comes.
      progress.halfRead = true;
      return new Promise<void>(() => {});
    },
  });
  return new Response(stream, { status: 200, headers: { 'Content-Type': 'application/atom+xml' } });
}

/** The part of Response the client reads, answered at once (see test/helpers/fake-fetch.ts). */
const whole = (body: string) => response(200, {}, async () => body);

/** One life of the worker: its own clock (continuing the time) and engine, sharing storage. */
function worker(clock: VirtualClock, answer: (url: string, call: number) => Response = (url) => whole(pageOf(url))) {
  const fetch = (async (input: RequestInfo | URL) => {
    const url = String(input);
    log.push({ url, at: clock.now() });
    return answer(url, log.length - 1);
  }) as typeof globalThis.fetch;
  return new SyncEngine({
    client: new ArxivClient({ fetch, now: clock.now, sleep: clock.sleep, spacing, random: () => 0.5, timeoutMs: Infinity }),
    now: clock.now,
    papersPerSubscription: async () => KEEP,
  });
}

async function expectCompleteWithoutDuplicates(report: { state: string; totalAdded: number; resumed: boolean }) {
  expect(report).toMatchObject({ state: 'ok', totalAdded: 135, resumed: true });
  expect(await countStoredPapers()).toBe(KEEP + 5);
  const keys = (await storedIds()) as string[];
  expect(new Set(keys).size).toBe(keys.length);
  expect(keys.sort()).toEqual([...world.alpha!.slice(0, KEEP), ...world.bravo!].map(entryId).sort());
  expect(await loadRun()).toBeUndefined();
  await expectConsistentStore();
  const gaps = log.slice(1).map((call, i) => call.at - log[i]!.at);
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(3_000);
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  log.length = 0;
  await spacing.setLastRequestAt(0);
  await addSubscription({ kind: 'keyword', value: 'alpha', categories: [], exclude: [] }, 0);
  await addSubscription({ kind: 'keyword', value: 'bravo', categories: [], exclude: [] }, 1);
});

describe('a sync whose worker is killed', () => {
  it('mid-response, with half the body read: the page is asked again, never half-stored', async () => {
    const first = new VirtualClock(Date.UTC(2026, 5, 9, 1, 30));
    const progress = { halfRead: false };
    void worker(first, (url, call) => (call === 1 ? halfBody(pageOf(url), progress) : whole(pageOf(url)))).sync('schedule');
    for (let i = 0; i < 50 && !progress.halfRead; i++) await first.runFor(500);
    expect(progress.halfRead).toBe(true);
    // Only the first page is stored; nothing of the half-read one.
    expect(await countStoredPapers()).toBe(100);
    expect((await loadRun())?.current).toMatchObject({ nextStart: 100, collected: 100 });
    // The connection stays open two more seconds; then the worker dies, and the browser with
    // it closes the connection. The next worker starts right away.
    await first.runFor(2_000);
    const killedAt = first.now();

    const next = new VirtualClock(killedAt + 100);
    const report = await next.run(worker(next).sync('resume'));
    expect(log.map((c) => start(c.url))).toEqual(['0', '100', '100', '0']);
    await expectCompleteWithoutDuplicates(report);
    // As arXiv sees it, the half-answered request ended when the worker died: 3 s from then.
    expect(log[2]!.at).toBeGreaterThanOrEqual(killedAt + 3_000);
  });

  it('before a request, while waiting its turn: the next worker still waits 3 s, and repeats nothing', async () => {
    const first = new VirtualClock(Date.UTC(2026, 5, 9, 1, 30));
    void worker(first).sync('schedule');
    // The first page is stored; the second request waits for its 3 s and the worker dies.
    for (let i = 0; i < 50 && (await loadRun())?.current?.nextStart !== 100; i++) await first.runFor(100);
    expect(log).toHaveLength(1);

    // The next worker wakes at once (a message, an alarm), well within the 3 s.
    const next = new VirtualClock(first.now() + 500);
    const report = await next.run(worker(next).sync('resume'));
    expect(log.map((c) => start(c.url))).toEqual(['0', '100', '0']);
    await expectCompleteWithoutDuplicates(report);
  });
});
