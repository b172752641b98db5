import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { decodeShard, encodeShard, SHARD_PREFIX } from '../../../lib/browser-sync/codec';
import { BrowserSync, QUOTA, READ_MARKS_MS, type SyncArea, type SyncStatus } from '../../../lib/browser-sync/syncer';
import { hidePapers, markRead, markUnread } from '../../../lib/db/feed';
import { markNotInterested } from '../../../lib/db/ranking';
import { getPapers } from '../../../lib/db/papers';
import { db } from '../../../lib/db/db';
import { ingest } from '../../../lib/db/ingest';
import { allLibraryItems, pendingSaves, putLibraryItems, savePaper, setNote, setTags } from '../../../lib/db/library';
import { addSubscription, listSubscriptions } from '../../../lib/db/subscriptions';
import { getSettings, updateSettings } from '../../../lib/settings';
import { testingPapers } from '../../helpers/fixtures';
import { seeded } from '../../../lib/rank/svm';

/**
 * Saves as Save buttons on arXiv pages leave them (each paper's metadata still to be fetched),
 * with their tags and notes, written at once: one by one, 2,000 saves took seconds here.
 */
const savedFromPages = (saves: { id: string; savedAt: number; tags?: string[]; note?: string }[]) =>
  putLibraryItems(saves.map(({ id, savedAt, tags = [], note = '' }) => ({ id, savedAt, tags, note, pending: 1 as const })));

const T = Date.UTC(2026, 11, 1);

/** `storage.sync` as Chrome keeps it: in memory here, with Chrome's quota checks. */
function cloud(): SyncArea & { items: Map<string, unknown>; writes: number } {
  const items = new Map<string, unknown>();
  const area = {
    items,
    writes: 0,
    async get() {
      return Object.fromEntries(structuredClone([...items]));
    },
    async set(values: Record<string, unknown>) {
      const next = new Map([...items, ...Object.entries(structuredClone(values))]);
      for (const [key, value] of Object.entries(values)) if (key.length + JSON.stringify(value).length > QUOTA.itemBytes) throw new Error(`QUOTA_BYTES_PER_ITEM quota exceeded (${key})`);
      if ([...next].reduce((sum, [key, value]) => sum + key.length + JSON.stringify(value).length, 0) > QUOTA.bytes) throw new Error('QUOTA_BYTES quota exceeded');
      area.writes++;
      for (const [key, value] of next) items.set(key, value);
    },
    async remove(keys: string[]) {
      area.writes++;
      for (const key of keys) items.delete(key);
    },
  };
  return area;
}

function syncer(area: SyncArea, now = () => T) {
  const statuses: SyncStatus[] = [];
  const sync = new BrowserSync({ area, now, enabled: async () => true, setStatus: async (s) => void statuses.push(s), onApplied: () => undefined, debounceMs: 0 });
  return { sync, statuses };
}

/** Another browser: its own, empty database (the one in this process is emptied). */
async function otherBrowser(): Promise<void> {
  await db.delete();
  await db.open();
  fakeBrowser.reset();
}

beforeEach(otherBrowser);

const ids = (n: number) => Array.from({ length: n }, (_, i) => `26${String(1 + (i % 12)).padStart(2, '0')}.${String(10_000 + i).padStart(5, '0')}`);

