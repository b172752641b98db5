import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../lib/db/db';
import { newStoredPaper } from '../../../lib/db/ingest';
import { allLibraryItems, allTags, editTags, libraryEntries, putLibraryItems, savePaper, setNote, setTags, unsavePaper } from '../../../lib/db/library';
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

describe('a save removed and saved again', () => {
  const DAY = 86_400_000;
  const [paper, other] = derivedPapers(2);

  async function saveWithWords(at: number) {
    await savePaper(paper!.id, at, paper);
    await setTags(paper!.id, ['to read', 'group']);
    await setNote(paper!.id, 'Section 4 is the point.');
  }

  it('gets back its tags, its note and the version it was first saved at', async () => {
    await saveWithWords(T0);
    const first = (await db.library.get(paper!.id))!;
    await unsavePaper(paper!.id, T0 + DAY);
    expect(await db.library.get(paper!.id)).toBeUndefined();
    // arXiv's next version is what the second save sees; the first save's is what it keeps.
    await savePaper(paper!.id, T0 + 2 * DAY, { ...paper!, version: paper!.version + 1, title: `${paper!.title}, revised` });
    const again = (await db.library.get(paper!.id))!;
    expect(again).toMatchObject({ savedAt: T0 + 2 * DAY, tags: ['to read', 'group'], note: 'Section 4 is the point.', baseline: first.baseline });
    // Once only: removed and saved again without words, it has none.
    await setTags(paper!.id, []);
    await setNote(paper!.id, '');
    await unsavePaper(paper!.id, T0 + 3 * DAY);
    await savePaper(paper!.id, T0 + 4 * DAY, paper);
    expect(await db.library.get(paper!.id)).toMatchObject({ tags: [], note: '' });
  });

  it('goes back to its place when saved again within the hour (a slip on an arXiv page, which has no Undo), with or without words', async () => {
    await saveWithWords(T0);
    await savePaper(other!.id, T0 + 1000, other);
    await unsavePaper(paper!.id, T0 + DAY);
    await savePaper(paper!.id, T0 + DAY + 59 * 60_000, paper);
    expect(await db.library.get(paper!.id)).toMatchObject({ savedAt: T0, tags: ['to read', 'group'], note: 'Section 4 is the point.' });
    await unsavePaper(other!.id, T0 + DAY);
    await savePaper(other!.id, T0 + DAY + 59 * 60_000);
    expect(await db.library.get(other!.id)).toMatchObject({ savedAt: T0 + 1000, tags: [], note: '' });
    // Later, or after another removal, it is a new save, on top.
    await unsavePaper(other!.id, T0 + 2 * DAY);
    await savePaper(other!.id, T0 + 2 * DAY + 60 * 60_000);
    expect(await db.library.get(other!.id)).toMatchObject({ savedAt: T0 + 2 * DAY + 60 * 60_000 });
    await unsavePaper(other!.id, T0 + 3 * DAY);
    await unsavePaper(paper!.id, T0 + 3 * DAY);
    await savePaper(other!.id, T0 + 3 * DAY + 1000);
    expect(await db.library.get(other!.id)).toMatchObject({ savedAt: T0 + 3 * DAY + 1000 });
  });

  it('starts afresh after 30 days, and keeps nothing of a save it was not asked about', async () => {
    await saveWithWords(T0);
    await unsavePaper(paper!.id, T0);
    await savePaper(paper!.id, T0 + 30 * DAY, paper);
    expect(await db.library.get(paper!.id)).toMatchObject({ tags: [], note: '' });
    await savePaper(other!.id, T0, other);
    await unsavePaper(other!.id, T0);
    await savePaper(other!.id, T0 + DAY, other);
    expect(await db.library.get(other!.id)).toMatchObject({ tags: [], note: '' });
  });

  it('keeps the words of the 200 latest removals', async () => {
    const papers = derivedPapers(201);
    for (const [i, p] of papers.entries()) {
      await savePaper(p.id, T0, p);
      await setNote(p.id, `note ${i}`);
      await unsavePaper(p.id, T0 + i * 1000);
    }
    await savePaper(papers[0]!.id, T0 + DAY, papers[0]);
    await savePaper(papers[1]!.id, T0 + DAY, papers[1]);
    expect((await db.library.get(papers[0]!.id))!.note).toBe('');
    expect((await db.library.get(papers[1]!.id))!.note).toBe('note 1');
  });
});

describe('tags', () => {
  it('are one tag whatever their case: a tag typed in another case is written as the library has it, and listed in alphabetical order', async () => {
    const [a, b] = derivedPapers(2).map((p) => p.id) as [string, string];
    await savePaper(a, T0);
    await savePaper(b, T0);
    await setTags(a, ['thesis', 'Zeta', 'alpha']);
    await editTags(b, (tags) => [...tags, 'Thesis', 'ALPHA', 'new one']);
    expect((await db.library.get(b))!.tags).toEqual(['thesis', 'alpha', 'new one']);
    expect(await allTags()).toEqual(['alpha', 'new one', 'thesis', 'Zeta']);
    // One paper's tags hold each once, the first spelling.
    await setTags(a, ['Draft', 'draft', ' DRAFT ']);
    expect((await db.library.get(a))!.tags).toEqual(['Draft']);
    // Saves tagged before tags were compared so: both spellings stored, one tag listed.
    await putLibraryItems([{ ...(await db.library.get(b))!, tags: ['Draft'] }, { ...(await db.library.get(a))!, tags: ['draft'] }]);
    expect((await allTags()).filter((t) => t.toLowerCase() === 'draft')).toHaveLength(1);
  });
});
