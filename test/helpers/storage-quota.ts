import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';

// DBCoreRangeType.Any (an ambient const enum, which isolated modules cannot read).
const ANY: DBCoreKeyRange = { type: 3 } as unknown as DBCoreKeyRange;

/**
 * Browser storage that holds at most `capacity()` papers: a write that would store more fails
 * the way IndexedDB fails when the origin's quota is used up, with a `QuotaExceededError`.
 * Install with `db.use(...)` while the database is closed.
 */
export function storageQuota(capacity: () => number): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'storage-quota',
    create: (down: DBCore) => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        if (name !== 'papers') return table;
        return {
          ...table,
          mutate: async (req: DBCoreMutateRequest) => {
            if (req.type === 'add' || req.type === 'put') {
              const keys = req.keys ?? req.values.map((value) => table.schema.primaryKey.extractKey!(value));
              const existing = await table.getMany({ trans: req.trans, keys });
              const rows = await table.count({ trans: req.trans, query: { index: table.schema.primaryKey, range: ANY } });
              const growth = new Set(keys.filter((_, i) => existing[i] === undefined)).size;
              if (rows + growth > capacity()) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
}

/** What `fullDisk` refuses, changed by the test as it goes. */
export interface DiskState {
  /** Every put and add, to any table, fails while this is true. */
  full: boolean;
  /** Deleting papers frees room (a disk old papers were filling); when false, nothing does. */
  freedByDeletes: boolean;
}

/**
 * A disk with no room left, as IndexedDB reports it: every write to any table (the sync's small
 * progress notes as much as papers) fails with a `QuotaExceededError` while `disk.full`.
 * Deletions always go through. Install with `db.use(...)` while the database is closed.
 */
export function fullDisk(disk: DiskState): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'full-disk',
    create: (down: DBCore) => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        return {
          ...table,
          mutate: async (req: DBCoreMutateRequest) => {
            if ((req.type === 'add' || req.type === 'put') && disk.full) {
              throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            }
            const result = await table.mutate(req);
            if (name === 'papers' && (req.type === 'delete' || req.type === 'deleteRange') && disk.freedByDeletes) disk.full = false;
            return result;
          },
        };
      },
    }),
  };
}
