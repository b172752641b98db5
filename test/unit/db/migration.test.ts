import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { ArxivClient } from '../../../lib/arxiv/client';
import { db, SCHEMA as SCHEMA_NOW } from '../../../lib/db/db';
import { feedPage, unreadCounts, unreadPage } from '../../../lib/db/feed';
import { DATABASE_NAME, toRow } from '../../../lib/db/layout';
import { allTags, libraryEntries, pendingSaves } from '../../../lib/db/library';
import { paperCounts } from '../../../lib/db/papers';
import type { PaperRow, StoredPaper } from '../../../lib/db/schema';
import { listSubscriptions } from '../../../lib/db/subscriptions';
import { SyncEngine } from '../../../lib/sync/engine';
import { getSyncState } from '../../../lib/sync/state';
import { entryBlocks, pageFor } from '../../helpers/fake-arxiv-feed';
import { memorySpacingStore, scriptedFetch } from '../../helpers/fake-fetch';
import { testingXml } from '../../helpers/fixtures';
import errorXml from '../../fixtures/arxiv/api/api_error_start.xml?raw';
import electronXml from '../../fixtures/arxiv/api/oldapi_2025-08_search_all-electron_AND_all-proton_10of7370.xml?raw';
import maestroXml from '../../fixtures/arxiv/api/q_au_del_maestro.xml?raw';
import checkerboardXml from '../../fixtures/arxiv/api/q_au_del_maestro_AND_ti_checkerboard.xml?raw';
import { newestFirst } from '../../helpers/newest-first';
import { VirtualClock } from '../../helpers/virtual-clock';
import v1Json from '../../fixtures/db/v1.json?raw';
import v3Json from '../../fixtures/db/v3.json?raw';
import v4Json from '../../fixtures/db/v4.json?raw';
import { allStoredPapers } from '../../helpers/stored-papers';
import { expectConsistentStore } from '../reliability/store-invariants';

/**
 * Each released schema, written down as it shipped: never imported from today's code, so a
 * change to today's schema cannot change what the test upgrades from. A new schema version
 * adds a line here and a fixture `test/fixtures/db/v<n>.json` built by its own script.
 */
const RELEASED_SCHEMAS: Record<number, Record<string, string>> = {
  1: {
    papers: 'id, published, addedAt, *subs, *unreadIn, unread',
    library: 'id, savedAt, *tags',
    subscriptions: 'id, order',
    syncStatus: 'subscriptionId',
    meta: 'key',
    extras: 'id',
  },
  // Schema 2 only carried the papers from v1 onto shelves on the way to 3; it never held data at rest.
  3: {
    shelves: 'key, *ids, addedAt, *subs, *unreadIn, unread',
    catalog: 'month',
    library: 'id, savedAt, *tags',
    subscriptions: 'id, order',
    syncStatus: 'subscriptionId',
    meta: 'key',
    extras: 'id',
  },
  4: {
    papers: 'id, published, addedAt, *subs, *unreadIn, *lists, notInterestedAt',
    library: 'id, savedAt, *tags',
    subscriptions: 'id, order',
    syncStatus: 'subscriptionId',
    meta: 'key',
    extras: 'id',
    features: 'key',
  },
};

interface Fixture {
  schemaVersion: number;
  tables: Record<string, Record<string, unknown>[]>;
}

const FIXTURES: Record<number, Fixture> = { 1: JSON.parse(v1Json) as Fixture, 3: JSON.parse(v3Json) as Fixture, 4: JSON.parse(v4Json) as Fixture };

/** Writes a fixture with the schema it was made under, then lets today's code open it. */
async function upgradeFrom(version: number): Promise<Fixture> {
  const fixture = FIXTURES[version]!;
  db.close();
  await Dexie.delete(DATABASE_NAME);
  const old = new Dexie(DATABASE_NAME);
  old.version(version).stores(RELEASED_SCHEMAS[version]!);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
  await db.open();
  return fixture;
}

/** search_query substring → entries, newest first, as arXiv answered on the fixture's last day. */
const answers: [string, string[]][] = [
  ['testing', newestFirst([testingXml.page0, testingXml.page10, testingXml.page20, testingXml.page30].flatMap(entryBlocks))],
  ['electron', newestFirst(entryBlocks(electronXml))],
  ['checkerboard', newestFirst(entryBlocks(checkerboardXml))],
  ['maestro', newestFirst(entryBlocks(maestroXml))],
];

