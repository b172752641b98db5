import { lintQuery } from '../arxiv/query';
import { DEFAULT_SETTINGS, MIN_SYNC_INTERVAL_FLOOR_MINUTES, PAPERS_PER_SUBSCRIPTION_RANGE, type Settings, type Theme } from '../settings';
import type { Subscription, SubscriptionKind } from '../subscription';
import { Checker, join } from './checker';
import { readCategory, readEntry, readPaperId } from './entry';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  MAX_BACKUP_BYTES,
  SUBSCRIPTION_KEYS,
  type BackupLibraryItem,
  type ImportProblem,
  type ImportedBackup,
} from './format';

export type BackupReading = { ok: true; backup: ImportedBackup } | { ok: false; problems: ImportProblem[]; more: number };

const LIMITS = {
  subscriptions: 1000,
  library: 200_000,
  query: 2000,
  label: 2000,
  terms: 100,
  term: 500,
  tags: 100,
  tag: 100,
  note: 100_000,
  subscriptionId: 100,
} as const;

const KINDS: readonly SubscriptionKind[] = ['keyword', 'author', 'category', 'raw'];
const THEMES: readonly Theme[] = ['system', 'light', 'dark'];
const SUBSCRIPTION_ID = /^[A-Za-z0-9_-]+$/;
const MAX_MINUTES = 7 * 24 * 60;

function readSubscription(check: Checker, value: unknown, path: string): Subscription | undefined {
  const before = check.problems.length + check.more;
  const s = check.object(value, path, SUBSCRIPTION_KEYS);
  if (!s) return undefined;
  const at = (key: string) => join(path, key);
  const id = check.text(s.id, at('id'), LIMITS.subscriptionId, { nonEmpty: true });
  if (id !== undefined && !SUBSCRIPTION_ID.test(id)) check.fail(at('id'), 'expected letters, digits, "-" and "_" only');
  // Ids key plain objects (counts per subscription): "__proto__" would silently drop its entries.
  else if (id !== undefined && id in Object.prototype) check.fail(at('id'), `"${id}" is a reserved name`);
  const subscription = {
    id,
    kind: check.oneOf(s.kind, at('kind'), KINDS),
    value: check.text(s.value, at('value'), LIMITS.query, { nonEmpty: true }),
    categories: check.list(s.categories, at('categories'), LIMITS.terms, (c, p) => readCategory(check, c, p)),
    exclude: check.list(s.exclude, at('exclude'), LIMITS.terms, (t, p) => check.text(t, p, LIMITS.term)),
    label: check.text(s.label, at('label'), LIMITS.label),
    enabled: check.boolean(s.enabled, at('enabled')),
    order: check.integer(s.order, at('order'), 0, Number.MAX_SAFE_INTEGER),
    createdAt: check.epochMs(s.createdAt, at('createdAt')),
  };
  if (check.problems.length + check.more > before) return undefined;
  const valid = subscription as Subscription;
  // A query arXiv would refuse could never sync: better said now than after every sync.
  for (const problem of lintQuery(valid)) {
    if (problem.severity === 'error') check.fail(at('value'), problem.message);
  }
  return check.problems.length + check.more > before ? undefined : valid;
}

function readTags(check: Checker, value: unknown, path: string): string[] | undefined {
  const tags = check.list(value, path, LIMITS.tags, (t, p) => {
    const tag = check.text(t, p, LIMITS.tag, { nonEmpty: true });
    return tag?.trim();
  });
  return tags && [...new Set(tags)];
}

function readLibraryItem(check: Checker, value: unknown, path: string): BackupLibraryItem | undefined {
  const before = check.problems.length + check.more;
  const l = check.object(value, path, ['id', 'savedAt', 'paper', 'tags', 'note'], ['paper']);
  if (!l) return undefined;
  const at = (key: string) => join(path, key);
  const id = readPaperId(check, l.id, at('id'));
  const paper = l.paper === undefined ? undefined : readEntry(check, l.paper, at('paper'));
  if (id !== undefined && paper !== undefined && paper.id !== id) check.fail(at('paper.id'), `"${paper.id}" differs from the item's id "${id}"`);
  const item = {
    id,
    savedAt: check.epochMs(l.savedAt, at('savedAt')),
    tags: readTags(check, l.tags, at('tags')),
    note: check.text(l.note, at('note'), LIMITS.note),
  };
  if (check.problems.length + check.more > before) return undefined;
  const valid = item as BackupLibraryItem;
  if (paper) valid.paper = paper;
  return valid;
}

