import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../lib/db/db';
import { feedPage, markRead, unreadCounts } from '../../../lib/db/feed';
import { newStoredPaper } from '../../../lib/db/ingest';
import { deletePapers, getPapers, paperCounts, putPapers, SHELF_SIZE } from '../../../lib/db/papers';
import type { StoredPaper } from '../../../lib/db/schema';
import { derivedPapers } from '../../helpers/derived-world';
import { allStoredPapers } from '../../helpers/stored-papers';
import { expectConsistentStore } from '../reliability/store-invariants';

const T0 = Date.UTC(2026, 10, 23, 1, 30);

/** `count` papers of subscription `sub`, a minute apart, newest first, ids from `first`. */
const papers = (count: number, sub: string, first = 0, yymm = '2611'): StoredPaper[] =>
  derivedPapers(count, { yymm, first, newestAt: Date.UTC(2026, 10, 20) - first * 60_000 }).map((e) => newStoredPaper(e, [sub], T0));

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('papers on shelves', () => {
  it('writes a page of new papers as a few shelves, and reads each paper back by id', async () => {
    const page = papers(2 * SHELF_SIZE + 7, 'testing');
    await putPapers(page);
    expect((await db.shelves.toArray()).map((s) => s.papers.length)).toEqual([SHELF_SIZE, SHELF_SIZE, 7]);
    const asked = [page[104]!.id, '2611.99999', page[3]!.id, page[60]!.id];
    expect((await getPapers(asked)).map((p) => p?.id)).toEqual([page[104]!.id, undefined, page[3]!.id, page[60]!.id]);
    await expectConsistentStore();
  });

  it('tops up the last shelf before starting a new one, so small syncs do not leave many small shelves', async () => {
    const all = papers(SHELF_SIZE + 15, 'testing');
    await putPapers(all.slice(0, 10));
    await putPapers(all.slice(10, 13));
    await putPapers(all.slice(13));
    expect((await db.shelves.toArray()).map((s) => s.papers.length)).toEqual([SHELF_SIZE, 15]);
    expect((await feedPage({ limit: 100 })).map((p) => p.id)).toEqual(all.map((p) => p.id));
    await expectConsistentStore();
  });

  it('finds papers whose ids are spread over many shelves', async () => {
    // Twenty pages of twenty, interleaved by id: any two asked ids span most shelves.
    for (let k = 0; k < 20; k++) await putPapers(papers(20, 'testing', k * 1000).map((p, i) => ({ ...p, id: `2611.${String(i * 20 + k).padStart(5, '0')}` })));
    const every = await allStoredPapers();
    const asked = [every[0]!.id, every[399]!.id, every[200]!.id];
    expect((await getPapers(asked)).map((p) => p?.id)).toEqual(asked);
  });

  it('changes a paper on its own shelf: the counts and the feed follow', async () => {
    const page = papers(60, 'testing');
    await putPapers(page);
    expect(await unreadCounts(['testing'])).toEqual({ all: 60, bySubscription: { testing: 60 } });
    await markRead([page[55]!.id, page[2]!.id], T0 + 1);
    expect(await db.shelves.count()).toBe(2);
    expect((await getPapers([page[55]!.id]))[0]?.readAt).toBe(T0 + 1);
    expect(await unreadCounts(['testing'])).toEqual({ all: 58, bySubscription: { testing: 58 } });
    expect((await feedPage({ limit: 4 })).map((p) => p.id)).toEqual(page.slice(0, 4).map((p) => p.id));
    await expectConsistentStore();
  });

  it('keeps the feed in date order across shelves and months, whatever order the papers arrived in', async () => {
    const older = papers(30, 'a', 0, '2609').map((p, i) => ({ ...p, published: `2026-09-${String(30 - i).padStart(2, '0')}T10:00:00Z` }));
    const newer = papers(30, 'b', 0, '2611');
    await putPapers(newer.slice(10));
    await putPapers(older);
    await putPapers(newer.slice(0, 10));
    const expected = [...older, ...newer].sort((x, y) => (x.published < y.published ? 1 : -1)).map((p) => p.id);
    expect((await feedPage({ limit: 60 })).map((p) => p.id)).toEqual(expected);
    expect((await feedPage({ subscriptionId: 'a', offset: 5, limit: 3 })).map((p) => p.id)).toEqual(older.slice(5, 8).map((p) => p.id));
    expect((await db.catalog.toArray()).map((m) => m.month)).toEqual(['2026-09', '2026-11']);
    await expectConsistentStore();
  });

  it('moves a paper in the catalog when its date changes', async () => {
    const page = papers(3, 'testing');
    await putPapers(page);
    await putPapers([{ ...page[2]!, published: '2026-12-01T00:00:00Z' }]);
    expect((await feedPage({ limit: 3 })).map((p) => p.id)).toEqual([page[2]!.id, page[0]!.id, page[1]!.id]);
    await expectConsistentStore();
  });

  it('stores a paper given twice in one write once, as last given', async () => {
    const [paper] = papers(1, 'testing');
    await putPapers([paper!, { ...paper!, title: 'Second' }]);
    expect(await allStoredPapers()).toEqual([{ ...paper!, title: 'Second' }]);
    expect((await paperCounts()).papers).toBe(1);
    await expectConsistentStore();
  });

  it('deletes papers: shelves shrink, an emptied shelf and an emptied month go, the counts follow', async () => {
    const page = papers(SHELF_SIZE + 10, 'testing');
    await putPapers(page);
    await deletePapers([...page.slice(0, SHELF_SIZE).map((p) => p.id), page[SHELF_SIZE + 3]!.id, 'never-stored']);
    expect((await db.shelves.toArray()).map((s) => s.papers.length)).toEqual([9]);
    expect(await paperCounts()).toEqual({ papers: 9, unread: 9, unreadBy: { testing: 9 }, bySub: { testing: 9 } });
    await expectConsistentStore();
    await deletePapers(page.map((p) => p.id));
    expect(await db.shelves.count()).toBe(0);
    expect(await db.catalog.count()).toBe(0);
    expect(await paperCounts()).toEqual({ papers: 0, unread: 0, unreadBy: {}, bySub: {} });
  });
});
