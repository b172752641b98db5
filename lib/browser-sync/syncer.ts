import { readMarks } from '../db/feed';
import { getPapers } from '../db/papers';
import { getMeta, setMeta } from '../db/meta';
import { decodeShard, encodeShard, itemBytes, SHARD_PREFIX, shardOf, type Shard } from './codec';
import { EMPTY_LEDGER, mergeRecords, type Ledger, type LedgerRecord, type SyncedRecord } from './merge';
import { isKnownKind } from '../schema/synced';
import { applyRecords, joinSyncedSet, localRecords, readRows, type Applied } from './records';

/** The browser's `storage.sync` area (or a stand-in in tests). */
export interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** Chrome's limits for `storage.sync` (Firefox has the same byte limits). */
export const QUOTA = { bytes: 102_400, itemBytes: 8_192, items: 512 } as const;
/** Room kept free of the quota, for another browser's change in flight and the keys' own bytes. */
const HEADROOM = 4_096;
/** A shard above this is split (the shards double): it must stay under the per-item limit after its next change. */
const SPLIT_AT = 6_500;
const FIRST_SHARDS = 8;

export interface SyncStatus {
  /** When this browser last agreed with the synced set. */
  lastSyncAt?: number;
  /** Bytes of `storage.sync` that Paper Radar's items take. */
  bytes: number;
  /** Saved papers that do not travel because the synced data is full (they stay here). */
  notSynced: number;
  /** What went wrong, in plain words (a shard another browser wrote that cannot be read, a full quota). */
  problem?: string;
}

export interface BrowserSyncOptions {
  area: SyncArea;
  now: () => number;
  enabled: () => Promise<boolean>;
  setStatus: (status: SyncStatus) => Promise<void>;
  /** What arrived needs work: papers of new subscriptions, metadata of saved papers. */
  onApplied: (applied: Applied) => void;
  debounceMs?: number;
  readsDelayMs?: number;
}

const LEDGER_KEY = 'browserSyncLedger';
/**
 * Read marks travel for the papers that arrived and were read in this time, less a day, and are
 * forgotten after it (by when the paper was read, which every browser agrees on): the papers a
 * reader still meets unread on another computer. The day between is for clocks that differ: a
 * browser whose clock runs behind has stopped sending a mark before one ahead forgets it.
 */
export const READ_MARKS_MS = 14 * 86_400_000;
const READ_MARKS_SENT_MS = READ_MARKS_MS - 86_400_000;
/** Read marks sent at most (the latest): some 19 KB of the 100 KB, and a bounded ledger after "Mark all as read". */
const MAX_READ_MARKS = 2000;
/** Changes within this time make one write: Chrome allows 120 writes a minute and 1,800 an hour. */
const DEBOUNCE_MS = 2_000;
/** Read marks wait this long for the next merge: at most three writes a minute while a reader reads. */
const READS_DELAY_MS = 20_000;

/**
 * Keeps this browser and the reader's other browsers in step through the browser's own sync:
 * reads the synced set, merges it with what changed here (lib/browser-sync/merge.ts), stores
 * here what the others changed, and writes back only the shards that changed, in one write.
 */
export class BrowserSync {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(private readonly options: BrowserSyncOptions) {}