describe('the synced data in storage.sync', () => {
  it('holds 2,000 saved papers with tags well under the quota, no item over its limit', async () => {
    await addSubscription({ kind: 'keyword', value: 'graph neural network', categories: [], exclude: [] }, T);
    const tags = ['to read', 'gnn', 'theory', 'benchmarks', 'reading group', 'thesis'];
    await savedFromPages(ids(2000).map((id, i) => ({ id, savedAt: T - i * 3_600_000, tags: [tags[i % tags.length]!, ...(i % 3 === 0 ? [tags[(i + 1) % tags.length]!] : [])] })));
    const area = cloud();
    const { sync, statuses } = syncer(area);
    await sync.run();
    const status = statuses.at(-1)!;
    console.log(`2,000 saved papers with tags, 1 subscription, settings: ${status.bytes} bytes in ${area.items.size} items (${((status.bytes / QUOTA.bytes) * 100).toFixed(0)}% of ${QUOTA.bytes})`);
    expect(status.bytes).toBeLessThan(0.6 * QUOTA.bytes);
    expect(status.notSynced).toBe(0);
    expect(area.writes).toBe(1);
  }, 60_000);

  it('brings subscriptions, settings, saved papers, tags and notes to another browser, which fetches the papers by id', async () => {
    const sub = await addSubscription({ kind: 'author', value: 'Del Maestro, Adrian', categories: [], exclude: [] }, T);
    await ingest(testingPapers.slice(0, 3), sub.id, T);
    await savePaper(testingPapers[0]!.id, T);
    await setTags(testingPapers[0]!.id, ['to read']);
    await setNote(testingPapers[0]!.id, 'Compare with §3 — ∑ αβ.');
    await updateSettings({ theme: 'dark', papersPerSubscription: 50 });
    const area = cloud();
    await syncer(area).sync.run();

    await otherBrowser();
    await savePaper(testingPapers[5]!.id, T + 5, testingPapers[5]); // this browser's own save
    await syncer(area, () => T + 10_000).sync.run();
    expect((await listSubscriptions()).map((s) => [s.id, s.value])).toEqual([[sub.id, 'Del Maestro, Adrian']]);
    expect(await getSettings()).toMatchObject({ theme: 'dark', papersPerSubscription: 50 });
    const library = await allLibraryItems();
    expect(library.map((i) => i.id).sort()).toEqual([testingPapers[0]!.id, testingPapers[5]!.id].sort());
    expect(library.find((i) => i.id === testingPapers[0]!.id)).toMatchObject({ tags: ['to read'], note: 'Compare with §3 — ∑ αβ.', pending: 1 });
    expect(await pendingSaves()).toEqual([testingPapers[0]!.id]);
    // This browser's own save went up too.
    const rows = (await Promise.all([...area.items.values()].map(decodeShard))).flat() as unknown[][];
    expect(rows.map((r) => r[0])).toContain(`l:${testingPapers[5]!.id}`);
  });

  it('refuses a shard it cannot trust, whole, says so, and still applies the others', async () => {
    const area = cloud();
    await updateSettings({ theme: 'dark' });
    await syncer(area).sync.run();
    const good = [...area.items.keys()];
    const hostile: [string, unknown][] = [
      ['not a shard', 'x'],
      ['a newer format', { f: 2, n: 8, z: 'AAAA' }],
      ['not base64', { f: 1, n: 8, z: '!!!' }],
      ['a record with a script for a subscription value', await encodeShard([['s:abc', { t: T, v: { kind: 'raw', value: '"unclosed', categories: [], exclude: [], label: '<img src=x onerror=alert(1)>', enabled: true, order: 0, createdAt: T } }], ['o:theme', { t: T + 99_999, v: 'light' }]], 8)],
      ['a setting that does not exist', await encodeShard([['o:__proto__', { t: T, v: 1 }]], 8)],
      ['a deflate bomb', { f: 1, n: 8, z: (await encodeShard([['o:theme', { t: T, v: 'x'.repeat(2_000_000) }]], 8)).z }],
    ];
    for (const [i, [, value]] of hostile.entries()) area.items.set(`${SHARD_PREFIX}${100 + i}`, value);
    await otherBrowser();
    const { sync, statuses } = syncer(area, () => T + 1000);
    await sync.run();
    const problem = statuses.at(-1)!.problem ?? '';
    for (let i = 0; i < hostile.length; i++) expect(problem, hostile[i]![0]).toContain(`${SHARD_PREFIX}${100 + i}`);
    expect(await listSubscriptions()).toEqual([]);
    // The good shard applied: the theme; the hostile shard's newer theme was refused with it.
    expect((await getSettings()).theme).toBe('dark');
    expect([...area.items.keys()]).toEqual(expect.arrayContaining(good));
  });

  it('passes on, untouched, the records of a kind a later version added, and still refuses a shard with a bad key', async () => {
    const area = cloud();
    await updateSettings({ theme: 'dark' });
    await syncer(area).sync.run();
    // Derived in the test: what a later Paper Radar might write beside today's records.
    area.items.set(`${SHARD_PREFIX}98`, await encodeShard([['x:2401.00001', { t: T + 500, v: { stars: 3 } }], ['o:theme', { t: T + 500, v: 'light' }]], 8));
    area.items.set(`${SHARD_PREFIX}99`, await encodeShard([['no kind at all', { t: T + 500, v: 1 }]], 8));
    const { sync, statuses } = syncer(area, () => T + 1000);
    await sync.run();
    expect(statuses.at(-1)!.problem).toContain(`${SHARD_PREFIX}99`);
    expect(statuses.at(-1)!.problem).not.toContain(`${SHARD_PREFIX}98`);
    expect((await getSettings()).theme).toBe('light');
    // A change here rewrites the shards: the later version's record stays in them, as it was.
    await updateSettings({ theme: 'system' });
    await syncer(area, () => T + 2000).sync.run();
    await syncer(area, () => T + 3000).sync.run();
    const rows = await syncedRows(area);
    expect(rows.get('x:2401.00001')).toEqual([T + 500, { stars: 3 }]);
    expect(rows.get('o:theme')).toEqual([expect.any(Number), 'system']);
  });

  it('keeps the newest saves in sync when the quota is full, says how many stay here, and loses none here', async () => {
    // Notes that do not compress well (as real notes on different papers do not repeat each other).
    const random = seeded(7);
    const words = () => Array.from({ length: 60 }, () => Math.floor(random() * 36 ** 5).toString(36)).join(' ');
    await savedFromPages(ids(1500).map((id, i) => ({ id, savedAt: T - i * 60_000, note: words() })));
    const area = cloud();
    const { sync, statuses } = syncer(area);
    await sync.run();
    const status = statuses.at(-1)!;
    expect(status.notSynced).toBeGreaterThan(0);
    expect(status.problem).toContain(`${status.notSynced} saved papers stay on this computer only`);
    expect(status.bytes).toBeLessThanOrEqual(QUOTA.bytes);
    expect(await allLibraryItems()).toHaveLength(1500);
    const rows = (await Promise.all([...area.items.values()].map(decodeShard))).flat() as unknown[][];
    const synced = new Set(rows.map((r) => r[0]));
    expect(synced.has(`l:${ids(1)[0]}`)).toBe(true); // the newest save travels
    expect(synced.has(`l:${ids(1500)[1499]}`)).toBe(false); // the oldest stays here
  }, 120_000);
});

