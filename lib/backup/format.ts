import type { InferOutput } from 'valibot';
import type { Problem } from '../schema/checks';
import type { BackupSchema, LibraryItemSchema } from '../schema/backup';
import type { Settings } from '../settings';

export { BACKUP_FORMAT, BACKUP_VERSION } from '../schema/backup';

/**
 * A saved paper takes about 2.4 KB in the file (measured on the fixtures: 10,000 papers make
 * 24 MB, checked in 0.3 s), so this leaves room for a library of some 20,000 papers. Anything
 * larger is not a backup, and reading it would only freeze the page.
 */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

/** A saved paper in a backup (the fields are described in lib/schema/backup.ts). */
export type BackupLibraryItem = InferOutput<typeof LibraryItemSchema>;

/** A backup as read from a file: settings it does not name keep their current value. */
export type ImportedBackup = InferOutput<typeof BackupSchema>;

/** A backup as Paper Radar writes it: every setting named. */
export type Backup = Omit<ImportedBackup, 'settings'> & { settings: Settings };

/** One thing wrong with an imported file: where (`library[3].paper.title`) and what. */
export type ImportProblem = Problem;
