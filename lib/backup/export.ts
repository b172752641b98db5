import { entryOf } from '../arxiv/entry';
import { listSubscriptions } from '../db/subscriptions';
import { libraryEntries } from '../db/library';
import type { StoredPaper } from '../db/schema';
import { getSettings } from '../settings';
import type { Subscription } from '../subscription';
import { LIMITS } from '../schema/limits';
import { SUBSCRIPTION_KEYS } from '../schema/subscription';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type BackupLibraryItem } from './format';

/** Only the fields the format names: what the database adds for itself stays out of the file. */
function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

const exportedSubscription = (s: Subscription): Subscription => pick(s, SUBSCRIPTION_KEYS);

/** Text cut to `max` characters, the cut marked with an ellipsis. */
const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * The user's text within the limits a backup is checked against (lib/schema/limits.ts). What the
 * pages let the user type already fits; this is for what was stored before the limits were
 * enforced where the user types (a 300-character tag), so that an exported file always imports.
 */
const fittedTags = (tags: readonly string[]) =>
  [...new Set(tags.map((tag) => cut(tag.trim(), LIMITS.tag)).filter((tag) => tag !== ''))].slice(0, LIMITS.tags);

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export interface ExportedBackup {
  backup: Backup;
  /** Tags, notes and names that were longer (or more) than a backup holds, shortened in the file. */
  shortened: number;
}

/** Everything the user made: subscriptions, the library with its papers, tags and notes, settings. */
export async function exportBackup(now: Date): Promise<ExportedBackup> {
  const [subscriptions, library, settings] = await Promise.all([listSubscriptions(), libraryEntries(), getSettings()]);
  let shortened = 0;
  const fit = <T>(before: T, after: T, same: boolean): T => {
    if (!same) shortened += 1;
    return same ? before : after;
  };
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    subscriptions: subscriptions.map((subscription) => {
      const out = exportedSubscription(subscription);
      const label = cut(out.label, LIMITS.label);
      return fit(out, { ...out, label }, label === out.label);
    }),
    library: library.map(({ item, paper }) => {
      const tags = fittedTags(item.tags);
      const note = cut(item.note, LIMITS.note);
      const out: BackupLibraryItem = {
        id: item.id,
        savedAt: item.savedAt,
        tags: fit([...item.tags], tags, sameList(tags, item.tags)),
        note: fit(item.note, note, note === item.note),
      };
      // A save still waiting for arXiv has no metadata yet; the import keeps it waiting.
      if (paper && !item.pending) out.paper = entryOf(paper);
      return out;
    }),
    settings,
  };
  return { backup, shortened };
}

export const createBackup = async (now: Date): Promise<Backup> => (await exportBackup(now)).backup;

export const backupJson = (backup: Backup): string => `${JSON.stringify(backup, null, 2)}\n`;

/** `paper-radar-backup-2026-08-14.json`, in the user's local date. */
export function backupFilename(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `paper-radar-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