/** The records the synced set holds, by key: [time, value] (value undefined for a deletion). */
async function syncedRows(area: { items: Map<string, unknown> }): Promise<Map<string, unknown[]>> {
  const rows = (await Promise.all([...area.items.values()].map(decodeShard))).flat() as unknown[][];
  return new Map(rows.map((row) => [row[0] as string, row.slice(1)]));
}

const readAtOf = async (ids: string[]) => (await getPapers(ids)).map((p) => p?.readAt);

describe('read marks of recent papers', () => {
  const [a, b, c] = testingPapers as [(typeof testingPapers)[0], (typeof testingPapers)[0], (typeof testingPapers)[0]];

  it('travel to another browser; a paper that arrives there later is marked read when it comes', async () => {
    const sub = await addSubscription({ kind: 'keyword', value: 'software testing', categories: [], exclude: [] }, T);
    await ingest([a, b, c], sub.id, T);
    await markRead([a.id, b.id], T + 1000);
    const area = cloud();
    await syncer(area, () => T + 2000).sync.run();
    expect([...(await syncedRows(area)).keys()].filter((key) => key.startsWith('r:')).sort()).toEqual([`r:${a.id}`, `r:${b.id}`].sort());

    await otherBrowser();
    await ingest([a, c], sub.id, T + 5000); // b has not come here yet
    await syncer(area, () => T + 10_000).sync.run();
    expect(await readAtOf([a.id, c.id])).toEqual([T + 1000, undefined]);

    await ingest([b], sub.id, T + 20_000);
    await syncer(area, () => T + 30_000).sync.run();
    expect(await readAtOf([a.id, b.id, c.id])).toEqual([T + 1000, T + 1000, undefined]);
    // Its arriving unread was no unread mark: the synced set still says read.
    expect((await syncedRows(area)).get(`r:${b.id}`)).toEqual([expect.any(Number), T + 1000]);
  });

  it('carry a paper marked unread again as unread; hiding a read paper is no unread mark', async () => {
    const sub = await addSubscription({ kind: 'keyword', value: 'software testing', categories: [], exclude: [] }, T);
    await ingest([a, b], sub.id, T);
    await markRead([a.id, b.id], T + 1000);
    const area = cloud();
    const here = syncer(area, () => T + 2000).sync;
    await here.run();
    await markUnread([a.id]);
    await hidePapers([b.id], T + 3000);
    await syncer(area, () => T + 4000).sync.run();
    const rows = await syncedRows(area);
    expect(rows.get(`r:${a.id}`)).toHaveLength(1); // a deletion: [time]
    expect(rows.get(`r:${b.id}`)).toEqual([expect.any(Number), T + 1000]);

    // On a browser that had both read, the unread mark arrives.
    await otherBrowser();
    await ingest([a, b], sub.id, T);
    await markRead([a.id, b.id], T + 1000);
    const elsewhere = cloud();
    await syncer(elsewhere, () => T + 2000).sync.run();
    for (const [key, value] of area.items) elsewhere.items.set(key, value);
    await syncer(elsewhere, () => T + 5000).sync.run();
    expect(await readAtOf([a.id, b.id])).toEqual([undefined, T + 1000]);
  });

  it('go first when the synced data is full, and are forgotten once their papers are no longer recent', async () => {
    const sub = await addSubscription({ kind: 'keyword', value: 'software testing', categories: [], exclude: [] }, T);
    // Derived in the test: 1,000 papers under new ids, all read.
    const papers = ids(1000).map((id, i) => ({ ...testingPapers[i % testingPapers.length]!, id }));
    await ingest(papers, sub.id, T);
    await markRead(papers.map((p) => p.id), T + 1000);
    const area = cloud();
    const { sync, statuses } = syncer(area, () => T + 2000);
    await sync.run();
    const fits = statuses.at(-1)!;
    const marks = [...(await syncedRows(area)).keys()].filter((key) => key.startsWith('r:')).length;
    console.log(`1,000 read marks: ${fits.bytes} bytes (${((fits.bytes / QUOTA.bytes) * 100).toFixed(0)}% of ${QUOTA.bytes})`);
    expect(marks).toBe(1000);

    // Saves with notes that do not compress, which with the read marks are more than fits: read
    // marks are left out, and no save.
    const random = seeded(7);
    const words = () => Array.from({ length: 60 }, () => Math.floor(random() * 36 ** 5).toString(36)).join(' ');
    for (const [i, id] of ids(250).entries()) {
      await savePaper(id, T - i * 60_000);
      await setNote(id, words());
    }
    await syncer(area, () => T + 3000).sync.run();
    const full = await syncedRows(area);
    const kept = [...full.keys()].filter((key) => key.startsWith('r:')).length;
    console.log(`250 saves with long notes and 1,000 read marks: ${kept} read marks travel`);
    expect([...full.keys()].filter((key) => key.startsWith('l:'))).toHaveLength(250);
    expect(statuses.at(-1)).toMatchObject({ notSynced: 0 });
    expect(statuses.at(-1)!.problem).toBeUndefined();
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(1000);

    // Two weeks on, the marks are forgotten here and in the synced data; the papers stay read here.
    await syncer(area, () => T + READ_MARKS_MS + 5000).sync.run();
    expect([...(await syncedRows(area)).keys()].filter((key) => key.startsWith('r:'))).toEqual([]);
    expect((await readAtOf([papers[0]!.id]))[0]).toBe(T + 1000);
  }, 120_000);

  it('once stopped, merges no more: the merge under way ends, the one it asked for and any asked later are dropped', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const statuses: SyncStatus[] = [];
      const sync = new BrowserSync({ area: cloud(), now: () => T, enabled: async () => true, setStatus: async (s) => void statuses.push(s), onApplied: () => undefined });
      const first = sync.run();
      void sync.run(); // asks for another merge after this one
      await sync.stop();
      await first;
      expect(statuses).toHaveLength(1);
      sync.schedule();
      sync.scheduleReads();
      expect(vi.getTimerCount()).toBe(0);
      vi.advanceTimersByTime(60_000);
      await Promise.resolve();
      expect(statuses).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('wait 20 s after a paper is written (a reader marks papers every few seconds), with one merge for all, or go with a sooner one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const statuses: SyncStatus[] = [];
      const sync = new BrowserSync({ area: cloud(), now: () => T, enabled: async () => true, setStatus: async (s) => void statuses.push(s), onApplied: () => undefined });
      for (let i = 0; i < 10; i++) {
        sync.scheduleReads();
        vi.advanceTimersByTime(1000);
      }
      vi.advanceTimersByTime(9_000); // 19 s after the first write
      expect(statuses).toHaveLength(0);
      vi.advanceTimersByTime(1_000);
      await vi.waitFor(() => expect(statuses).toHaveLength(1));
      // A change of the library does not wait for the read marks' turn.
      sync.scheduleReads();
      sync.schedule();
      vi.advanceTimersByTime(2_000);
      await vi.waitFor(() => expect(statuses).toHaveLength(2));
      vi.advanceTimersByTime(60_000);
      await Promise.resolve();
      expect(statuses).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('settle on one time when two browsers read (or dismissed) the same paper at different times, and stop writing', async () => {
    const sub = await addSubscription({ kind: 'keyword', value: 'software testing', categories: [], exclude: [] }, T);
    await ingest([a, b], sub.id, T);
    await markRead([a.id], T + 1000);
    await markNotInterested([b.id], T + 1000);
    const area = cloud();
    await syncer(area, () => T + 2000).sync.run();
    // Another browser read a and dismissed b later, and its records are the later ones.
    area.items.set(`${SHARD_PREFIX}99`, await encodeShard([[`r:${a.id}`, { t: T + 60_000, v: T + 50_000 }], [`n:${b.id}`, { t: T + 60_000, v: T + 50_000 }]], 8));
    await syncer(area, () => T + 70_000).sync.run();
    expect((await getPapers([a.id, b.id])).map((p) => [p?.readAt, p?.notInterestedAt])).toEqual([[T + 50_000, undefined], [undefined, T + 50_000]]);
    const writes = area.writes;
    for (let i = 1; i <= 3; i++) await syncer(area, () => T + 70_000 + i * 60_000).sync.run();
    expect(area.writes).toBe(writes);
  });

  it('stay forgotten where a browser whose clock runs half a day behind still has the paper read', async () => {
    const sub = await addSubscription({ kind: 'keyword', value: 'software testing', categories: [], exclude: [] }, T);
    await ingest([a, b], sub.id, T);
    await markRead([a.id, b.id], T + 1000);
    const area = cloud();
    await syncer(area, () => T + 2000).sync.run();
    // A browser whose clock runs ahead forgot a's mark (b was read again there later: kept).
    for (const [key, value] of area.items) {
      const rows = (await decodeShard(value)) as [string, number, unknown?][];
      const kept = rows.filter(([k]) => k !== `r:${a.id}`).map(([k, t, v]): [string, { t: number; v?: unknown }] => [k, rows[0] && v === undefined ? { t } : { t, v }]);
      if (kept.length < rows.length) area.items.set(key, await encodeShard(kept, (value as { n: number }).n));
    }
    const writes = area.writes;
    await syncer(area, () => T + 1000 + READ_MARKS_MS - 12 * 3_600_000).sync.run();
    expect(area.writes).toBe(writes);
    expect((await syncedRows(area)).has(`r:${a.id}`)).toBe(false);
    expect((await syncedRows(area)).has(`r:${b.id}`)).toBe(true);
    expect(await readAtOf([a.id])).toEqual([T + 1000]);
  });
});
