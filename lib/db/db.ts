import { Dexie, type EntityTable } from 'dexie';
import type { LibraryItem, MetaRow, PaperExtras, StoredPaper, SyncStatusRow } from './schema';
import type { Subscription } from '../subscription';
import { DATABASE_NAME } from './name';

export { DATABASE_NAME };

/**
 * The one place that knows the schema. Index only what is queried:
 * papers by date (the feed), by arrival (the badge), by subscription (retention, filters),
 * by unread subscription (chip counts) and unread (the All chip).
 */
export const SCHEMA_V1 = {
  papers: 'id, published, addedAt, *subs, *unreadIn, unread',
  library: 'id, savedAt, *tags',
  subscriptions: 'id, order',
  syncStatus: 'subscriptionId',
  meta: 'key',
  extras: 'id',
} as const;

export class PaperRadarDatabase extends Dexie {
  papers!: EntityTable<StoredPaper, 'id'>;
  library!: EntityTable<LibraryItem, 'id'>;
  subscriptions!: EntityTable<Subscription, 'id'>;
  syncStatus!: EntityTable<SyncStatusRow, 'subscriptionId'>;
  meta!: EntityTable<MetaRow, 'key'>;
  extras!: EntityTable<PaperExtras, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
  }
}

export const db = new PaperRadarDatabase();
