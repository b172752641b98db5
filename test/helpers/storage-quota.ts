import type { Shelf } from '../../lib/db/schema';
import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';

// DBCoreRangeType.Any (an ambient const enum, which isolated modules cannot read).
const ANY: DBCoreKeyRange = { type: 3 } as unknown as DBCoreKeyRange;

/**
 * Browser storage that holds at most `capacity()` papers (counted on the shelves they are stored on): a write that would store more fails
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
        if (name !== 'shelves') return table;
        const papersOn = (shelves: readonly unknown[]) => shelves.reduce<number>((n, shelf) => n + ((shelf as Shelf | undefined)?.ids.length ?? 0), 0);
        return {
          ...table,
          mutate: async (req: DBCoreMutateRequest) => {
            if (req.type === 'add' || req.type === 'put') {
              const keys = req.keys ?? req.values.map((value) => table.schema.primaryKey.extractKey!(value));
              const existing = await table.getMany({ trans: req.trans, keys });
              const all = await table.query({ trans: req.trans, values: true, query: { index: table.schema.primaryKey, range: ANY } });
              const growth = papersOn(req.values) - papersOn(existing);
              if (papersOn(all.result) + growth > capacity()) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
}