function readSettings(check: Checker, value: unknown, path: string): Partial<Settings> | undefined {
  const s = check.object(value, path, Object.keys(DEFAULT_SETTINGS), Object.keys(DEFAULT_SETTINGS));
  if (!s) return undefined;
  const at = (key: string) => join(path, key);
  const settings: Partial<Settings> = {};
  const present = (key: keyof Settings) => Object.hasOwn(s, key);
  const flag = (key: 'notifications' | 'showFigures' | 'aiHeadlines') => {
    if (!present(key)) return;
    const read = check.boolean(s[key], at(key));
    if (read !== undefined) settings[key] = read;
  };
  flag('notifications');
  flag('showFigures');
  flag('aiHeadlines');
  if (present('papersPerSubscription')) {
    const { min, max } = PAPERS_PER_SUBSCRIPTION_RANGE;
    const read = check.integer(s.papersPerSubscription, at('papersPerSubscription'), min, max);
    if (read !== undefined) settings.papersPerSubscription = read;
  }
  if (present('minSyncIntervalMinutes')) {
    const read = check.integer(s.minSyncIntervalMinutes, at('minSyncIntervalMinutes'), MIN_SYNC_INTERVAL_FLOOR_MINUTES, MAX_MINUTES);
    if (read !== undefined) settings.minSyncIntervalMinutes = read;
  }
  if (present('theme')) {
    const read = check.oneOf(s.theme, at('theme'), THEMES);
    if (read !== undefined) settings.theme = read;
  }
  return settings;
}

/** Notes every id that appears twice: a backup written by Paper Radar never has one. */
function checkUnique(check: Checker, ids: readonly string[], path: string, what: string): void {
  const first = new Map<string, number>();
  ids.forEach((id, i) => {
    const seen = first.get(id);
    if (seen === undefined) first.set(id, i);
    else check.fail(`${path}[${i}].id`, `the ${what} "${id}" appears twice (also at ${path}[${seen}])`);
  });
}

/** What the file is, before how it is wrong: a stranger's JSON gets one line, not fifty. */
function readHeader(check: Checker, value: unknown): Record<string, unknown> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return check.fail('', 'this is not a Paper Radar backup (expected a JSON object with "format": "paper-radar-backup")');
  }
  const root = value as Record<string, unknown>;
  if (root.format !== BACKUP_FORMAT) {
    return check.fail('format', `expected "${BACKUP_FORMAT}": this is not a Paper Radar backup`);
  }
  if (root.version !== BACKUP_VERSION) {
    const newer = typeof root.version === 'number' && root.version > BACKUP_VERSION;
    return check.fail('version', newer
      ? `this backup was written by a newer Paper Radar (format version ${root.version}); update Paper Radar, then import it`
      : `expected ${BACKUP_VERSION}, found ${String(JSON.stringify(root.version)).slice(0, 40)}`);
  }
  return check.object(root, '', ['format', 'version', 'exportedAt', 'subscriptions', 'library', 'settings']);
}

function readBackup(check: Checker, value: unknown): ImportedBackup | undefined {
  const b = readHeader(check, value);
  if (!b) return undefined;
  const backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: check.isoDate(b.exportedAt, 'exportedAt'),
    subscriptions: check.list(b.subscriptions, 'subscriptions', LIMITS.subscriptions, (s, p) => readSubscription(check, s, p)),
    library: check.list(b.library, 'library', LIMITS.library, (l, p) => readLibraryItem(check, l, p)),
    settings: readSettings(check, b.settings, 'settings'),
  };
  if (backup.subscriptions) checkUnique(check, backup.subscriptions.map((s) => s.id), 'subscriptions', 'subscription');
  if (backup.library) checkUnique(check, backup.library.map((l) => l.id), 'library', 'paper');
  return check.problems.length + check.more === 0 ? (backup as ImportedBackup) : undefined;
}

/**
 * Reads a backup file's text. Everything is checked before anything is used: the result is
 * either the whole backup, or every problem found (path and what is wrong), never a part.
 */
export function parseBackup(text: string): BackupReading {
  const check = new Checker();
  if (text.length > MAX_BACKUP_BYTES) {
    check.fail('', `the file is larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MB: not a Paper Radar backup`);
    return { ok: false, problems: check.problems, more: 0 };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    check.fail('', `not valid JSON (${(error as Error).message})`);
    return { ok: false, problems: check.problems, more: 0 };
  }
  const backup = readBackup(check, value);
  return backup ? { ok: true, backup } : { ok: false, problems: check.problems, more: check.more };
}

/** Reads a chosen file; its size is checked before its bytes are read. */
export async function readBackupFile(file: Blob): Promise<BackupReading> {
  if (file.size > MAX_BACKUP_BYTES) {
    const megabytes = Math.round(file.size / 1024 / 1024);
    const message = `the file is ${megabytes} MB, more than the ${MAX_BACKUP_BYTES / 1024 / 1024} MB a backup can be: not a Paper Radar backup`;
    return { ok: false, problems: [{ path: '', message }], more: 0 };
  }
  return parseBackup(await file.text());
}

/** A problem as one line: `library[3].paper.title: expected text`. */
export function describeProblem(problem: ImportProblem): string {
  return problem.path === '' ? capitalize(problem.message) : `${problem.path}: ${problem.message}`;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
