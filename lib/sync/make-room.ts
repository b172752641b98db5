import { freeRoom } from '../db/retention';
import { isQuotaError } from '../db/storage-errors';
import { listSubscriptions } from '../db/subscriptions';

/** The fewest papers per subscription kept, even when storage is full (the settings' minimum). */
const MIN_KEEP = 10;
/** After a full storage, wait this long before trying again: the user may free some space. */
export const STORAGE_FULL_RETRY_MS = 60 * 60_000;

export const storageFullMessage =
  'Your browser has no storage space left for Paper Radar, even after removing older papers that were not saved. ' +
  'Free some disk space, or lower "papers per subscription" in the options. Saved papers were not touched.';

export const keptFewerMessage = (kept: number, wanted: number) =>
  `Your browser ran out of storage space for Paper Radar, so it now keeps the newest ${kept} papers per subscription ` +
  `instead of ${wanted}. Saved papers were not touched.`;

/**
 * Frees space when storage is full: every subscription keeps half as many papers (never fewer
 * than MIN_KEEP). Retention never removes saved papers. Returns the smaller number kept, or
 * null when it cannot shrink any further or the disk refuses even the deletions.
 */
export async function makeRoom(keep: number): Promise<number | null> {
  const smaller = Math.max(MIN_KEEP, Math.floor(keep / 2));
  if (smaller >= keep) return null;
  try {
    for (const { id } of await listSubscriptions()) await freeRoom(id, smaller);
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    return null;
  }
  return smaller;
}
