import { db } from './db';

/** Empties every table: papers, library, subscriptions, sync status, figures, ranking's features and `meta`. */
export async function clearDatabase(): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
}
