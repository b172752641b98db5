import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../lib/db/db';
import { countArrivedSince, feedPage, hidePapers, markRead, unreadCounts } from '../../../lib/db/feed';
import { getExtras, putExtras } from '../../../lib/db/extras';
import { ingest } from '../../../lib/db/ingest';
import { savePaper, setNote, setTags } from '../../../lib/db/library';
import { applyRetention, clearFeed } from '../../../lib/db/retention';
import { attentionPaper, testingPages, testingPapers } from '../../helpers/fixtures';
import { getPaper } from '../../../lib/db/papers';
import { markNotInterested } from '../../../lib/db/ranking';
import { allStoredPapers, countStoredPapers, storedIds } from '../../helpers/stored-papers';

const T0 = Date.UTC(2026, 10, 23, 1, 30);

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('ingest', () => {
  it('stores new papers once and reports them as new', async () => {
    const result = await ingest(testingPages[0]!, 'testing', T0);
    expect(result.added).toEqual(testingPages[0]!.map((e) => e.id));
    expect(await countStoredPapers()).toBe(10);
    expect(await countArrivedSince(T0 - 1)).toBe(10);
  });

  it('is idempotent: the same page twice changes nothing and counts nothing new', async () => {
    await ingest(testingPages[0]!, 'testing', T0);
    const before = await allStoredPapers();
    const again = await ingest(testingPages[0]!, 'testing', T0 + 60_000);
    expect(again.added).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.knownToSubscription).toHaveLength(10);
    expect(await allStoredPapers()).toEqual(before);
  });

  it('keeps one copy of a paper matched by several subscriptions and remembers each', async () => {
    await ingest(testingPages[0]!, 'testing', T0);
    const second = await ingest(testingPages[0]!.slice(0, 3), 'fuzzing', T0 + 1);
    expect(second.added).toEqual([]);
    expect(second.updated).toHaveLength(3);
    expect(await countStoredPapers()).toBe(10);
    const first = await getPaper(testingPages[0]![0]!.id);
    expect(first!.subs).toEqual(['testing', 'fuzzing']);
    expect((await unreadCounts(['testing', 'fuzzing'])).bySubscription).toEqual({ testing: 10, fuzzing: 3 });
  });

  it('takes the latest version in a page that repeats a paper', async () => {
    const paper = testingPapers[0]!;
    await ingest([paper, { ...paper, version: paper.version + 1, title: 'Revised' }, paper], 's', T0);
    expect(await countStoredPapers()).toBe(1);
    expect((await getPaper(paper.id))!.title).toBe('Revised');
  });

  it('updates metadata for a new version, keeps saved, read and note, and does not count it new', async () => {
    await ingest([attentionPaper], 'attention', T0);
    await savePaper(attentionPaper.id, T0 + 1);
    await setTags(attentionPaper.id, ['transformers']);
    await setNote(attentionPaper.id, 'Read section 3.2');
    await markRead([attentionPaper.id], T0 + 2);
    // A derived next version of the real entry: new version number, title and comment, no journal ref.
    const revised = { ...attentionPaper, version: 8, updated: '2026-11-20T10:00:00Z', title: 'Attention Is All You Need (v8)', comment: 'Revised' };
    const result = await ingest([revised], 'attention', T0 + 3);
    expect(result.added).toEqual([]);
    const stored = (await getPaper(attentionPaper.id))!;
    expect(stored).toMatchObject({ version: 8, title: 'Attention Is All You Need (v8)', comment: 'Revised', readAt: T0 + 2, addedAt: T0 });
    expect(stored.unread).toBeUndefined();
    expect(await db.library.get(attentionPaper.id)).toMatchObject({ tags: ['transformers'], note: 'Read section 3.2' });
    expect(await countArrivedSince(T0 + 2)).toBe(0);
  });

  it('drops the figure and machine headlines of the old version when a new one arrives, and only then', async () => {
    const [kept, other] = testingPages[0]!;
    await ingest([attentionPaper, kept!, other!], 'attention', T0);
    const extras = { figureUrl: `https://arxiv.org/html/${attentionPaper.id}v7/x1.png`, headline: 'Attention alone translates', tldr: 'No recurrence.' };
    for (const entry of [attentionPaper, kept!, other!]) await putExtras(entry.id, extras);
    // The same page again, and a later sync of the same versions: nothing changes.
    await ingest([attentionPaper, kept!, other!], 'attention', T0 + 1);
    expect((await getExtras([attentionPaper.id, kept!.id, other!.id])).size).toBe(3);
    // A derived next version of the real entry.
    await ingest([{ ...attentionPaper, version: attentionPaper.version + 1, updated: '2026-11-20T10:00:00Z' }, kept!], 'attention', T0 + 2);
    const left = await getExtras([attentionPaper.id, kept!.id, other!.id]);
    expect([...left.keys()].sort()).toEqual([kept!.id, other!.id].sort());
    expect(left.get(kept!.id)).toMatchObject(extras);
  });

  it('ignores an older version arriving late', async () => {
    await ingest([{ ...attentionPaper, version: 7 }], 'a', T0);
    await ingest([{ ...attentionPaper, version: 5, title: 'Old' }], 'a', T0 + 1);
    expect((await getPaper(attentionPaper.id))!.version).toBe(7);
  });
});

