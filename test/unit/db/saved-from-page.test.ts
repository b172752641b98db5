import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../lib/db/db';
import { completePendingSaves, libraryEntries, savePaper } from '../../../lib/db/library';
import { attentionPaper } from '../../helpers/fixtures';

const T0 = Date.UTC(2026, 7, 14, 9, 30);
// What the abstract page of 1706.03762 shows (test/fixtures/arxiv/html/abs_1706.03762.html).
const shown = { title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer'], version: 7 };

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('a paper saved from an arXiv page', () => {
  it('keeps what the page showed at once, marked as from the page, until arXiv answers', async () => {
    expect(await savePaper(attentionPaper.id, T0, undefined, shown)).toEqual({ pending: true });
    const [entry] = await libraryEntries();
    expect(entry).toEqual({ item: { id: attentionPaper.id, savedAt: T0, tags: [], note: '', pending: 1, fromPage: shown } });
  });

  it('gives it arXiv’s answer when it comes, and forgets what the page showed', async () => {
    await savePaper(attentionPaper.id, T0, undefined, { ...shown, title: 'Attention is all' });
    await completePendingSaves([attentionPaper], T0 + 20_000);
    const [entry] = await libraryEntries();
    // What the page showed is gone; what "changed since saved" compares with is arXiv's answer.
    expect(entry!.item).toEqual({ id: attentionPaper.id, savedAt: T0, tags: [], note: '', baseline: expect.objectContaining({ title: 'Attention Is All You Need', version: attentionPaper.version }) });
    expect(entry!.paper).toMatchObject({ title: 'Attention Is All You Need', authors: attentionPaper.authors });
  });

  it('keeps nothing of the page for a paper whose metadata is stored already', async () => {
    await savePaper(attentionPaper.id, T0, attentionPaper);
    await savePaper(attentionPaper.id, T0 + 1, undefined, shown);
    expect((await libraryEntries())[0]!.item.fromPage).toBeUndefined();
  });
});
