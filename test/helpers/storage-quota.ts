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
