import type { SyncedRecord } from './merge';

/**
 * How records sit in `storage.sync`: spread over a few items ("shards") by a hash of their key,
 * each shard's records as JSON, compressed (deflate), in base64. A record is `[key, time,
 * value]`, or `[key, time]` for a deletion.
 */
export const SHARD_PREFIX = 'pr:s';
export const FORMAT = 1;

export interface Shard {
  /** The format. */
  f: number;
  /** How many shards the writer spread the records over (a reader reads them all anyway). */
  n: number;
  /** The compressed records. */
  z: string;
}

/** FNV-1a: the same key lands in the same shard in every browser. */
export function shardOf(key: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  return (hash >>> 0) % shards;
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, maxBytes: number): Promise<Uint8Array> {
  const output = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  const reader = output.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    // A hostile shard may inflate without bound: stop at what a shard can honestly hold.
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error('a synced item inflates to more than any Paper Radar writes');
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

const toBase64 = (bytes: Uint8Array) => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The most a shard's records take uncompressed: far more than 8 KB of compressed text ever holds honestly. */
const MAX_INFLATED = 256 * 1024;

/**
 * Times are written as offsets from the shard's earliest one (records changed together differ
 * by milliseconds): `[base, [key, offset, value?], ...]`.
 */
export async function encodeShard(records: [string, SyncedRecord][], shards: number): Promise<Shard> {
  const base = records.reduce((min, [, r]) => Math.min(min, r.t), Infinity);
  const rows = records.map(([key, r]) => (r.v === undefined ? [key, r.t - base] : [key, r.t - base, r.v]));
  const deflated = await transform(new TextEncoder().encode(JSON.stringify([Number.isFinite(base) ? base : 0, ...rows])), new CompressionStream('deflate-raw'), Infinity);
  return { f: FORMAT, n: shards, z: toBase64(deflated) };
}

/** The rows of a shard, or an error that says why it cannot be read (never a part of it). */
export async function decodeShard(value: unknown): Promise<unknown[]> {
  if (!value || typeof value !== 'object') throw new Error('a synced item is not a Paper Radar shard');
  const shard = value as Partial<Shard>;
  if (shard.f !== FORMAT) throw new Error(`a synced item was written by ${typeof shard.f === 'number' && shard.f > FORMAT ? 'a newer' : 'another'} Paper Radar`);
  if (typeof shard.z !== 'string' || shard.z.length > 16_384) throw new Error('a synced item has no readable content');
  const inflated = await transform(fromBase64(shard.z), new DecompressionStream('deflate-raw'), MAX_INFLATED);
  const content: unknown = JSON.parse(new TextDecoder().decode(inflated));
  if (!Array.isArray(content) || !Number.isSafeInteger(content[0])) throw new Error('a synced item holds no list of records');
  const [base, ...rows] = content as [number, ...unknown[]];
  // Each row's time back from its offset; a row that is not a list is left for the check to refuse.
  return rows.map((row) => (Array.isArray(row) && Number.isSafeInteger(row[1]) ? [row[0], base + (row[1] as number), ...row.slice(2)] : row));
}

/** Bytes an item takes against the quota: its key and its value as JSON (as Chrome counts them). */
export const itemBytes = (key: string, value: unknown) => key.length + JSON.stringify(value).length;
