import { db } from './db';

/**
 * Runs `work` (calls of this module's functions) in one read-write transaction over every table:
 * all of its writes are kept, or none. For steps that must not be half done, such as a page of
 * papers stored together with the sync's progress, or an import.
 */
export function atomically<T>(work: () => Promise<T>): Promise<T> {
  return db.transaction('rw', db.tables, work);
}

/** Runs `work` in one read-only transaction over every table: what it reads is one moment's state. */
export function readTogether<T>(work: () => Promise<T>): Promise<T> {
  return db.transaction('r', db.tables, work);
}
