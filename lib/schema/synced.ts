import * as v from 'valibot';
import { TagsSchema } from './backup';
import { epochMs, record, text } from './checks';
import { paperId } from './entry';
import { LIMITS } from './limits';
import { SettingsSchema } from './settings';
import { SubscriptionSchema, subscriptionId } from './subscription';

/**
 * What travels between the reader's browsers (lib/browser-sync), checked with the same limits
 * as everything else that crosses a boundary. A record is `[key, time, value]`, or `[key, time]`
 * for a deletion; the key says what it is: `s:<subscription id>`, `o:<setting>`, and for a saved
 * paper `l:<paper id>` (when it was saved), `g:<paper id>` (its tags) and `m:<paper id>` (its
 * note) apart, so that a tag added on one computer and a note written on another both stay;
 * `n:<paper id>` is a "not interested" mark, `r:<paper id>` when a recent paper was read.
 */
export const SyncedNoteSchema = record({
  /** The note, at most LIMITS.syncedNote characters; `c` when it was cut to that. */
  n: text(LIMITS.syncedNote),
  c: v.optional(v.literal(1)),
});

export const RowSchema = v.union([v.strictTuple([text(200), epochMs()]), v.strictTuple([text(200), epochMs(), v.unknown()])], 'a record that is not [key, time, value]');

/** The kinds of record this version knows; a later one may add others. */
const KINDS = new Set(['s:', 'o:', 'l:', 'g:', 'm:', 'n:', 'r:']);

/** Whether this version knows what a record with this key is (and applies it). */
export const isKnownKind = (key: string): boolean => KINDS.has(key.slice(0, 2));

/**
 * The value of a record with this key, checked; throws with the reason when it does not fit. A
 * record of a kind a later version added is passed on as it is: never applied here, and never
 * dropped from what this browser writes back (its shard stays readable to every version).
 */
export function readValue(key: string, value: unknown): unknown {
  const kind = key.slice(0, 2);
  const name = key.slice(2);
  if (!isKnownKind(key) && /^[a-z]:[\w.:/-]{1,120}$/.test(key)) return value;
  if (kind === 's:') {
    v.parse(subscriptionId(), name);
    const { id: _id, ...fields } = v.parse(SubscriptionSchema, { ...(value as object), id: name });
    return fields;
  }
  if (kind === 'o:') {
    const field = (SettingsSchema.entries as Record<string, v.GenericSchema>)[name];
    if (!field) throw new Error(`"${name.slice(0, 40)}" is not a setting`);
    return v.parse(field, value);
  }
  if (kind === 'l:') return (v.parse(paperId(), name), v.parse(epochMs(), value));
  if (kind === 'g:') return (v.parse(paperId(), name), v.parse(TagsSchema, value));
  if (kind === 'm:') return (v.parse(paperId(), name), v.parse(SyncedNoteSchema, value));
  if (kind === 'n:' || kind === 'r:') return (v.parse(paperId(), name), v.parse(epochMs(), value));
  throw new Error(`"${key.slice(0, 40)}" is not a kind of record Paper Radar syncs`);
}

