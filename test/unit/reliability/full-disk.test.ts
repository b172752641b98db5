import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ArxivClient } from '../../../lib/arxiv/client';
import { createHandlers } from '../../../lib/background/handlers';
import { db } from '../../../lib/db/db';
import { savePaper, setNote } from '../../../lib/db/library';
import { addSubscription } from '../../../lib/db/subscriptions';
import { SyncEngine } from '../../../lib/sync/engine';
import { getSyncState } from '../../../lib/sync/state';
import { syncStatusText } from '../../../lib/ui/sync-status-text';
import { derivedEntries } from '../../helpers/derived-world';
import { pageFor } from '../../helpers/fake-arxiv-feed';
import { memorySpacingStore, scriptedFetch } from '../../helpers/fake-fetch';
import { fullDisk, type DiskState } from '../../helpers/storage-quota';
import { allStoredPapers, countInSubscription, idsOldestFirst } from '../../helpers/stored-papers';
import { VirtualClock } from '../../helpers/virtual-clock';
import { expectConsistentStore } from './store-invariants';
import { backgroundApp, stopApps } from '../../helpers/background-apps';

/*
 * A disk that refuses the sync's very first write, a small note of its progress, before any
 * paper comes into it (the storage-quota tests fill the disk with papers only).
 */
const KEEP = 40;
const world: Record<string, string[]> = { alpha: derivedEntries(40, { first: 0 }), bravo: derivedEntries(40, { first: 100 }) };
const disk: DiskState = { full: false, freedByDeletes: false };
const answer = (url: string) => {
  const query = new URL(url).searchParams.get('search_query') ?? '';
  const key = Object.keys(world).find((k) => query.includes(`"${k}"`));
  return { body: pageFor(url, key ? world[key]! : []) };
};
const keyword = (value: string) => ({ kind: 'keyword' as const, value, categories: [], exclude: [] });

function engineFor(clock: VirtualClock) {
  const { fetch, calls } = scriptedFetch(clock, answer);
  const client = new ArxivClient({ fetch, now: clock.now, sleep: clock.sleep, spacing: memorySpacingStore(), random: () => 0.5 });
  return { engine: new SyncEngine({ client, now: clock.now, papersPerSubscription: async () => KEEP }), calls };
}

/** alpha synced while there was room, three of its oldest papers saved (one with a note); bravo just added. */
async function profile(clock: VirtualClock) {
  const alpha = await addSubscription(keyword('alpha'), clock.now());
  await clock.run(engineFor(clock).engine.sync('manual'));
  const saved = (await idsOldestFirst()).slice(0, 3);
  for (const id of saved) await savePaper(id, clock.now());
  await setNote(saved[0]!, 'keep this one');
  const bravo = await addSubscription(keyword('bravo'), clock.now());
  return { alpha, bravo, library: await db.library.toArray() };
}

beforeEach(async () => {
  Object.assign(disk, { full: false, freedByDeletes: false });
  fakeBrowser.reset();
  db.close();
  await db.delete();
  db.use(fullDisk(disk));
  await db.open();
});
afterEach(async () => {
  await stopApps();
  db.close();
  db.unuse({ stack: 'dbcore', name: 'full-disk' });
});

describe('a disk that refuses the first small write of a sync', () => {
  it('makes room, syncs, and says it keeps fewer papers, when old papers were what filled it', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 6, 2, 1, 30));
    const { alpha, bravo, library } = await profile(clock);
    Object.assign(disk, { full: true, freedByDeletes: true });

    clock.advance(60 * 60_000);
    const report = await clock.run(engineFor(clock).engine.sync('manual'));

    expect(report).toMatchObject({ state: 'ok', totalAdded: 20 });
    const state = await getSyncState();
    expect(state.state).toBe('ok');
    expect(syncStatusText(state, clock.now()).text).toContain('so it now keeps the newest 20 papers per subscription instead of 40');
    expect(await countInSubscription(alpha.id)).toBe(20);
    expect(await countInSubscription(bravo.id)).toBe(20);
    expect(await db.library.toArray()).toEqual(library);
    await expectConsistentStore();
  });

  it('ends with a plain storage-full report, saved and newest papers kept, when the disk refuses every write', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 6, 2, 1, 30));
    const { library } = await profile(clock);
    const newest = (await idsOldestFirst()).slice(-20);
    Object.assign(disk, { full: true, freedByDeletes: false });

    clock.advance(60 * 60_000);
    const report = await clock.run(engineFor(clock).engine.sync('manual'));

    expect(report).toMatchObject({ state: 'error', retryAt: clock.now() + 60 * 60_000 });
    expect(report.message).toMatch(/^Your browser has no storage space left for Paper Radar/);
    // Room was made as far as it could be (older papers that were not saved went), in vain;
    // the saved papers, the newest 20 and the library are as they were.
    const stored = new Set((await allStoredPapers()).map((p) => p.id));
    expect([...library.map((item) => item.id), ...newest].filter((id) => !stored.has(id))).toEqual([]);
    expect(stored.size).toBe(23);
    expect(await db.library.toArray()).toEqual(library);
  });

  it('tells whoever pressed Sync now, and the toolbar, though the status could not be written', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 6, 2, 1, 30));
    await profile(clock);
    const { fetch } = scriptedFetch(clock, answer);
    const app = backgroundApp(clock, fetch);
    Object.assign(disk, { full: true, freedByDeletes: false });

    const summary = await clock.run(createHandlers(app).syncNow({}, {}));

    expect(summary).toMatchObject({ state: 'error', added: 0 });
    expect(summary.message).toMatch(/^Your browser has no storage space left for Paper Radar/);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getTitle({})).toBe(`Paper Radar: ${summary.message}`);
    expect(await fakeBrowser.alarms.get('paper-radar:retry')).toMatchObject({ scheduledTime: clock.now() + 60 * 60_000 });
  });
});