  /** Something synced changed here or there: merge soon (changes in quick succession make one write). */
  schedule(delayMs = this.options.debounceMs ?? DEBOUNCE_MS): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run().catch((error: unknown) => console.error('Paper Radar: browser sync failed', error));
    }, delayMs);
  }

  /** Merges no more: drops a merge asked for, and resolves when one in progress is done. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.again = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /**
   * Papers were written here (read marks among them): merge within a while, or sooner when a
   * merge is due anyway. A reader marks papers read every few seconds; Chrome allows 1,800
   * writes an hour.
   */
  scheduleReads(): void {
    if (this.timer === undefined) this.schedule(this.options.readsDelayMs ?? READS_DELAY_MS);
  }

  /** Merges now, or right after the merge in progress. */
  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.merge().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    });
    return this.running;
  }

  onChanged(changes: Record<string, unknown>, area: string): void {
    if ((area === 'sync' && Object.keys(changes).some((key) => key.startsWith(SHARD_PREFIX))) || (area === 'local' && 'settings' in changes)) this.schedule();
  }

  private async merge(): Promise<void> {
    const { area, now } = this.options;
    if (!(await this.options.enabled())) return;
    const items = await area.get(null);
    const { remote, problems } = await readShards(items);
    const since = now() - READ_MARKS_MS;
    const marks = await readMarks(since, now() - READ_MARKS_SENT_MS, MAX_READ_MARKS);
    let local = await localRecords(marks.read);
    const ledger = (await getMeta<Ledger>(LEDGER_KEY)) ?? EMPTY_LEDGER;
    if (Object.keys(ledger.records).length === 0) local = await joinSyncedSet(local, remote);
    // A mark on a paper not stored here (it is elsewhere) is not a deletion.
    const marked = Object.keys(ledger.records).filter((key) => key.startsWith('n:')).map((key) => key.slice(2));
    const stored = new Set((await getPapers(marked)).flatMap((p) => (p ? [p.id] : [])));
    // A read mark missing here was marked unread here only if its paper is here, unread, and was
    // marked read here before; else the paper is not here, was read long ago, or arrived after
    // its mark (it is marked below).
    const keep = (key: string, known: LedgerRecord) =>
      !isKnownKind(key) || (key.startsWith('n:') && !stored.has(key.slice(2))) || (key.startsWith('r:') && (!marks.unread.has(key.slice(2)) || !known.here));
    // Read marks are forgotten two weeks after the reading, and where another browser forgot one.
    const forget = (key: string, record: SyncedRecord) => key.startsWith('r:') && (((record.v as number | undefined) ?? record.t) < since || (!remote.has(key) && !local.has(key)));
    const result = mergeRecords(local, remote, ledger, now(), keep, forget);
    for (const [key, record] of result.merged) {
      if (!key.startsWith('r:')) continue;
      const { here: _here, ...agreed } = result.ledger.records[key]!;
      const unread = marks.unread.has(key.slice(2));
      if (unread && record.v !== undefined && !local.has(key)) result.apply.set(key, record.v);
      result.ledger.records[key] = record.v !== undefined && (local.has(key) || unread) ? { ...agreed, here: 1 } : agreed;
    }
    this.options.onApplied(await applyRecords(result.apply, local));
    const { writes, removals, bytes, notSynced } = await layout(result.merged, items);
    if (Object.keys(writes).length > 0) await area.set(writes);
    if (removals.length > 0) await area.remove(removals);
    await setMeta(LEDGER_KEY, result.ledger);
    const problem = [...problems, ...(notSynced > 0 ? [`The browser’s sync is full: ${notSynced} saved papers stay on this computer only.`] : [])].join(' ') || undefined;
    await this.options.setStatus({ lastSyncAt: now(), bytes, notSynced, ...(problem ? { problem } : {}) });
  }
}

/** Every record of every shard that can be read; a shard that cannot is left out whole, and said why. */
async function readShards(items: Record<string, unknown>): Promise<{ remote: Map<string, SyncedRecord>; problems: string[] }> {
  const remote = new Map<string, SyncedRecord>();
  const problems: string[] = [];
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(SHARD_PREFIX)) continue;
    try {
      for (const [recordKey, record] of readRows(await decodeShard(value))) {
        const seen = remote.get(recordKey);
        if (!seen || seen.t < record.t) remote.set(recordKey, record);
      }
    } catch (error) {
      problems.push(`A synced item from another browser (${key}) could not be read and was ignored: ${(error as Error).message}.`);
    }
  }
  return { remote, problems };
}

/**
 * Spreads the records over shards (doubling their number while one is too large) and keeps to
 * the quota: when everything does not fit, read marks travel only as far as there is room, the
 * latest first, and then the saved papers saved longest ago stay here only.
 * Returns only the shards whose content changed.
 */
