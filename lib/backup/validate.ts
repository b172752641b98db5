import * as v from 'valibot';
import { problemsOf } from '../schema/checks';
import { BackupSchema } from '../schema/backup';
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_BYTES, type ImportedBackup, type ImportProblem } from './format';

export type BackupReading = { ok: true; backup: ImportedBackup } | { ok: false; problems: ImportProblem[]; more: number };

/** Beyond this many problems a file is plainly not a backup; listing more helps nobody. */
const MAX_PROBLEMS = 50;

const failed = (problems: ImportProblem[]): BackupReading => ({ ok: false, problems: problems.slice(0, MAX_PROBLEMS), more: Math.max(0, problems.length - MAX_PROBLEMS) });

/** What the file is, before how it is wrong: a stranger's JSON gets one line, not fifty. */
function headerProblem(value: unknown): ImportProblem | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { path: '', message: 'this is not a Paper Radar backup (expected a JSON object with "format": "paper-radar-backup")' };
  }
  const root = value as Record<string, unknown>;
  if (root.format !== BACKUP_FORMAT) return { path: 'format', message: `expected "${BACKUP_FORMAT}": this is not a Paper Radar backup` };
  if (root.version === BACKUP_VERSION) return undefined;
  const newer = typeof root.version === 'number' && root.version > BACKUP_VERSION;
  return {
    path: 'version',
    message: newer
      ? `this backup was written by a newer Paper Radar (format version ${root.version}); update Paper Radar, then import it`
      : `expected ${BACKUP_VERSION}, found ${String(JSON.stringify(root.version)).slice(0, 40)}`,
  };
}

/**
 * What a file that is no JSON probably is, in the reader's words: a library exported as BibTeX
 * or RIS was chosen for the backup it sits beside.
 */
function notJson(text: string): string {
  const start = text.trimStart().slice(0, 200);
  if (/^@[a-z]+\s*\{/i.test(start)) return 'a BibTeX file, not a Paper Radar backup: choose the .json file Export backup wrote';
  if (/^TY {2}- /.test(start)) return 'a RIS file, not a Paper Radar backup: choose the .json file Export backup wrote';
  return 'not valid JSON, so not a Paper Radar backup';
}

/**
 * Reads a backup file's text. Everything is checked before anything is used: the result is
 * either the whole backup, or every problem found (path and what is wrong), never a part.
 */
export function parseBackup(text: string): BackupReading {
  if (text.length > MAX_BACKUP_BYTES) return failed([{ path: '', message: `the file is larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MB: not a Paper Radar backup` }]);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return failed([{ path: '', message: `${notJson(text)} (${(error as Error).message})` }]);
  }
  const header = headerProblem(value);
  if (header) return failed([header]);
  const reading = v.safeParse(BackupSchema, value);
  return reading.success ? { ok: true, backup: reading.output } : failed(problemsOf(reading.issues));
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
