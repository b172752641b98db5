import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { FeatureChunk, LibraryItem, MetaRow, PaperExtras, PaperRow, StoredPaper, SyncStatusRow } from './schema';
import type { Subscription } from '../subscription';
import { DATABASE_NAME, toRow } from './layout';
import { userDataWatch } from './user-data-writes';

/** Papers read at once during the upgrade: 100,000 papers at once could be more than the worker's memory. */
const UPGRADE_SLICE = 5000;

/** Schema 3's store of grouped papers: its name has to be said to be read (and, outside lib/db, only by the tests and the benchmark that build such a database). */
const SCHEMA_3_GROUPS = 'shelves';

/**
 * The one place that knows the schema: one record per paper. Index only what is queried:
 * papers by date (search reads them newest first), by arrival (the badge), by subscription
 * (retention, per-subscription counts), by unread subscription (chip counts, marking a
 * subscription read), by the lists a page shows newest first (`lists`, see layout.ts), and the
 * papers the reader is not interested in (what ranking learns from). `features` holds what
 * ranking computed from the papers (see ranking.ts).
 */
export const SCHEMA = {
  papers: 'id, published, addedAt, *subs, *unreadIn, *lists, notInterestedAt',
  library: 'id, savedAt, *tags',
  subscriptions: 'id, order',
  syncStatus: 'subscriptionId',
  meta: 'key',
  extras: 'id',
  features: 'key',
} as const;

/**
 * Schema 4 (one record per paper) from schema 1 (one record per paper, without `lists`) or from
 * schema 3 (papers grouped up to 50 to a record of its own store, named below, with a month
 * catalog and counts in `meta` beside them; schema 2 was only a step towards 3). A slice at a
 * time, in key order.
 */
async function upgradeToOneRowPerPaper(tx: Transaction): Promise<void> {
  const papers = tx.table<PaperRow, string>('papers');
  if (tx.idbtrans.objectStoreNames.contains(SCHEMA_3_GROUPS)) {
    const groups = tx.table<{ key: number; papers: StoredPaper[] }, number>(SCHEMA_3_GROUPS);
    const perSlice = Math.ceil(UPGRADE_SLICE / 50);
    for (let slice = await groups.orderBy(':id').limit(perSlice).toArray(); slice.length > 0; ) {
      await papers.bulkPut(slice.flatMap((group) => group.papers.map(toRow)));
      slice = await groups.where(':id').above(slice[slice.length - 1]!.key).limit(perSlice).toArray();
    }
    await tx.table<MetaRow, string>('meta').delete('paperCounts');
    return;
  }
  for (let slice = await papers.orderBy(':id').limit(UPGRADE_SLICE).toArray(); slice.length > 0; ) {
    await papers.bulkPut(slice.map(toRow));
    slice = await papers.where(':id').above(slice[slice.length - 1]!.id).limit(UPGRADE_SLICE).toArray();
  }
}

export class PaperRadarDatabase extends Dexie {
  papers!: EntityTable<PaperRow, 'id'>;
  library!: EntityTable<LibraryItem, 'id'>;
  subscriptions!: EntityTable<Subscription, 'id'>;
  syncStatus!: EntityTable<SyncStatusRow, 'subscriptionId'>;
  meta!: EntityTable<MetaRow, 'key'>;
  extras!: EntityTable<PaperExtras, 'id'>;
  features!: EntityTable<FeatureChunk, 'key'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    // Declared: the versions that carry an upgrade, and today's. Any change to SCHEMA, an index
    // included, is a new version (`this.version(5).stores(SCHEMA)`): Dexie reads an older
    // database's schema from the database itself, and would otherwise patch an added or
    // changed index quietly, or leave a removed one (test/fixtures/db/README.md). Tables
    // schema 4 does not name (schema 3's groups and catalog) are deleted once the upgrade has
    // read them.
    this.version(4).stores(SCHEMA).upgrade(upgradeToOneRowPerPaper);
    this.use(userDataWatch);
  }
}

export const db = new PaperRadarDatabase();
