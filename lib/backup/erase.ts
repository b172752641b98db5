import { browserSyncEnabled, browserSyncStatus } from '../browser-sync/preferences';
import { clearDatabase } from '../db/erase';
import { settingsItem } from '../settings';

/**
 * Deletes everything Paper Radar stored on this computer: papers, library, subscriptions, sync
 * state, and the settings. The time of the last request to arXiv stays (it is not in the
 * database), so the rate limit holds after a reset. Syncing with the reader's other browsers
 * is turned off first: they keep their copy, and it must not come straight back here.
 */
export async function eraseEverything(): Promise<void> {
  await browserSyncEnabled.setValue(false);
  await browserSyncStatus.removeValue();
  await clearDatabase();
  await settingsItem.removeValue();
}
