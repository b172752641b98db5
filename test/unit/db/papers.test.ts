import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../lib/db/db';
import { feedPage, hidePapers, markAllRead, markRead, markReadAt, markUnread, unhidePapers, unreadCounts, unreadPage } from '../../../lib/db/feed';
import { newStoredPaper } from '../../../lib/db/ingest';
import { deletePapers, editPapers, getPapers, paperCounts, putPapers } from '../../../lib/db/papers';
import type { StoredPaper } from '../../../lib/db/schema';
import { derivedPapers } from '../../helpers/derived-world';
import { allStoredPapers } from '../../helpers/stored-papers';
import { expectConsistentStore } from '../reliability/store-invariants';

const T0 = Date.UTC(2026, 10, 23, 1, 30);

/** `count` papers of subscription `sub`, a minute apart, newest first, ids from `first`. */
const papers = (count: number, sub: string, first = 0, yymm = '2611'): StoredPaper[] =>
  derivedPapers(count, { yymm, first, newestAt: Date.UTC(2026, 10, 20) - first * 60_000 }).map((e) => newStoredPaper(e, [sub], T0));

const ids = (list: StoredPaper[]) => list.map((p) => p.id);

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('papers, one record each', () => {
  it('reads papers back by id, undefined for an id never stored', async () => {
    const page = papers(107, 'testing');
    await putPapers(page);
    const asked = [page[104]!.id, '2611.99999', page[3]!.id];
    expect((await getPapers(asked)).map((p) => p?.id)).toEqual([page[104]!.id, undefined, page[3]!.id]);
    expect(await db.papers.count()).toBe(107);
    await expectConsistentStore();
  });

  it('undoes a "mark all as read" for the papers it marked, and leaves a read made since (another browser\'s) alone', async () => {
    const page = papers(5, 'testing');
    await putPapers(page);
    await markRead([page[4]!.id], T0);
    const marked = await markAllRead(T0 + 1);
    expect(marked.sort()).toEqual(ids(page.slice(0, 4)).sort());
    // Browser sync brings another browser's read of one of them, at its own time.
    await markReadAt(new Map([[page[0]!.id, T0 + 5]]));
    await markUnread(marked, T0 + 1);
    const after = await getPapers(ids(page));
    expect(after.map((p) => p?.readAt)).toEqual([T0 + 5, undefined, undefined, undefined, T0]);
    await expectConsistentStore();
  });

  it('marks read: the unread counts, the popup list and the feed follow', async () => {
    const page = papers(60, 'testing');
    await putPapers(page);
    expect(await unreadCounts(['testing'])).toEqual({ all: 60, bySubscription: { testing: 60 } });
    await markRead([page[55]!.id, page[0]!.id], T0 + 1);
    expect((await getPapers([page[55]!.id]))[0]?.readAt).toBe(T0 + 1);
    expect(await unreadCounts(['testing'])).toEqual({ all: 58, bySubscription: { testing: 58 } });
    expect(ids(await unreadPage(2))).toEqual(ids(page.slice(1, 3)));
    expect(ids(await feedPage({ limit: 2 }))).toEqual(ids(page.slice(0, 2)));
    await expectConsistentStore();
  });

  it('hides a paper from the feed, its subscription and the popup; unhiding brings it back unread', async () => {
    const page = papers(5, 'testing');
    await putPapers(page);
    await hidePapers([page[0]!.id], T0 + 1);
    expect(ids(await feedPage({ limit: 2 }))).toEqual(ids(page.slice(1, 3)));
    expect(ids(await feedPage({ subscriptionId: 'testing', limit: 2 }))).toEqual(ids(page.slice(1, 3)));
    expect(ids(await unreadPage(1))).toEqual([page[1]!.id]);
    expect((await unreadCounts(['testing'])).all).toBe(4);
    await unhidePapers([page[0]!.id]);
    expect(ids(await unreadPage(1))).toEqual([page[0]!.id]);
    expect((await unreadCounts(['testing'])).bySubscription).toEqual({ testing: 5 });
    await expectConsistentStore();
  });

  it('keeps the feed in date order whatever order the papers arrived in, per subscription too', async () => {
    const older = papers(30, 'a', 0, '2609').map((p, i) => ({ ...p, published: `2026-09-${String(30 - i).padStart(2, '0')}T10:00:00Z` }));
    const newer = papers(30, 'b', 0, '2611');
    await putPapers(newer.slice(10));
    await putPapers(older);
    await putPapers(newer.slice(0, 10));
    const expected = [...older, ...newer].sort((x, y) => (x.published < y.published ? 1 : -1)).map((p) => p.id);
    expect(ids(await feedPage({ limit: 60 }))).toEqual(expected);
    expect(ids(await feedPage({ subscriptionId: 'a', offset: 5, limit: 3 }))).toEqual(ids(older.slice(5, 8)));
    expect(ids(await feedPage({ subscriptionId: 'b', limit: 100 }))).toEqual(ids(newer));
    await expectConsistentStore();
  });

  it('orders papers of the same date by id, the higher first, on every page', async () => {
    const same = papers(4, 'a').map((p) => ({ ...p, published: '2026-11-20T00:00:00Z' }));
    await putPapers(same);
    const expected = ids(same).sort().reverse();
    expect(ids(await feedPage({ limit: 4 }))).toEqual(expected);
    expect([...ids(await feedPage({ limit: 2 })), ...ids(await feedPage({ offset: 2, limit: 2 }))]).toEqual(expected);
  });

  it('moves a paper when its date changes', async () => {
    const page = papers(3, 'testing');
    await putPapers(page);
    await putPapers([{ ...page[2]!, published: '2026-12-01T00:00:00Z' }]);
    expect(ids(await feedPage({ limit: 3 }))).toEqual([page[2]!.id, page[0]!.id, page[1]!.id]);
    await expectConsistentStore();
  });

  it('stores a paper given twice in one write once, as last given', async () => {
    const [paper] = papers(1, 'testing');
    await putPapers([paper!, { ...paper!, title: 'Second' }]);
    expect(await allStoredPapers()).toEqual([{ ...paper!, title: 'Second' }]);
    expect((await paperCounts()).papers).toBe(1);
    await expectConsistentStore();
  });

  it('edits and deletes papers by id in one write; ids not stored are ignored', async () => {
    const page = papers(10, 'testing');
    await putPapers(page);
    await editPapers([page[0]!.id, page[1]!.id, 'never-stored'], (p) => (p.id === page[0]!.id ? null : { ...p, title: 'Edited' }));
    expect(ids(await feedPage({ limit: 2 }))).toEqual(ids(page.slice(1, 3)));
    expect((await getPapers([page[1]!.id]))[0]?.title).toBe('Edited');
    await deletePapers([...ids(page.slice(2, 5)), 'never-stored']);
    expect(await paperCounts(['testing'])).toEqual({ papers: 6, bySubscription: { testing: 6 } });
    await expectConsistentStore();
  });

  it('counts papers and unread papers per subscription from the indexes', async () => {
    await putPapers([...papers(4, 'a'), ...papers(3, 'b', 100)]);
    const [shared] = await getPapers([papers(1, 'a')[0]!.id]);
    await putPapers([{ ...shared!, subs: ['a', 'b'] }]);
    expect(await paperCounts(['a', 'b', 'gone'])).toEqual({ papers: 7, bySubscription: { a: 4, b: 4, gone: 0 } });
    expect(await unreadCounts(['a', 'b'])).toEqual({ all: 7, bySubscription: { a: 4, b: 4 } });
    expect(ids(await feedPage({ subscriptionId: 'b', limit: 10 }))).toContain(shared!.id);
  });
});
