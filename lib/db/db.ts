import { Dexie, type EntityTable } from 'dexie';
import type { CatalogMonth, LibraryItem, MetaRow, PaperExtras, Shelf, StoredPaper, SyncStatusRow } from './schema';
import type { Subscription } from '../subscription';
import { DATABASE_NAME } from './name';
import { PAPER_COUNTS_KEY, Shelver } from './shelving';

/** Papers read at once while they move onto shelves. */
const UPGRADE_SLICE = 5000;

export { DATABASE_NAME };

/**
 * The one place that knows the schema. Index only what is queried. Papers live on shelves (see
 * papers.ts): by id (which shelf holds a paper), by arrival (the badge), by subscription
 * (retention, a subscription's feed), by unread subscription and unread (marking read). The
 * catalog orders the feed by date.
 */
export const SCHEMA = {
  shelves: 'key, *ids, addedAt, *subs, *unreadIn, unread',
  catalog: 'month',
  library: 'id, savedAt, *tags',
  subscriptions: 'id, order',
  syncStatus: 'subscriptionId',
  meta: 'key',
  extras: 'id',
} as const;

/** Schema 1 kept one record per paper. */
const SCHEMA_V1 = {
  papers: 'id, published, addedAt, *subs, *unreadIn, unread',
  library: SCHEMA.library,
  subscriptions: SCHEMA.subscriptions,
  syncStatus: SCHEMA.syncStatus,
  meta: SCHEMA.meta,
  extras: SCHEMA.extras,
};

export class PaperRadarDatabase extends Dexie {
  shelves!: EntityTable<Shelf, 'key'>;
  catalog!: EntityTable<CatalogMonth, 'month'>;
  library!: EntityTable<LibraryItem, 'id'>;
  subscriptions!: EntityTable<Subscription, 'id'>;
  syncStatus!: EntityTable<SyncStatusRow, 'subscriptionId'>;
  meta!: EntityTable<MetaRow, 'key'>;
  extras!: EntityTable<PaperExtras, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    // Papers move onto shelves; the old table goes in the next version, once read.
    this.version(2)
      .stores({ ...SCHEMA, papers: SCHEMA_V1.papers })
      .upgrade(async (tx) => {
        // A slice at a time: 100,000 papers at once could be more than the worker's memory.
        const shelver = new Shelver();
        const papers = tx.table<StoredPaper, string>('papers');
        for (let slice = await papers.orderBy(':id').limit(UPGRADE_SLICE).toArray(); slice.length > 0; ) {
          await tx.table('shelves').bulkAdd(shelver.add(slice));
          slice = await papers.where(':id').above(slice[slice.length - 1]!.id).limit(UPGRADE_SLICE).toArray();
        }
        const { catalog, counts } = shelver.finish();
        await tx.table('catalog').bulkAdd(catalog);
        await tx.table('meta').put({ key: PAPER_COUNTS_KEY, value: counts });
      });
    this.version(3).stores({ ...SCHEMA, papers: null });
  }
}

export const db = new PaperRadarDatabase();
