import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArxivClient } from '../../../lib/arxiv/client';
import { db } from '../../../lib/db/db';
import { unreadCounts } from '../../../lib/db/feed';
import { savePaper, setNote } from '../../../lib/db/library';
import type { StoredPaper } from '../../../lib/db/schema';
import { addSubscription } from '../../../lib/db/subscriptions';
import { SyncEngine } from '../../../lib/sync/engine';
import { loadRun } from '../../../lib/sync/run';
import { getSyncState } from '../../../lib/sync/state';
import { syncStatusText } from '../../../lib/ui/sync-status-text';
import { pageFor } from '../../helpers/fake-arxiv-feed';
import { derivedEntries } from '../../helpers/derived-world';
import { memorySpacingStore, scriptedFetch } from '../../helpers/fake-fetch';
import { storageQuota } from '../../helpers/storage-quota';
import { VirtualClock } from '../../helpers/virtual-clock';
import { expectConsistentStore } from './store-invariants';
import { getPapers } from '../../../lib/db/papers';
import { allStoredPapers, countInSubscription, countStoredPapers, idsOldestFirst } from '../../helpers/stored-papers';

// The syncs run a week after the derived papers' dates: retention never removes papers of the
// last three days (lib/db/retention.ts), and these tests are about the number kept.
const KEEP = 40;
const world: Record<string, string[]> = {
  alpha: derivedEntries(40, { first: 0 }),
  bravo: derivedEntries(40, { first: 100 }),
  charlie: derivedEntries(40, { first: 200 }),
};
let capacity = Infinity;

function engineFor(clock: VirtualClock) {
  const { fetch, calls } = scriptedFetch(clock, (url) => {
    const query = new URL(url).searchParams.get('search_query') ?? '';
    const key = Object.keys(world).find((k) => query.includes(`"${k}"`));
    return { body: pageFor(url, key ? world[key]! : []) };
  });
  const engine = new SyncEngine({
    client: new ArxivClient({ fetch, now: clock.now, sleep: clock.sleep, spacing: memorySpacingStore(), random: () => 0.5 }),
    now: clock.now,
    papersPerSubscription: async () => KEEP,
  });
  return { engine, calls };
}

const keyword = (value: string) => ({ kind: 'keyword' as const, value, categories: [], exclude: [] });
// Which lists a paper is in follows its subscriptions (see lib/db/layout.ts): not metadata.
const metadataOf = ({ subs: _s, unreadIn: _u, unread: _r, lists: _l, ...metadata }: StoredPaper & { lists?: unknown }) => metadata;
const savedSnapshot = async () => {
  const library = await db.library.toArray();
  return { library, papers: await getPapers(library.map((item) => item.id)) };
};

/** Two subscriptions synced while there was room; the user saved some of alpha's oldest papers. */
async function fullishProfile(clock: VirtualClock, saved: (ids: string[]) => string[]) {
  const alpha = await addSubscription(keyword('alpha'), clock.now());
  const bravo = await addSubscription(keyword('bravo'), clock.now());
  await clock.run(engineFor(clock).engine.sync('manual'));
  const ids = (await idsOldestFirst()) as string[];
  for (const id of saved(ids)) await savePaper(id, clock.now());
  await setNote(saved(ids)[0]!, 'keep this one');
  const charlie = await addSubscription(keyword('charlie'), clock.now());
  return { alpha, bravo, charlie };
}

beforeEach(async () => {
  capacity = Infinity;
  db.close();
  await db.delete();
  db.use(storageQuota(() => capacity));
  await db.open();
});

afterEach(() => {
  db.close();
  db.unuse({ stack: 'dbcore', name: 'storage-quota' });
});

describe('when the browser storage is full during a sync', () => {
  it('keeps fewer unsaved papers per subscription, stores the new ones, and says so', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 5, 9, 1, 30));
    const { alpha, bravo, charlie } = await fullishProfile(clock, (ids) => ids.slice(0, 5));
    expect(await countStoredPapers()).toBe(80);
    const saved = await savedSnapshot();
    capacity = 100;

    clock.advance(60 * 60_000);
    const report = await clock.run(engineFor(clock).engine.sync('subscription-added', [charlie.id]));

    expect(report).toMatchObject({ state: 'ok', totalAdded: 40 });
    const state = await getSyncState();
    expect(state.state).toBe('ok');
    expect(state.message).toBe(
      'Your browser ran out of storage space for Paper Radar, so it now keeps the newest 20 papers per subscription instead of 40. Saved papers were not touched.',
    );
    expect(syncStatusText(state, clock.now()).text).toContain('ran out of storage space');
    // Every subscription keeps its 20 newest; the 5 saved papers stay, with their note.
    const counts = await Promise.all([alpha, bravo, charlie].map((s) => countInSubscription(s.id)));
    expect(counts).toEqual([20, 20, 20]);
    const after = await savedSnapshot();
    expect(after.library).toEqual(saved.library);
    after.papers.forEach((paper, i) => expect(paper).toMatchObject(metadataOf(saved.papers[i]!)));
    expect(await countStoredPapers()).toBe(65);
    expect((await unreadCounts([charlie.id])).bySubscription[charlie.id]).toBe(20);
    expect(await loadRun()).toBeUndefined();
    await expectConsistentStore();
  });

  it('stops with a plain message and loses nothing when even that frees no room, then recovers', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 5, 9, 1, 30));
    // Everything stored is saved: retention may not remove any of it.
    const { charlie } = await fullishProfile(clock, (ids) => ids);
    const before = { papers: await allStoredPapers(), library: await db.library.toArray() };
    capacity = 90;

    const report = await clock.run(engineFor(clock).engine.sync('subscription-added', [charlie.id]));

    expect(report.state).toBe('error');
    expect(report.retryAt).toBe(clock.now() + 60 * 60_000);
    const state = await getSyncState();
    expect(state).toMatchObject({ state: 'error', retryAt: report.retryAt });
    expect(state.message).toBe(
      'Your browser has no storage space left for Paper Radar, even after removing older papers that were not saved. Free some disk space, or lower "papers per subscription" in the options. Saved papers were not touched.',
    );
    expect(syncStatusText(state, clock.now()).text).toMatch(/^Your browser has no storage space left .* Trying again at \d/);
    expect((await db.syncStatus.get(charlie.id))?.lastError).toBe(state.message);
    // Nothing lost and nothing half-stored: saved papers drop out of the feed but stay.
    expect((await allStoredPapers()).map((p) => p.id)).toEqual(before.papers.map((p) => p.id));
    expect(await db.library.toArray()).toEqual(before.library);
    expect(await loadRun()).toBeDefined();
    await expectConsistentStore();

    // The user frees some disk space; the retry resumes the interrupted run, which had already
    // lowered the number kept (and says so again).
    capacity = Infinity;
    clock.advance(60 * 60_000);
    const retried = await clock.run(engineFor(clock).engine.sync('retry'));
    expect(retried).toMatchObject({ state: 'ok', resumed: true, totalAdded: 20 });
    expect((await getSyncState()).message).toMatch(/keeps the newest 20 papers per subscription instead of 40/);
    expect(await countInSubscription(charlie.id)).toBe(20);
    expect(await db.library.toArray()).toEqual(before.library);
    await expectConsistentStore();
  });
});