describe('feed queries', () => {
  it('lists the feed newest first and leaves hidden papers out', async () => {
    await ingest(testingPapers, 'testing', T0);
    const page = await feedPage({ limit: 50 });
    const published = page.map((p) => p.published);
    expect(published).toEqual([...published].sort().reverse());
    await hidePapers([page[0]!.id], T0 + 1);
    const after = await feedPage({ limit: 50 });
    expect(after.map((p) => p.id)).not.toContain(page[0]!.id);
    expect(after).toHaveLength(39);
    expect((await unreadCounts(['testing'])).all).toBe(39);
  });
});

describe('retention', () => {
  it('keeps the newest N papers per subscription and never removes a saved paper', async () => {
    await ingest(testingPapers, 'testing', T0);
    const sorted = [...testingPapers].sort((a, b) => (a.published < b.published ? 1 : -1));
    const oldest = sorted.at(-1)!;
    await savePaper(oldest.id, T0 + 1);
    const deleted = await applyRetention('testing', 25);
    expect(deleted).toBe(14);
    expect(await countStoredPapers()).toBe(26);
    const kept = await getPaper(oldest.id);
    expect(kept).toBeDefined();
    expect(kept!.subs).toEqual([]);
    expect((await feedPage({ limit: 100 })).map((p) => p.id)).toEqual(sorted.slice(0, 25).map((p) => p.id));
  });

  it('keeps a paper that another subscription still holds', async () => {
    await ingest(testingPapers, 'a', T0);
    const oldest = [...testingPapers].sort((x, y) => (x.published < y.published ? -1 : 1))[0]!;
    await ingest([oldest], 'b', T0);
    await applyRetention('a', 1);
    expect((await getPaper(oldest.id))!.subs).toEqual(['b']);
  });

  it('clears the feed but keeps saved papers', async () => {
    await ingest(testingPapers, 'testing', T0);
    await savePaper(testingPapers[5]!.id, T0);
    expect(await clearFeed()).toBe(39);
    expect(await storedIds()).toEqual([testingPapers[5]!.id]);
    expect(await feedPage({ limit: 10 })).toEqual([]);
    expect(await db.library.count()).toBe(1);
  });

  it('keeps, when clearing the feed, the papers marked "not interested": the next sync does not bring them back into it', async () => {
    await ingest(testingPapers, 'testing', T0);
    const dismissed = testingPapers[7]!;
    await markNotInterested([dismissed.id], T0);
    expect(await clearFeed()).toBe(39);
    expect(await getPaper(dismissed.id)).toMatchObject({ subs: [], notInterestedAt: T0 });
    await ingest(testingPapers, 'testing', T0 + 1000);
    const feed = (await feedPage({ limit: 100 })).map((p) => p.id);
    expect(feed).toHaveLength(39);
    expect(feed).not.toContain(dismissed.id);
  });
});
