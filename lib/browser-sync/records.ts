import * as v from 'valibot';
import { queryKey } from '../backup/merge';
import { markReadAt, markUnread } from '../db/feed';
import { allLibraryItems, putSyncedLibraryItem, unsavePaper } from '../db/library';
import { getPapers } from '../db/papers';
import { markNotInterestedAt, notInterestedIds, takeBackNotInterested } from '../db/ranking';
import { deleteSubscription, listSubscriptions, renameSubscription, restoreSubscription } from '../db/subscriptions';
import { LIMITS } from '../schema/limits';
import { readValue, RowSchema } from '../schema/synced';
import { DEFAULT_SETTINGS, getSettings, updateSettings, type Settings } from '../settings';
import type { Subscription } from '../subscription';
import type { SyncedRecord } from './merge';

/** A note cut for sync ends in this here, when the whole note is not here already. */
export const CUT_MARK = '…';

type NoteValue = { n: string; c?: 1 };

/** A note as it travels: whole when short, else its first LIMITS.syncedNote characters, marked as cut. */
function syncedNote(note: string): NoteValue {
  return note.length <= LIMITS.syncedNote ? { n: note } : { n: note.slice(0, LIMITS.syncedNote), c: 1 };
}

/**
 * Everything of this browser that travels, by record key (see lib/schema/synced.ts): with the
 * read marks of the recent papers, `reads` (paper id → when it was read).
 */
export async function localRecords(reads: ReadonlyMap<string, number> = new Map()): Promise<Map<string, unknown>> {
  const [subscriptions, settings, library, dismissed] = await Promise.all([listSubscriptions(), getSettings(), allLibraryItems(), notInterestedIds()]);
  const records = new Map<string, unknown>();
  for (const { id, ...fields } of subscriptions) records.set(`s:${id}`, fields);
  for (const [name, value] of Object.entries(settings)) records.set(`o:${name}`, value);
  for (const item of library) {
    records.set(`l:${item.id}`, item.savedAt);
    if (item.tags.length > 0) records.set(`g:${item.id}`, item.tags);
    if (item.note !== '') records.set(`m:${item.id}`, syncedNote(item.note));
  }
  const papers = await getPapers(dismissed);
  papers.forEach((paper, i) => paper?.notInterestedAt !== undefined && records.set(`n:${dismissed[i]}`, paper.notInterestedAt));
  for (const [id, readAt] of reads) records.set(`r:${id}`, readAt);
  return records;
}

/**
 * The records of a shard's rows, every one checked: one that does not fit refuses the whole
 * shard (never half of it is applied). Throws with the reason.
 */
export function readRows(rows: readonly unknown[]): Map<string, SyncedRecord> {
  const records = new Map<string, SyncedRecord>();
  rows.forEach((row, i) => {
    try {
      const [key, t, value] = v.parse(RowSchema, row) as [string, number, unknown?];
      records.set(key, (row as unknown[]).length === 2 ? { t } : { t, v: readValue(key, value) });
    } catch (error) {
      throw new Error(`record ${i + 1}: ${error instanceof v.ValiError ? error.issues[0]?.message : (error as Error).message}`);
    }
  });
  return records;
}

/**
 * On first contact (this browser never synced), what both sides have is merged rather than
 * chosen: a paper saved on both keeps the tags of both and a note; a subscription that watches
 * what one of the synced set watches takes its id (its papers follow); settings are the synced set's.
 */
export async function joinSyncedSet(local: Map<string, unknown>, remote: ReadonlyMap<string, SyncedRecord>): Promise<Map<string, unknown>> {
  const joined = new Map(local);
  const remoteQueries = new Map<string, string>();
  for (const [key, record] of remote) if (key.startsWith('s:') && record.v) remoteQueries.set(queryKey(record.v as Subscription), key.slice(2));
  for (const [key, value] of local) {
    const there = remote.get(key);
    if (key.startsWith('o:') && remote.has(key)) joined.delete(key);
    else if (key.startsWith('l:') && typeof there?.v === 'number') joined.set(key, Math.min(value as number, there.v));
    else if (key.startsWith('g:') && Array.isArray(there?.v)) joined.set(key, [...new Set([...(value as string[]), ...(there.v as string[])])].slice(0, LIMITS.tags));
    else if (key.startsWith('s:') && !there) {
      const same = remoteQueries.get(queryKey(value as Subscription));
      if (same && same !== key.slice(2)) {
        await renameSubscription(key.slice(2), same);
        joined.delete(key);
        joined.set(`s:${same}`, value);
      }
    }
  }
  return joined;
}