async function layout(merged: Map<string, SyncedRecord>, current: Record<string, unknown>) {
  const all = [...merged].sort(([a], [b]) => (a < b ? -1 : 1));
  const isRead = (key: string) => key.startsWith('r:');
  const reads = all.filter(([key]) => isRead(key)).sort(([, a], [, b]) => b.t - a.t);
  const records = all.filter(([key]) => !isRead(key));
  // What must travel first: settings, subscriptions, "not interested" marks; then saved papers
  // (their time, tags and note together), the latest saved first; then read marks.
  const isSaved = (key: string) => key.startsWith('l:') || key.startsWith('g:') || key.startsWith('m:');
  const savedAt = new Map(records.flatMap(([key, record]) => (key.startsWith('l:') && typeof record.v === 'number' ? [[key.slice(2), record.v]] : [])));
  const byPaper = new Map<string, [string, SyncedRecord][]>();
  for (const record of records.filter(([key]) => isSaved(key))) {
    const id = record[0].slice(2);
    byPaper.set(id, [...(byPaper.get(id) ?? []), record]);
  }
  const library = [...byPaper].sort(([a], [b]) => (savedAt.get(b) ?? Infinity) - (savedAt.get(a) ?? Infinity)).map(([, group]) => group);
  const rest = records.filter(([key]) => !isSaved(key));
  const limit = QUOTA.bytes - HEADROOM;
  const fit = async (saves: number, marks: number) => {
    const shards = await spread([...rest, ...library.slice(0, saves).flat(), ...reads.slice(0, marks)]);
    return { shards, saves, bytes: Object.entries(shards).reduce((sum, [key, shard]) => sum + itemBytes(key, shard), 0) };
  };
  let chosen = await fit(library.length, reads.length);
  if (chosen.bytes > limit && reads.length > 0) {
    // Read marks are left out first; what the rest takes without them says how many fit.
    const withAll = chosen.bytes;
    chosen = await fit(library.length, 0);
    if (chosen.bytes <= limit) {
      for (let marks = Math.floor(reads.length * ((limit - chosen.bytes) / (withAll - chosen.bytes)) * 0.95); marks > 0; marks = Math.floor(marks * 0.9)) {
        const tried = await fit(library.length, marks);
        if (tried.bytes <= limit) {
          chosen = tried;
          break;
        }
      }
    }
  }
  // Then the saves saved longest ago, judged from the bytes per record.
  while (chosen.bytes > limit && chosen.saves > 0) chosen = await fit(Math.max(0, Math.floor(chosen.saves * (limit / chosen.bytes) * 0.95)), 0);
  const { shards, bytes, saves } = chosen;
  const writes: Record<string, Shard> = {};
  for (const [key, shard] of Object.entries(shards)) if ((current[key] as Shard | undefined)?.z !== shard.z || (current[key] as Shard | undefined)?.n !== shard.n) writes[key] = shard;
  const removals = Object.keys(current).filter((key) => key.startsWith(SHARD_PREFIX) && !(key in shards));
  return { writes, removals, bytes, notSynced: library.length - saves };
}

async function spread(records: [string, SyncedRecord][]): Promise<Record<string, Shard>> {
  for (let shards = FIRST_SHARDS; ; shards *= 2) {
    const groups = Array.from({ length: shards }, (): [string, SyncedRecord][] => []);
    for (const record of records) groups[shardOf(record[0], shards)]!.push(record);
    const encoded: Record<string, Shard> = {};
    let fits = true;
    for (const [i, group] of groups.entries()) {
      if (group.length === 0) continue;
      const shard = await encodeShard(group, shards);
      if (itemBytes(`${SHARD_PREFIX}${i}`, shard) > SPLIT_AT) fits = false;
      encoded[`${SHARD_PREFIX}${i}`] = shard;
    }
    if (fits || shards >= QUOTA.items / 2) return encoded;
  }
}
