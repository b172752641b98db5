import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../../../lib/db/db';
import { entryOf } from '../../../lib/arxiv/entry';
import { backupJson, createBackup, exportBackup } from '../../../lib/backup/export';
import { applyImport } from '../../../lib/backup/import';
import { parseBackup } from '../../../lib/backup/validate';
import { getSettings } from '../../../lib/settings';
import { savePaper, setNote, setTags } from '../../../lib/db/library';
import { addSubscription } from '../../../lib/db/subscriptions';
import { LIMITS } from '../../../lib/schema/limits';
import { seedProfile, T0 } from './seed';
import { getPaper, getPapers } from '../../../lib/db/papers';

async function freshProfile() {
  await db.delete();
  await db.open();
  fakeBrowser.reset();
}

beforeEach(freshProfile);

async function userData() {
  const library = await db.library.orderBy('id').toArray();
  const papers = await getPapers(library.map((item) => item.id));
  return {
    subscriptions: await db.subscriptions.orderBy('order').toArray(),
    library,
    // What arXiv said about each saved paper; where it sits in the feed is not the user's data.
    savedPapers: papers.map((paper) => (paper ? entryOf(paper) : null)),
    settings: await getSettings(),
  };
}

function read(text: string) {
  const reading = parseBackup(text);
  if (!reading.ok) throw new Error(reading.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return reading.backup;
}

describe('backup round trip', () => {
  it('export, then import into a fresh profile, reproduces subscriptions, library and settings exactly', async () => {
    await seedProfile();
    const before = await userData();
    const text = backupJson(await createBackup(new Date(T0 + 60_000)));

    await freshProfile();
    expect(await db.subscriptions.count()).toBe(0);
    const summary = await applyImport(read(text), { now: T0 + 120_000, restoreSettings: true });

    expect(await userData()).toEqual(before);
    expect(summary).toMatchObject({ subscriptionsAdded: 4, subscriptionsKnown: 0, papersAdded: 5, papersMerged: 0 });
    expect(summary.newTags).toEqual(['physics', 'to read', 'transformers']);
    // Exported again, the file is the same but for the time it was written.
    const again = backupJson(await createBackup(new Date(T0 + 60_000)));
    expect(again).toBe(text);
  });

  it('writes the format of DESIGN.md', async () => {
    await seedProfile();
    const backup = JSON.parse(backupJson(await createBackup(new Date(T0)))) as Record<string, unknown>;
    expect(Object.keys(backup)).toEqual(['format', 'version', 'exportedAt', 'subscriptions', 'library', 'settings']);
    expect(backup).toMatchObject({ format: 'paper-radar-backup', version: 1, exportedAt: '2026-08-14T09:30:00.000Z' });
    const library = backup.library as Record<string, unknown>[];
    const attention = library.find((item) => item.id === '1706.03762');
    expect(Object.keys(attention ?? {}).sort()).toEqual(['id', 'note', 'paper', 'savedAt', 'tags']);
    expect(attention?.paper).toMatchObject({ id: '1706.03762', title: 'Attention Is All You Need', absUrl: 'https://arxiv.org/abs/1706.03762v7' });
    // Feed bookkeeping (subs, unread, addedAt) is not part of a paper in the file.
    expect(Object.keys(attention?.paper as object)).not.toContain('subs');
    expect(library.find((item) => item.id === '2601.00042')).toEqual({ id: '2601.00042', savedAt: T0 + 50, tags: [], note: '' });
  });

  it('keeps a save that was waiting for arXiv waiting after the round trip', async () => {
    await seedProfile();
    const text = backupJson(await createBackup(new Date(T0)));
    await freshProfile();
    await applyImport(read(text), { now: T0 });
    expect(await db.library.get('2601.00042')).toEqual({ id: '2601.00042', savedAt: T0 + 50, tags: [], note: '', pending: 1 });
    expect(await getPaper('2601.00042')).toBeUndefined();
  });

  it('leaves the settings alone unless asked to restore them', async () => {
    await seedProfile();
    const text = backupJson(await createBackup(new Date(T0)));
    await freshProfile();
    await applyImport(read(text), { now: T0, restoreSettings: false });
    expect((await getSettings()).theme).toBe('system');
  });
});

describe('an exported file always imports', () => {
  it('with everything the pages let a user type at its largest', async () => {
    await seedProfile();
    const [item] = await db.library.orderBy('id').toArray();
    const tags = Array.from({ length: LIMITS.tags }, (_, i) => `${i}`.padEnd(LIMITS.tag, 'x'));
    await setTags(item!.id, tags);
    await setNote(item!.id, 'n'.repeat(LIMITS.note));
    await addSubscription({ kind: 'keyword', value: 'longest name', categories: [], exclude: ['w'.repeat(LIMITS.term)], label: 'l'.repeat(LIMITS.label) }, T0);

    const { backup, shortened } = await exportBackup(new Date(T0));
    expect(shortened).toBe(0);
    const imported = read(backupJson(backup));
    expect(imported.library.find((entry) => entry.id === item!.id)).toMatchObject({ tags, note: 'n'.repeat(LIMITS.note) });
  });

  it('refuses, where the user types, a tag or note a backup could not hold', async () => {
    await savePaper('2601.00001', T0);
    await expect(setTags('2601.00001', ['t'.repeat(LIMITS.tag + 1)])).rejects.toThrow('A tag can be at most 100 characters long; this one has 101.');
    await expect(setNote('2601.00001', 'n'.repeat(LIMITS.note + 1))).rejects.toThrow(/^A note can be at most 100,000 characters long/);
    await expect(addSubscription({ kind: 'keyword', value: 'x', categories: [], exclude: [], label: 'l'.repeat(LIMITS.label + 1) }, T0)).rejects.toThrow(/^A name can be at most 2,000/);
    expect((await db.library.get('2601.00001'))!).toMatchObject({ tags: [], note: '' });
  });

  it('with a tag and a name stored before the limits held where the user types: shortened, and said', async () => {
    await seedProfile();
    const [item] = await db.library.orderBy('id').toArray();
    // Written as an older Paper Radar let them be: a 300-character tag, a 2,500-character name.
    await db.library.update(item!.id, { tags: ['t'.repeat(300), 'to read'] });
    const [subscription] = await db.subscriptions.toArray();
    await db.subscriptions.update(subscription!.id, { label: 'l'.repeat(2500) });

    const { backup, shortened } = await exportBackup(new Date(T0));
    expect(shortened).toBe(2);
    const imported = read(backupJson(backup));
    expect(imported.library.find((entry) => entry.id === item!.id)!.tags).toEqual([`${'t'.repeat(99)}…`, 'to read']);
    expect(imported.subscriptions.find((s) => s.id === subscription!.id)!.label).toHaveLength(LIMITS.label);

    await freshProfile();
    await applyImport(imported, { now: T0, restoreSettings: true });
    expect((await db.library.get(item!.id))!.tags).toEqual([`${'t'.repeat(99)}…`, 'to read']);
  });
});
