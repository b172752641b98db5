import { db } from '../db/db';
import { settingsItem } from '../settings';

/**
 * Deletes everything Paper Radar stored: papers, library, subscriptions, sync state, and the
 * settings. The time of the last request to arXiv stays, so the rate limit holds after a reset.
 */
export async function eraseEverything(): Promise<void> {
  await db.transaction('rw', [db.papers, db.library, db.subscriptions, db.syncStatus, db.meta, db.extras], async () => {
    await Promise.all([db.papers.clear(), db.library.clear(), db.subscriptions.clear(), db.syncStatus.clear(), db.meta.clear(), db.extras.clear()]);
  });
  await settingsItem.removeValue();
}
