import { entryOf } from '../arxiv/entry';
import { listSubscriptions } from '../db/subscriptions';
import { libraryEntries } from '../db/library';
import type { StoredPaper } from '../db/schema';
import { getSettings } from '../settings';
import type { Subscription } from '../subscription';
import { SUBSCRIPTION_KEYS } from '../schema/subscription';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type BackupLibraryItem } from './format';

/** Only the fields the format names: what the database adds for itself stays out of the file. */
function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

const exportedSubscription = (s: Subscription): Subscription => pick(s, SUBSCRIPTION_KEYS);

/** Everything the user made: subscriptions, the library with its papers, tags and notes, settings. */
export async function createBackup(now: Date): Promise<Backup> {
  const [subscriptions, library, settings] = await Promise.all([listSubscriptions(), libraryEntries(), getSettings()]);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    subscriptions: subscriptions.map(exportedSubscription),
    library: library.map(({ item, paper }) => {
      const out: BackupLibraryItem = { id: item.id, savedAt: item.savedAt, tags: [...item.tags], note: item.note };
      // A save still waiting for arXiv has no metadata yet; the import keeps it waiting.
      if (paper && !item.pending) out.paper = entryOf(paper);
      return out;
    }),
    settings,
  };
}

export const backupJson = (backup: Backup): string => `${JSON.stringify(backup, null, 2)}\n`;

/** `paper-radar-backup-2026-08-14.json`, in the user's local date. */
export function backupFilename(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `paper-radar-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
