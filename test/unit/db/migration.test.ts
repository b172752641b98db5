import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { PaperRadarDatabase } from '../../../lib/db/db';
import { attentionPaper, testingPapers } from '../../helpers/fixtures';

/**
 * Each released schema is written down here as it shipped (never imported from today's code),
 * filled with rows built from the real fixtures, and then opened by the current code.
 */
const RELEASED_SCHEMAS: Record<number, Record<string, string>> = {
  1: {
    papers: 'id, published, addedAt, *subs, *unreadIn, unread',
    library: 'id, savedAt, *tags',
    subscriptions: 'id, order',
    syncStatus: 'subscriptionId',
    meta: 'key',
    extras: 'id',
  },
};

function v1Rows() {
  const papers = testingPapers.map((entry, i) => ({
    ...entry,
    subs: ['sub-testing'],
    unreadIn: i % 2 ? [] : ['sub-testing'],
    ...(i % 2 ? { readAt: 1_700_000_000_000 } : { unread: 1 }),
    addedAt: 1_700_000_000_000 + i,
  }));
  papers.push({ ...attentionPaper, subs: [], unreadIn: [], addedAt: 1_700_000_000_000, readAt: 1 } as never);
  return {
    papers,
    library: [{ id: attentionPaper.id, savedAt: 1_700_000_000_500, tags: ['transformers'], note: 'Seminal' }],
    subscriptions: [
      { id: 'sub-testing', kind: 'keyword', value: 'testing', categories: [], exclude: [], label: 'testing', enabled: true, order: 0, createdAt: 1 },
    ],
    syncStatus: [{ subscriptionId: 'sub-testing', lastSuccessAt: 1_700_000_000_000, lastAdded: 40, totalResults: 214881 }],
    meta: [{ key: 'seenAt', value: 1_700_000_000_000 }],
    extras: [],
  } as Record<string, unknown[]>;
}

const name = 'paper-radar-migration-test';
afterEach(() => Dexie.delete(name));

describe('database migrations', () => {
  it.each(Object.keys(RELEASED_SCHEMAS).map(Number))('a schema v%i database opens with nothing lost', async (version) => {
    const old = new Dexie(name);
    old.version(version).stores(RELEASED_SCHEMAS[version]!);
    const rows = v1Rows();
    await old.open();
    for (const [table, values] of Object.entries(rows)) await old.table(table).bulkAdd(values);
    old.close();

    const current = new PaperRadarDatabase(name);
    await current.open();
    for (const [table, values] of Object.entries(rows)) {
      expect(await current.table(table).count(), table).toBe(values.length);
    }
    expect(await current.papers.get(attentionPaper.id)).toMatchObject({ title: 'Attention Is All You Need' });
    expect(await current.library.get(attentionPaper.id)).toMatchObject({ tags: ['transformers'], note: 'Seminal' });
    expect(await current.papers.where('unread').equals(1).count()).toBe(20);
    current.close();
  });
});
