import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { decodeShard, encodeShard, SHARD_PREFIX } from '../../../lib/browser-sync/codec';
import { BrowserSync, QUOTA, type SyncArea, type SyncStatus } from '../../../lib/browser-sync/syncer';
import { db } from '../../../lib/db/db';
import { ingest } from '../../../lib/db/ingest';
import { allLibraryItems, pendingSaves, savePaper, setNote, setTags } from '../../../lib/db/library';
import { addSubscription, listSubscriptions } from '../../../lib/db/subscriptions';
import { getSettings, updateSettings } from '../../../lib/settings';
import { testingPapers } from '../../helpers/fixtures';
import { seeded } from '../../../lib/rank/svm';

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
    for (const [i, id] of ids(2000).entries()) {
      await savePaper(id, T - i * 3_600_000);
      await setTags(id, [tags[i % tags.length]!, ...(i % 3 === 0 ? [tags[(i + 1) % tags.length]!] : [])]);
    }
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

  it('keeps the newest saves in sync when the quota is full, says how many stay here, and loses none here', async () => {
    // Notes that do not compress well (as real notes on different papers do not repeat each other).
    const random = seeded(7);
    const words = () => Array.from({ length: 60 }, () => Math.floor(random() * 36 ** 5).toString(36)).join(' ');
    for (const [i, id] of ids(1500).entries()) {
      await savePaper(id, T - i * 60_000);
      await setNote(id, words());
    }
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
