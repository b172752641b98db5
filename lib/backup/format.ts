import type { ArxivEntry } from '../arxiv/entry';
import type { Settings } from '../settings';
import type { Subscription } from '../subscription';

/**
 * The backup file (DESIGN.md): `{ format, version, exportedAt, subscriptions, library, settings }`.
 * A library item carries its paper's metadata so that a fresh browser can show it without asking
 * arXiv; `paper` is left out only for a save whose metadata arXiv has not sent yet.
 */
export const BACKUP_FORMAT = 'paper-radar-backup';
export const BACKUP_VERSION = 1;

/**
 * A saved paper takes about 2.4 KB in the file (measured on the fixtures: 10,000 papers make
 * 24 MB, checked in 0.3 s), so this leaves room for a library of some 20,000 papers. Anything
 * larger is not a backup, and reading it would only freeze the page.
 */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

export interface BackupLibraryItem {
  id: string;
  /** Epoch ms. */
  savedAt: number;
  paper?: ArxivEntry;
  tags: string[];
  note: string;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  subscriptions: Subscription[];
  library: BackupLibraryItem[];
  settings: Settings;
}

/** A backup as read from a file: settings it does not name keep their current value. */
export interface ImportedBackup extends Omit<Backup, 'settings'> {
  settings: Partial<Settings>;
}

/** One thing wrong with an imported file: where (`library[3].paper.title`) and what. */
export interface ImportProblem {
  path: string;
  message: string;
}

export const SUBSCRIPTION_KEYS = [
  'id', 'kind', 'value', 'categories', 'exclude', 'label', 'enabled', 'order', 'createdAt',
] as const satisfies readonly (keyof Subscription)[];

export const ENTRY_KEYS = [
  'id', 'version', 'title', 'summary', 'authors', 'published', 'updated', 'primaryCategory',
  'categories', 'comment', 'journalRef', 'doi', 'absUrl', 'pdfUrl',
] as const satisfies readonly (keyof ArxivEntry)[];
