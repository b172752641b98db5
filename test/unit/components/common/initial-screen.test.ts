import { beforeEach, describe, expect, it } from 'vitest';
import { initialScreen } from '../../../../components/common/initial-screen';
import { db } from '../../../../lib/db/db';
import { ingest } from '../../../../lib/db/ingest';
import { addSubscription } from '../../../../lib/db/subscriptions';
import { updateSyncState } from '../../../../lib/sync/state';
import { writeFirstScreen, type FirstScreen } from '../../../../lib/ui/first-screen';
import { testingPapers } from '../../../helpers/fixtures';

const T0 = Date.UTC(2026, 10, 23, 1, 30);
const KEY = 'paper-radar:digest-first-screen';

/** localStorage as the page has it. */
function pageStorage(): Storage {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) } as Storage;
}

const emptyScreen = (subscriptions: FirstScreen['subscriptions']): FirstScreen => ({
  version: 1,
  filter: null,
  subscriptions,
  counts: { all: 0, bySubscription: {} },
  sync: { state: 'idle' },
  papers: [],
  saved: [],
  more: false,
});

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('the first frame of a page', () => {
  it('is the screen the last page kept when it had cards, without asking the database', async () => {
    const sub = await addSubscription({ kind: 'keyword', value: 'testing', categories: [], exclude: [] }, T0);
    const kept = { ...emptyScreen([sub]), papers: testingPapers.slice(0, 2).map((p) => ({ ...p, subs: [sub.id], addedAt: T0 })) } as FirstScreen;
    const storage = pageStorage();
    writeFirstScreen(storage, KEY, kept);
    const initial = await initialScreen(storage, KEY, { feed: true }, { open: () => { throw new Error('the database was asked'); } } as unknown as IDBFactory);
    expect(initial?.papers.map((p) => p.id)).toEqual(testingPapers.slice(0, 2).map((p) => p.id));
  });

  it('is read from the database when the kept screen had no cards (taken before the first sync), not painted as "nothing yet"', async () => {
    const storage = pageStorage();
    // The tab that opened on install kept its screen: no subscription, no paper.
    writeFirstScreen(storage, KEY, emptyScreen([]));
    const sub = await addSubscription({ kind: 'keyword', value: 'testing', categories: [], exclude: [] }, T0);
    await ingest(testingPapers.slice(0, 10), sub.id, T0);
    await updateSyncState({ state: 'ok', lastSuccessAt: T0 });
    const initial = await initialScreen(storage, KEY, { feed: true }, indexedDB);
    expect(initial?.subscriptions.map((s) => s.id)).toEqual([sub.id]);
    expect(initial?.papers).toHaveLength(8);
  });
});
