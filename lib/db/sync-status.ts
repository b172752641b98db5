import { db } from './db';
import type { SyncStatusRow } from './schema';

export async function getSyncStatus(subscriptionId: string): Promise<SyncStatusRow | undefined> {
  return db.syncStatus.get(subscriptionId);
}

export async function listSyncStatuses(): Promise<SyncStatusRow[]> {
  return db.syncStatus.toArray();
}

/** Merges `changes` into a subscription's status; `undefined` values clear fields. */
export async function updateSyncStatus(subscriptionId: string, changes: Partial<SyncStatusRow>): Promise<void> {
  await db.transaction('rw', db.syncStatus, async () => {
    const row: SyncStatusRow = { ...(await db.syncStatus.get(subscriptionId)), subscriptionId, ...changes };
    for (const key of Object.keys(row) as (keyof SyncStatusRow)[]) if (row[key] === undefined) delete row[key];
    await db.syncStatus.put(row);
  });
}
