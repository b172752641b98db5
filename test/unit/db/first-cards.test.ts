import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../lib/db/db';
import { DATABASE_NAME, RANKING_HEAD } from '../../../lib/db/layout';
import { feedPage, hidePapers, markRead, unreadPage } from '../../../lib/db/feed';
import { readFirstCards } from '../../../lib/db/first-cards';
import { ingest } from '../../../lib/db/ingest';
import { savePaper } from '../../../lib/db/library';
import { putRankResult, type RankModel } from '../../../lib/db/ranking';
import { loadFeed } from '../../../components/common/page-data';
import { addSubscription } from '../../../lib/db/subscriptions';
import { getSyncState, SYNC_STATE_KEY, updateSyncState } from '../../../lib/sync/state';
import { derivedPapers } from '../../helpers/derived-world';
import { testingPages, testingPapers } from '../../helpers/fixtures';

const T0 = Date.UTC(2026, 10, 23, 1, 30);
const ids = (papers: { id: string }[]) => papers.map((p) => p.id);

/** Two subscriptions over the 40 real testing papers; some read, one hidden, two saved. */
async function world(): Promise<{ testing: string; fuzzing: string }> {
  let n = 0;
  const newId = () => `sub-${n++}`;
  const testing = (await addSubscription({ kind: 'keyword', value: 'testing', categories: [], exclude: [] }, T0, newId)).id;
  const fuzzing = (await addSubscription({ kind: 'keyword', value: 'fuzzing', categories: [], exclude: [] }, T0, newId)).id;
  for (const page of testingPages) await ingest(page, testing, T0);
  await ingest(testingPages[1]!.slice(0, 4), fuzzing, T0 + 1);
  await markRead(ids(testingPapers.slice(0, 3)), T0 + 2);
  await hidePapers([testingPapers[3]!.id], T0 + 3);
  await savePaper(testingPapers[30]!.id, T0 + 5);
  await updateSyncState({ state: 'ok', lastSuccessAt: T0 + 6 });
  return { testing, fuzzing };
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('readFirstCards (IndexedDB without Dexie)', () => {
  it('reads the first cards of the feed as feedPage does, with subscriptions, sync state and saved marks', async () => {
    const { testing, fuzzing } = await world();
    const secondCard = (await feedPage({ limit: 8 }))[1]!.id;
    await savePaper(secondCard, T0 + 7);
    const cards = await readFirstCards({ feed: true }, 8);
    expect(cards!.papers).toEqual(await feedPage({ limit: 8 }));
    expect(ids(cards!.papers)).not.toContain(testingPapers[3]!.id); // hidden
    expect(cards!.more).toBe(true);
    expect(cards!.saved).toEqual([secondCard]); // the other saved paper is further down
    expect(ids(cards!.subscriptions)).toEqual([testing, fuzzing]);
    expect(cards!.sync).toEqual(await getSyncState());
  });

  it('reads one subscription’s cards, and the unread ones for the popup, as the database module does', async () => {
    const { fuzzing } = await world();
    const fuzz = await readFirstCards({ feed: true, subscriptionId: fuzzing }, 8);
    expect(ids(fuzz!.papers)).toEqual(ids(await feedPage({ subscriptionId: fuzzing, limit: 8 })));
    expect(fuzz!.papers).toHaveLength(4);
    expect(fuzz!.more).toBe(false);
    const unread = await readFirstCards({ unread: true }, 8);
    expect(ids(unread!.papers)).toEqual(ids(await unreadPage(8)));
    expect(unread!.papers.every((p) => p.unread === 1)).toBe(true);
  });

  it('reads the same cards where IndexedDB has no getAllRecords (Firefox): a cursor step per paper', async () => {
    const { fuzzing } = await world();
    const withRecords = [await readFirstCards({ feed: true }, 8), await readFirstCards({ feed: true, subscriptionId: fuzzing }, 8), await readFirstCards({ unread: true }, 8)];
    const proto = IDBIndex.prototype as unknown as Record<string, unknown>;
    const getAllRecords = proto.getAllRecords;
    expect(Object.hasOwn(proto, 'getAllRecords')).toBe(true);
    delete proto.getAllRecords;
    try {
      const withCursor = [await readFirstCards({ feed: true }, 8), await readFirstCards({ feed: true, subscriptionId: fuzzing }, 8), await readFirstCards({ unread: true }, 8)];
      expect(withCursor).toEqual(withRecords);
      expect(withCursor[0]!.papers).toHaveLength(8);
    } finally {
      proto.getAllRecords = getAllRecords;
    }
  });

  it('reads the For-you order from its head, and from the whole order when the head holds too few papers of the feed, as the page does', async () => {
    await world();
    const model: RankModel = { vocabularyId: 1, terms: [], idf: new Float32Array(), weights: new Float32Array(), bias: 0, documents: 0, labels: '', trainedAt: 0 };
    const best = ids(testingPapers).reverse();
    // Derived: papers removed since the ranking stand first, as many as the head holds, so the head alone finds none.
    const removed = Array.from({ length: RANKING_HEAD }, (_, i) => `2601.${90_000 + i}`);
    const feed = new Set(ids(await feedPage({ limit: 1000 }))); // not the hidden one, for one
    const inFeed = best.filter((id) => feed.has(id));
    expect(inFeed.length).toBeGreaterThan(8);
    for (const order of [best, [...removed, ...best]]) {
      await putRankResult(model, { ids: order, freshness: order.map(() => 1), why: order.map((id) => `like ${id}`), builtAt: T0 });
      const cards = await readFirstCards({ feed: true, order: 'forYou' }, 8);
      expect(ids(cards!.papers)).toEqual(inFeed.slice(0, 8));
      expect(cards!.ranked!.why[inFeed[0]!]).toBe(`like ${inFeed[0]}`);
      const page = await loadFeed(undefined, 8, 'forYou');
      expect(ids(page.papers)).toEqual(inFeed.slice(0, 8));
      expect(page.ranked!.why[inFeed[0]!]).toBe(`like ${inFeed[0]}`);
    }
  });

  it('says the sync is idle when no sync ever ran, as getSyncState does', async () => {
    await ingest(testingPages[0]!, null, T0);
    expect(await db.meta.get(SYNC_STATE_KEY)).toBeUndefined();
    expect((await readFirstCards({ feed: true }, 8))!.sync).toEqual({ state: 'idle' });
  });

  it('creates no database where there is none (a first run), and answers null', async () => {
    db.close();
    await db.delete();
    expect(await readFirstCards({ feed: true }, 8)).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(DATABASE_NAME);
    await db.open(); // Dexie still creates it with its schema
    expect(db.tables.map((t) => t.name)).toContain('papers');
  });

  it('finds a rare subscription’s cards however many newer papers the others have', async () => {
    const { fuzzing, testing } = await world();
    await ingest(derivedPapers(1100, { yymm: '2611', newestAt: Date.UTC(2026, 10, 20) }), testing, T0 + 10);
    const fuzz = await readFirstCards({ feed: true, subscriptionId: fuzzing }, 8);
    expect(ids(fuzz!.papers)).toEqual(ids(await feedPage({ subscriptionId: fuzzing, limit: 8 })));
    expect(fuzz!.papers).toHaveLength(4);
    expect((await readFirstCards({ feed: true, subscriptionId: testing }, 8))!.papers).toHaveLength(8);
  });

  it('answers null for a database of an older layout, and leaves its upgrade to Dexie', async () => {
    db.close();
    await db.delete();
    const old = new Dexie(DATABASE_NAME);
    old.version(1).stores({ papers: 'id, published, addedAt, *subs, *unreadIn, unread', library: 'id, savedAt, *tags', subscriptions: 'id, order', syncStatus: 'subscriptionId', meta: 'key', extras: 'id' });
    await old.table('papers').bulkAdd(testingPapers.slice(0, 3).map((p) => ({ ...p, subs: ['s'], unreadIn: ['s'], unread: 1, addedAt: T0 })));
    old.close();
    expect(await readFirstCards({ feed: true }, 8)).toBeNull();
    await db.open();
    expect(await feedPage({ limit: 8 })).toHaveLength(3);
    expect((await readFirstCards({ feed: true }, 8))!.papers).toHaveLength(3);
  });
});
