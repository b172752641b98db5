import { describe, expect, it } from 'vitest';
import { EMPTY_LEDGER, mergeRecords, TOMBSTONE_MS, type Ledger, type SyncedRecord } from '../../../lib/browser-sync/merge';

/** One browser: what it has, and what it last agreed with the synced set. */
class Device {
  ledger: Ledger = EMPTY_LEDGER;
  constructor(
    readonly local: Map<string, unknown>,
    /** This browser's clock: it may run late or early. */
    public now: number,
  ) {}

  /** Merges with the synced set as it is in `cloud`, stores what arrived, and writes back. */
  sync(cloud: Map<string, SyncedRecord>): void {
    const result = mergeRecords(this.local, cloud, this.ledger, this.now);
    for (const [key, value] of result.apply) value === undefined ? this.local.delete(key) : this.local.set(key, value);
    this.ledger = result.ledger;
    cloud.clear();
    for (const [key, record] of result.merged) cloud.set(key, record);
  }
}

const T = Date.UTC(2026, 11, 1);
const tagged = (...tags: string[]) => ({ s: T, g: tags, n: '' });

describe('merging what a person made across browsers', () => {
  it('keeps edits made on both sides between two syncs, record by record', () => {
    const cloud = new Map<string, SyncedRecord>();
    const work = new Device(new Map<string, unknown>([['l:1706.03762', tagged('to read')], ['o:theme', 'dark']]), T);
    work.sync(cloud);
    const home = new Device(new Map(), T + 1000);
    home.sync(cloud);
    expect(home.local).toEqual(work.local);
    // Both edit, neither has seen the other's change.
    work.local.set('l:1706.03762', tagged('to read', 'transformers'));
    work.now += 60_000;
    home.local.set('l:1207.7214', tagged('physics'));
    home.local.set('o:theme', 'light');
    home.now += 60_000;
    work.sync(cloud);
    home.sync(cloud);
    work.sync(cloud);
    expect(home.local).toEqual(work.local);
    expect(work.local.get('l:1706.03762')).toEqual(tagged('to read', 'transformers'));
    expect(work.local.get('l:1207.7214')).toEqual(tagged('physics'));
    expect(work.local.get('o:theme')).toBe('light');
  });

  it('lets the later change of one record win, even from a browser whose clock runs an hour late', () => {
    const cloud = new Map<string, SyncedRecord>();
    const fast = new Device(new Map<string, unknown>([['o:theme', 'dark']]), T + 3_600_000);
    fast.sync(cloud);
    const slow = new Device(new Map(), T);
    slow.sync(cloud);
    // The late browser changes the theme after it saw the other's change: its change is newer.
    slow.local.set('o:theme', 'light');
    slow.now += 1000;
    slow.sync(cloud);
    fast.sync(cloud);
    expect(fast.local.get('o:theme')).toBe('light');
  });

  it('never drops a change made here that is newer than the synced one', () => {
    const cloud = new Map<string, SyncedRecord>([['o:theme', { t: T - 1000, v: 'dark' }]]);
    const here = new Device(new Map<string, unknown>([['o:theme', 'light']]), T);
    here.ledger = { clock: T - 5000, records: { 'o:theme': { t: T - 5000, json: '"system"' } } };
    here.sync(cloud);
    expect(here.local.get('o:theme')).toBe('light');
    expect(cloud.get('o:theme')?.v).toBe('light');
  });

  it('carries a deletion to the other browsers, and forgets it once every browser has had time to see it', () => {
    const cloud = new Map<string, SyncedRecord>();
    const a = new Device(new Map<string, unknown>([['l:1706.03762', tagged()], ['l:1207.7214', tagged()]]), T);
    a.sync(cloud);
    const b = new Device(new Map(), T);
    b.sync(cloud);
    a.local.delete('l:1706.03762');
    a.now += 1000;
    a.sync(cloud);
    expect(cloud.get('l:1706.03762')).toMatchObject({ v: undefined });
    b.now += 2000;
    b.sync(cloud);
    expect(b.local.has('l:1706.03762')).toBe(false);
    // Later than the tombstone's time to live, it is gone from the synced set.
    a.now += TOMBSTONE_MS + 1000;
    a.sync(cloud);
    expect(cloud.has('l:1706.03762')).toBe(false);
    expect(cloud.has('l:1207.7214')).toBe(true);
  });

  it('does not take a record that only looks deleted here (a mark on a paper not stored here) for a deletion', () => {
    const cloud = new Map<string, SyncedRecord>([['n:2601.00001', { t: T, v: T }]]);
    const here = new Device(new Map(), T + 1000);
    const first = mergeRecords(here.local, cloud, here.ledger, here.now, () => true);
    expect(first.apply.get('n:2601.00001')).toBe(T);
    const again = mergeRecords(new Map(), first.merged, first.ledger, T + 2000, (key) => key.startsWith('n:'));
    expect(again.merged.get('n:2601.00001')).toEqual({ t: T, v: T });
    expect(again.apply.size).toBe(0);
  });

  it('changes nothing when nothing changed: the same records merge to the same times', () => {
    const cloud = new Map<string, SyncedRecord>();
    const a = new Device(new Map<string, unknown>([['s:abc', { kind: 'keyword', value: 'x', label: 'x' }]]), T);
    a.sync(cloud);
    const before = structuredClone([...cloud]);
    a.now += 60_000;
    // The same value built with its fields in another order is the same value.
    a.local.set('s:abc', { label: 'x', value: 'x', kind: 'keyword' });
    a.sync(cloud);
    expect([...cloud]).toEqual(before);
  });
});
