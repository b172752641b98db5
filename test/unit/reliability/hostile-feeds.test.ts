import { beforeEach, describe, expect, it } from 'vitest';
import { parseAtomFeed } from '../../../lib/arxiv/atom';
import type { AtomFeed } from '../../../lib/arxiv/entry';
import { FeedFormatError } from '../../../lib/arxiv/errors';
import { db } from '../../../lib/db/db';
import { markRead } from '../../../lib/db/feed';
import { ingest } from '../../../lib/db/ingest';
import { savePaper, setNote, setTags } from '../../../lib/db/library';
import { attentionPaper, testingPages } from '../../helpers/fixtures';
import { feedCases } from './hostile-feed-cases';
import { expectConsistentStore, expectNothingRan } from './store-invariants';
import { getPaper } from '../../../lib/db/papers';
import { allStoredPapers, countStoredPapers } from '../../helpers/stored-papers';

const T0 = Date.UTC(2026, 10, 23, 1, 30);
// Guards against a freeze only; speed belongs to the benchmark.
const FREEZE_MS = 2_000;

/** A store with a feed, a read paper, and a saved paper with a tag and a note. */
async function seed(): Promise<void> {
  await ingest(testingPages[0]!, 'sub-testing', T0);
  await markRead([testingPages[0]![1]!.id], T0 + 1);
  await savePaper(attentionPaper.id, T0 + 2, attentionPaper);
  await setTags(attentionPaper.id, ['transformers']);
  await setNote(attentionPaper.id, 'Read section 3.');
}

const snapshot = async () => ({ papers: await allStoredPapers(), library: await db.library.toArray() });

beforeEach(async () => {
  await db.delete();
  await db.open();
  await seed();
});

describe('a hostile API page, parsed and stored', () => {
  it.each(feedCases.map((c) => [c.name, c] as const))('%s', async (_name, hostile) => {
    const xml = hostile.xml();
    const before = await snapshot();
    const started = performance.now();
    let feed: AtomFeed | undefined;
    let error: unknown;
    try {
      feed = parseAtomFeed(xml);
    } catch (caught) {
      error = caught;
    }
    if (feed) {
      await ingest(feed.entries, 'sub-hostile', T0 + 10);
      const afterFirst = await snapshot();
      // The same page again changes nothing and counts nothing new.
      const again = await ingest(feed.entries, 'sub-hostile', T0 + 20);
      expect([again.added, again.updated]).toEqual([[], []]);
      expect(await snapshot()).toEqual(afterFirst);
    }
    expect(performance.now() - started).toBeLessThan(FREEZE_MS);

    if (hostile.outcome === 'rejected') {
      expect(error).toBeInstanceOf(FeedFormatError);
      expect(await snapshot()).toEqual(before);
    } else {
      expect(error).toBeUndefined();
      hostile.check?.(feed!.entries);
    }
    await expectConsistentStore();
    expectNothingRan();
    // What the user did is untouched: the saved paper, its tag and note, the read mark.
    const after = await snapshot();
    expect(after.library).toEqual(before.library);
    expect((await getPaper(testingPages[0]![1]!.id))?.readAt).toBe(T0 + 1);
    expect(await getPaper(attentionPaper.id)).toBeDefined();
  });

  it('keeps the newest version when one page lists a paper twice', async () => {
    const twice = feedCases.find((c) => c.name === 'two versions of one paper in one page')!;
    await ingest(parseAtomFeed(twice.xml()).entries, 'sub-hostile', T0 + 10);
    expect(await getPaper(attentionPaper.id)).toMatchObject({ version: 7, title: 'Attention Is All You Need' });
  });

  it('stores a paper listed three times once, counted once', async () => {
    await db.delete();
    await db.open();
    const thrice = feedCases.find((c) => c.name === 'the same paper three times in one page')!;
    const result = await ingest(parseAtomFeed(thrice.xml()).entries, 'sub-hostile', T0);
    expect(result.added).toHaveLength(10);
    expect(await countStoredPapers()).toBe(10);
  });
});
