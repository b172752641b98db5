import { clearDatabase } from '../db/erase';
import { settingsItem } from '../settings';

/**
 * Deletes everything Paper Radar stored: papers, library, subscriptions, sync state, and the
 * settings. The time of the last request to arXiv stays (it is not in the database), so the
 * rate limit holds after a reset.
 */
export async function eraseEverything(): Promise<void> {
  await clearDatabase();
  await settingsItem.removeValue();
}
