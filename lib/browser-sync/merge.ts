/**
 * Merging what a person made across their browsers: every record (a subscription, a setting, a
 * saved paper, a "not interested" mark) carries the time of its last change, and the later
 * change wins, record by record; a deletion is a record too (a tombstone), kept long enough for
 * the other browsers to see it. Times come from a hybrid clock: never behind any time seen from
 * another browser, so a browser whose clock runs late still orders its changes after those it
 * has seen.
 */

export interface SyncedRecord {
  /** When it last changed (hybrid clock, epoch ms). */
  t: number;
  /** The value; absent for a deletion. */
  v?: unknown;
}

/** What this browser last agreed with the synced set: each record's time and value (as JSON). */
export interface Ledger {
  clock: number;
  /** `here`: the record was in this browser then (a read mark of a paper stored here, say). */
  records: Record<string, LedgerRecord>;
}

export interface LedgerRecord {
  t: number;
  json?: string;
  here?: 1;
}

export const EMPTY_LEDGER: Ledger = { clock: 0, records: {} };

/** A deletion is kept this long, then forgotten: a browser away longer than this may bring the record back. */
export const TOMBSTONE_MS = 90 * 86_400_000;

export interface MergeResult {
  /** Records where the synced set differs from this browser: the value to store here, undefined to delete. */
  apply: Map<string, unknown>;
  /** The synced set as it should be now (what to write). */
  merged: Map<string, SyncedRecord>;
  ledger: Ledger;
}

/** JSON with object keys in order: the same value reads the same in every browser, however it was built. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

const json = (value: unknown) => (value === undefined ? undefined : canonical(value));

/** Ties (the same time on two browsers) go the same way everywhere: by the value's text. */
function later(a: SyncedRecord, b: SyncedRecord): SyncedRecord {
  if (a.t !== b.t) return a.t > b.t ? a : b;
  return (json(a.v) ?? '') >= (json(b.v) ?? '') ? a : b;
}

/**
 * Merges this browser's records (`local`: key → value, as they are now) with the synced set
 * (`remote`), given what was last agreed (`ledger`). A local value that differs from the ledger
 * changed here since; a ledger record missing locally was deleted here. `keep` names local
 * records that only look deleted (a mark on a paper not stored here) and must not be; `forget`
 * names records no browser needs any more (a read mark of a paper long gone from the feeds),
 * dropped whatever their value.
 */
export function mergeRecords(
  local: ReadonlyMap<string, unknown>,
  remote: ReadonlyMap<string, SyncedRecord>,
  ledger: Ledger,
  now: number,
  keep: (key: string, known: LedgerRecord) => boolean = () => false,
  forget: (key: string, record: SyncedRecord) => boolean = () => false,
): MergeResult {
  let clock = ledger.clock;
  for (const record of remote.values()) clock = Math.max(clock, record.t);
  const stamp = () => (clock = Math.max(now, clock + 1));
  const mine = new Map<string, SyncedRecord>();
  for (const key of new Set([...local.keys(), ...Object.keys(ledger.records)])) {
    const known = ledger.records[key];
    const value = local.get(key);
    const text = json(value);
    if (value === undefined && known && keep(key, known)) mine.set(key, { t: known.t, v: known.json === undefined ? undefined : JSON.parse(known.json) });
    else if (!known || known.json !== text) mine.set(key, { t: stamp(), v: value });
    else mine.set(key, { t: known.t, v: value });
  }
  const apply = new Map<string, unknown>();
  const merged = new Map<string, SyncedRecord>();
  const records: Ledger['records'] = {};
  for (const key of new Set([...mine.keys(), ...remote.keys()])) {
    const here = mine.get(key);
    const there = remote.get(key);
    const winner = here && there ? later(here, there) : (here ?? there)!;
    if ((winner.v === undefined && winner.t < now - TOMBSTONE_MS) || forget(key, winner)) continue; // forgotten
    if (winner !== here && json(winner.v) !== json(local.get(key))) apply.set(key, winner.v);
    merged.set(key, winner);
    const present = apply.has(key) ? winner.v !== undefined : local.has(key);
    records[key] = { t: winner.t, json: json(winner.v), ...(present ? { here: 1 as const } : {}) };
  }
  return { apply, merged, ledger: { clock, records } };
}
