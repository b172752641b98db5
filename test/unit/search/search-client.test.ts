import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../lib/db/db';
import { ingest } from '../../../lib/db/ingest';
import { createLocalSearch } from '../../../lib/search/local-search';
import { storedPapers, watchStoredPapers } from '../../../lib/search/paper-source';
import { attentionPaper, higgsPaper, testingPages } from '../../helpers/fixtures';

const T0 = Date.UTC(2026, 10, 23, 1, 30);

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('search over the stored papers', () => {
  it('finds a stored paper by a word of its abstract, newest first', async () => {
    await ingest(testingPages[0]!, 'testing', T0);
    await ingest([attentionPaper], null, T0); // in the library only: still searchable
    const search = createLocalSearch(storedPapers);
    await vi.waitFor(async () => expect((await search.search('recurrent convolutional', 10)).ids).toEqual([attentionPaper.id]), { timeout: 5_000 });
    const newest = await search.search('test', 100);
    const published = newest.ids.map((id) => testingPages[0]!.find((p) => p.id === id)?.published ?? '');
    expect(published).toEqual([...published].sort().reverse());
    search.close();
  });

  it('keeps answering after a sync and then finds the new papers too', async () => {
    await ingest(testingPages[0]!, 'testing', T0);
    const search = createLocalSearch(storedPapers, watchStoredPapers);
    let updates = 0;
    search.onUpdate(() => updates++);
    search.build();
    await vi.waitFor(async () => expect((await search.search('test', 100)).complete).toBe(true), { timeout: 5_000 });
    expect((await search.search('ATLAS higgs', 10)).ids).toEqual([]);
    await ingest([higgsPaper], 'higgs', T0 + 1000);
    await vi.waitFor(async () => expect((await search.search('ATLAS higgs', 10)).ids).toEqual([higgsPaper.id]), { timeout: 5_000 });
    expect(updates).toBeGreaterThan(0);
    search.close();
  });
});
