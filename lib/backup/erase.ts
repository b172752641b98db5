import { db } from '../db/db';
import { clearPapers, PAPER_TABLES } from '../db/papers';
import { settingsItem } from '../settings';

/**
 * Deletes everything Paper Radar stored: papers, library, subscriptions, sync state, and the
 * settings. The time of the last request to arXiv stays, so the rate limit holds after a reset.
 */
export async function eraseEverything(): Promise<void> {
  await db.transaction('rw', [...PAPER_TABLES(), db.library, db.subscriptions, db.syncStatus, db.extras], async () => {
    await Promise.all([clearPapers(), db.library.clear(), db.subscriptions.clear(), db.syncStatus.clear(), db.meta.clear(), db.extras.clear()]);
  });
  await settingsItem.removeValue();
}