/** The papers a fixture holds, in id order: one record each (v1) or up to 50 to a shelf (v3). */
function papersOf(fixture: Fixture): StoredPaper[] {
  const papers = fixture.tables.papers ?? fixture.tables.shelves!.flatMap((shelf) => shelf.papers as Record<string, unknown>[]);
  // Schema 4 stores the index keys (`lists`) in each record; the papers are what the app made.
  return (papers as unknown as PaperRow[]).map(({ lists: _lists, ...paper }) => paper as StoredPaper).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The counts schema 3 kept in `meta` beside the shelves; schema 4 counts on the indexes. */
const SHELF_COUNTS_KEY = 'paperCounts';
const VERSIONS = Object.keys(RELEASED_SCHEMAS).map(Number);
const byPublishedDesc = (a: StoredPaper, b: StoredPaper) =>
  a.published < b.published ? 1 : a.published > b.published ? -1 : a.id < b.id ? 1 : -1;

beforeEach(() => {
  db.close();
});

describe('upgrading a database of a released schema', () => {
  it('has a fixture for every released schema, filled in every table', () => {
    expect(Object.keys(FIXTURES)).toEqual(Object.keys(RELEASED_SCHEMAS));
    for (const [version, fixture] of Object.entries(FIXTURES)) {
      expect(fixture.schemaVersion).toBe(Number(version));
      expect(Object.keys(fixture.tables).sort()).toEqual(Object.keys(RELEASED_SCHEMAS[Number(version)]!).sort());
      // Ranking's feature chunks hold typed arrays, which JSON cannot: the fixtures leave them empty.
      for (const [table, rows] of Object.entries(fixture.tables)) if (table !== 'features') expect(rows.length, table).toBeGreaterThan(0);
    }
  });

  it.each(VERSIONS)('v%i: every paper, saved paper, tag, note, subscription, status, figure and value is still there, unchanged', async (version) => {
    const fixture = await upgradeFrom(version);
    expect(await allStoredPapers()).toEqual(papersOf(fixture));
    for (const [table, rows] of Object.entries(fixture.tables)) {
      if (table === 'papers' || table === 'shelves' || table === 'catalog') continue;
      const kept = table === 'meta' ? rows.filter((row) => row.key !== SHELF_COUNTS_KEY) : rows;
      expect(await db.table(table).toArray(), table).toEqual(kept);
    }
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(SCHEMA_NOW).sort());
    // A change to SCHEMA without a new db.version() is patched by Dexie (native version 41, not 50) with only a warning.
    expect(db.backendDB().version, 'SCHEMA changed without a new db.version()').toBe(db.verno * 10);
    expect(await db.meta.get(SHELF_COUNTS_KEY)).toBeUndefined();
    await expectConsistentStore();
  });

  it.each(VERSIONS)('v%i: a store larger than one upgrade slice comes through whole', async (version) => {
    // Derived from the v1 fixture: its papers under 5,050 ids, unread in one subscription.
    const template = papersOf(FIXTURES[1]!).find((p) => p.subs.length > 0)!;
    // One upgrade slice (5,000 papers; 100 shelves of 50) and a little more: the upgrade goes on past a slice's end.
    const big = 5_050;
    const many = Array.from({ length: big }, (_, i): StoredPaper => {
      const id = `2611.${String(i).padStart(5, '0')}`;
      const urls = { absUrl: `https://arxiv.org/abs/${id}v${template.version}`, pdfUrl: `https://arxiv.org/pdf/${id}v${template.version}` };
      return { ...template, id, ...urls, subs: ['big'], unreadIn: ['big'], unread: 1, addedAt: i, published: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString().replace('.000Z', 'Z') };
    });
    db.close();
    await Dexie.delete(DATABASE_NAME);
    const old = new Dexie(DATABASE_NAME);
    old.version(version).stores(RELEASED_SCHEMAS[version]!);
    if (version === 1) await old.table('papers').bulkAdd(many);
    else if (version === 4) await old.table('papers').bulkAdd(many.map(toRow));
    // Schema 3 kept them 50 to a shelf, in the order they arrived.
    else await old.table('shelves').bulkAdd(Array.from({ length: big / 50 }, (_, k) => ({ key: k + 1, papers: many.slice(k * 50, k * 50 + 50), ids: many.slice(k * 50, k * 50 + 50).map((p) => p.id) })));
    old.close();
    await db.open();
    expect(await allStoredPapers()).toEqual(many);
    expect(await paperCounts(['big'])).toEqual({ papers: big, bySubscription: { big } });
    expect(await unreadCounts(['big'])).toEqual({ all: big, bySubscription: { big } });
    expect((await feedPage({ limit: 3 })).map((p) => p.id)).toEqual(['2611.05049', '2611.05048', '2611.05047']);
  }, 60_000);

  it.each(VERSIONS)('v%i: the feed, unread counts, library, tags, subscriptions and sync status read as before', async (version) => {
    const fixture = await upgradeFrom(version);
    const papers = papersOf(fixture);
    const inFeed = papers.filter((p) => p.subs.length > 0 && p.hiddenAt === undefined).sort(byPublishedDesc);
    expect((await feedPage({ limit: 20 })).map((p) => p.id)).toEqual(inFeed.slice(0, 20).map((p) => p.id));
    const maestro = inFeed.filter((p) => p.subs.includes('v1-maestro'));
    expect((await feedPage({ subscriptionId: 'v1-maestro', limit: 50 })).map((p) => p.id)).toEqual(maestro.map((p) => p.id));
    expect((await unreadPage(50)).map((p) => p.id)).toEqual(inFeed.filter((p) => p.unread === 1).slice(0, 50).map((p) => p.id));

    const subscriptionIds = (fixture.tables.subscriptions as { id: string }[]).map((s) => s.id);
    const counts = await unreadCounts(subscriptionIds);
    expect(counts.all).toBe(papers.filter((p) => p.unread === 1).length);
    for (const id of subscriptionIds) expect(counts.bySubscription[id], id).toBe(papers.filter((p) => p.unreadIn.includes(id)).length);
    expect(counts.all).toBeGreaterThan(0);
    expect(counts.bySubscription['v1-maestro']).toBe(0); // all marked read before the upgrade
    const stored = await paperCounts(subscriptionIds);
    expect(stored.papers).toBe(papers.length);
    for (const id of subscriptionIds) expect(stored.bySubscription[id], id).toBe(papers.filter((p) => p.subs.includes(id)).length);

    const library = await libraryEntries();
    const items = fixture.tables.library as { id: string; savedAt: number; tags: string[]; note: string; pending?: 1 }[];
    expect(library.map((e) => e.item.id)).toEqual([...items].sort((a, b) => b.savedAt - a.savedAt).map((i) => i.id));
    // Every saved paper has its metadata, except the one saved before it could be fetched.
    expect(library.filter((e) => !e.paper).map((e) => e.item.id)).toEqual(await pendingSaves());
    expect(await pendingSaves()).toEqual(items.filter((i) => i.pending === 1).map((i) => i.id));
    expect(await allTags()).toEqual([...new Set(items.flatMap((i) => i.tags))].sort());
    expect(library.find((e) => e.item.note !== '')?.item.note).toContain('∑ αβ');

    const inOrder = [...(fixture.tables.subscriptions as { id: string; order: number }[])].sort((a, b) => a.order - b.order);
    expect((await listSubscriptions()).map((s) => s.id)).toEqual(inOrder.map((s) => s.id));
    const meta = fixture.tables.meta as { key: string; value: unknown }[];
    expect(await getSyncState()).toEqual(meta.find((m) => m.key === 'syncState')!.value);
  });

  it.each(VERSIONS)('v%i: the next sync knows every stored paper: nothing new, one request per enabled subscription', async (version) => {
    await upgradeFrom(version);
    const before = await allStoredPapers();
    const clock = new VirtualClock(Date.UTC(2026, 10, 26, 1, 30));
    // arXiv answers as it did when build-v1.ts made the fixture, from the same real files.
    const { fetch, calls } = scriptedFetch(clock, (url) => {
      const query = (new URL(url).searchParams.get('search_query') ?? '').toLowerCase();
      if (query.includes('broken')) return { status: 400, body: errorXml };
      const found = answers.find(([key]) => query.includes(key));
      return { body: pageFor(url, found ? found[1] : []) };
    });
    const engine = new SyncEngine({
      client: new ArxivClient({ fetch, now: clock.now, sleep: clock.sleep, spacing: memorySpacingStore(), random: () => 0.5 }),
      now: clock.now,
      papersPerSubscription: async () => 30,
    });
    const report = await clock.run(engine.sync('schedule'));
    expect(report.totalAdded).toBe(0);
    // Five enabled subscriptions ("ti:broken" is rejected again, as before the upgrade).
    expect(calls).toHaveLength(5);
    const after = await allStoredPapers();
    expect(after.map((p) => [p.id, p.subs, p.unreadIn, p.unread, p.readAt, p.hiddenAt])).toEqual(
      before.map((p) => [p.id, p.subs, p.unreadIn, p.unread, p.readAt, p.hiddenAt]),
    );
  });
});
