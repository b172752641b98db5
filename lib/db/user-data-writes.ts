import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';

/**
 * Tells whoever asked when what the reader made (the library, the subscriptions) is written, in
 * this page or worker: the background syncs it to the reader's other browsers, a page wakes the
 * background for that. Called after a write, at most once a moment.
 */
const listeners = new Set<() => void>();
const WATCHED = new Set(['library', 'subscriptions']);
let pending: ReturnType<typeof setTimeout> | undefined;

export function onUserDataWrite(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  clearTimeout(pending);
  pending = setTimeout(() => {
    for (const listener of listeners) listener();
  }, 50);
}

/** The Dexie middleware that notices those writes (installed by lib/db/db.ts). */
export const userDataWatch: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'user-data-watch',
  create: (down) => ({
    ...down,
    table: (name: string): DBCoreTable => {
      const table = down.table(name);
      if (!WATCHED.has(name)) return table;
      return {
        ...table,
        mutate: async (request: DBCoreMutateRequest) => {
          const result = await table.mutate(request);
          if (listeners.size > 0) notify();
          return result;
        },
      };
    },
  }),
};
