import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../lib/db/db';
import { newStoredPaper } from '../../../lib/db/ingest';
import { allLibraryItems, libraryEntries, putLibraryItems } from '../../../lib/db/library';
import { putPapers } from '../../../lib/db/papers';
import type { LibraryItem } from '../../../lib/db/schema';
import { derivedPapers } from '../../helpers/derived-world';

const T0 = Date.UTC(2026, 7, 14, 9, 30);

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('the library as read whole', () => {
  it('lists every save, the latest first, however many slices it is read in', async () => {
    // 601 saves (more than two slices of items and twelve of papers), stored in an order unlike their save times.
    const papers = derivedPapers(601);
    const savedAt = (i: number) => T0 + ((i * 7919) % 601) * 1000;
    await putPapers(papers.map((paper) => newStoredPaper(paper, [], T0)));
    const items: LibraryItem[] = papers.map((paper, i) => ({ id: paper.id, savedAt: savedAt(i), tags: [`t${i % 3}`], note: `note ${i}` }));
    await putLibraryItems(items);
    const expected = [...items].sort((a, b) => b.savedAt - a.savedAt);
    expect(await allLibraryItems()).toEqual(expected);
    const entries = await libraryEntries();
    expect(entries.map((entry) => entry.item.id)).toEqual(expected.map((item) => item.id));
    expect(entries.every((entry) => entry.paper?.id === entry.item.id)).toBe(true);
  });
});