export interface Applied {
  /** Subscriptions that arrived: their papers are to be fetched. */
  subscriptions: string[];
  /** Saved papers that arrived without metadata here: to be fetched by id. */
  pending: boolean;
  /** Saves or "not interested" marks changed: what the For-you order learns from. */
  labels: boolean;
}

/** Stores here what the synced set has that differs (undefined: delete here). */
export async function applyRecords(apply: ReadonlyMap<string, unknown>, local: ReadonlyMap<string, unknown>): Promise<Applied> {
  const applied: Applied = { subscriptions: [], pending: false, labels: false };
  const settings: Partial<Settings> = {};
  const undismiss: string[] = [];
  const dismiss = new Map<string, number>();
  const read = new Map<string, number>();
  const unread: string[] = [];
  const saved = new Set<string>();
  for (const [key, value] of apply) {
    const name = key.slice(2);
    switch (key.slice(0, 2)) {
      case 's:':
        if (value === undefined) await deleteSubscription(name);
        else {
          if (!local.has(key)) applied.subscriptions.push(name);
          await restoreSubscription({ ...(value as Omit<Subscription, 'id'>), id: name });
        }
        break;
      case 'o:':
        (settings as Record<string, unknown>)[name] = value === undefined ? DEFAULT_SETTINGS[name as keyof Settings] : value;
        break;
      case 'l:':
      case 'g:':
      case 'm:':
        saved.add(name);
        break;
      case 'n:':
        applied.labels = true;
        // The mark keeps its own time, so this browser's record reads the same as the synced one.
        if (value === undefined) undismiss.push(name);
        else dismiss.set(name, value as number);
        break;
      case 'r:':
        // Papers not stored here are passed over; one that arrives later is marked then (see the syncer).
        if (value === undefined) unread.push(name);
        else read.set(name, value as number);
        break;
    }
  }
  if (saved.size > 0) applied.labels = true;
  if (dismiss.size > 0) await markNotInterestedAt(dismiss);
  if (read.size > 0) await markReadAt(read);
  if (unread.length > 0) await markUnread(unread);
  if (saved.size > 0) applied.pending = await applyLibrary(saved, apply, local);
  if (Object.keys(settings).length > 0) await updateSettings(settings);
  if (undismiss.length > 0) await takeBackNotInterested(undismiss);
  return applied;
}

/**
 * The saved papers among `ids` as the synced set has them: unsaved where their saving was
 * deleted, else with the synced time, tags and note where those changed. Returns whether any
 * arrived without metadata here.
 */
async function applyLibrary(ids: Set<string>, apply: ReadonlyMap<string, unknown>, local: ReadonlyMap<string, unknown>): Promise<boolean> {
  const items = new Map((await allLibraryItems()).map((item) => [item.id, item]));
  let pending = false;
  const part = <T>(key: string): T | undefined => (apply.has(key) ? (apply.get(key) as T | undefined) : (local.get(key) as T | undefined));
  for (const id of ids) {
    const savedAt = part<number>(`l:${id}`);
    if (savedAt === undefined) {
      if (items.has(id)) await unsavePaper(id);
      continue;
    }
    const whole = items.get(id)?.note ?? '';
    let note = whole;
    if (apply.has(`m:${id}`)) {
      const synced = apply.get(`m:${id}`) as NoteValue | undefined;
      // A cut note does not replace the whole one it was cut from; elsewhere it shows it was cut.
      note = !synced ? '' : !synced.c ? synced.n : whole.startsWith(synced.n) ? whole : `${synced.n}${CUT_MARK}`;
    }
    pending = (await putSyncedLibraryItem(id, savedAt, part<string[]>(`g:${id}`) ?? [], note)) || pending;
  }
  return pending;
}
