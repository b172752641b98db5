import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../../../lib/db/db';
import { notePendingLookup, savePaper, setNote, setTags } from '../../../lib/db/library';
import { addSubscription } from '../../../lib/db/subscriptions';
import { BACKUP_FORMAT, type ImportedBackup } from '../../../lib/backup/format';
import { applyImport, previewImport } from '../../../lib/backup/import';
import { queryKey } from '../../../lib/backup/merge';
import type { Subscription } from '../../../lib/subscription';
import { attentionPaper, higgsPaper } from '../../helpers/fixtures';
import { T0 } from './seed';
import { getPaper } from '../../../lib/db/papers';
import { baselineOf } from '../../../lib/watch/baseline';
import { allStoredPapers } from '../../helpers/stored-papers';

beforeEach(async () => {
  await db.delete();
  await db.open();
  fakeBrowser.reset();
});

const subscription = (id: string, value: string, order: number, extra: Partial<Subscription> = {}): Subscription => ({
  id, kind: 'keyword', value, categories: [], exclude: [], label: value, enabled: true, order, createdAt: T0, ...extra,
});

function backup(parts: Partial<ImportedBackup>): ImportedBackup {
  return { format: BACKUP_FORMAT, version: 1, exportedAt: '2026-08-14T09:30:00.000Z', subscriptions: [], library: [], settings: {}, ...parts };
}

describe('merging a backup into what is stored', () => {
  it('does not duplicate a subscription that watches the same query, whatever its id', async () => {
    const local = await addSubscription({ kind: 'keyword', value: 'Dark  Matter', categories: ['astro-ph.CO'], exclude: [] }, T0, () => 'local-1');
    const file = backup({
      subscriptions: [
        subscription('from-file-1', 'dark matter', 0, { categories: ['astro-ph.CO'] }),
        subscription('from-file-2', 'gravitational waves', 1),
      ],
    });
    const summary = await applyImport(file, { now: T0 });
    expect(summary).toMatchObject({ subscriptionsAdded: 1, subscriptionsKnown: 1, addedSubscriptionIds: ['from-file-2'] });
    const stored = await db.subscriptions.orderBy('order').toArray();
    expect(stored.map((s) => [s.id, s.value])).toEqual([[local.id, 'Dark  Matter'], ['from-file-2', 'gravitational waves']]);
  });

  it('gives an imported subscription a new id when its id is taken by another query', async () => {
    await addSubscription({ kind: 'keyword', value: 'quantum', categories: [], exclude: [] }, T0, () => 'same-id');
    const summary = await applyImport(backup({ subscriptions: [subscription('same-id', 'photonics', 0)] }), { now: T0, newId: () => 'fresh-id' });
    expect(summary.addedSubscriptionIds).toEqual(['fresh-id']);
    expect((await db.subscriptions.get('same-id'))?.value).toBe('quantum');
    expect((await db.subscriptions.get('fresh-id'))?.order).toBe(1);
  });

  it('tells raw queries apart by case, where arXiv does', () => {
    const raw = (value: string) => ({ kind: 'raw' as const, value, categories: [], exclude: [] });
    expect(queryKey(raw('ti:a AND ti:b'))).not.toBe(queryKey(raw('ti:a and ti:b')));
    expect(queryKey({ ...raw('Neural'), kind: 'keyword' })).toBe(queryKey({ ...raw(' neural '), kind: 'keyword' }));
  });

  it('merges a saved paper by id: tags joined, notes joined (the one here first), an empty one filled', async () => {
    await savePaper(attentionPaper.id, T0, attentionPaper);
    await setTags(attentionPaper.id, ['nlp', 'to read']);
    await setNote(attentionPaper.id, 'my note');
    await savePaper(higgsPaper.id, T0, higgsPaper);
    const file = backup({
      library: [
        { id: attentionPaper.id, savedAt: T0 - 5000, paper: attentionPaper, tags: ['to read', 'classics'], note: 'their note' },
        { id: higgsPaper.id, savedAt: T0 - 5000, paper: higgsPaper, tags: [], note: 'discovery paper' },
      ],
    });
    const preview = await previewImport(file, { now: T0 });
    expect(preview).toMatchObject({ papersAdded: 0, papersMerged: 2, newTags: ['classics'] });
    expect(await db.library.get(attentionPaper.id)).toMatchObject({ tags: ['nlp', 'to read'], note: 'my note' });

    await applyImport(file, { now: T0 });
    expect(await db.library.get(attentionPaper.id)).toEqual({
      id: attentionPaper.id,
      savedAt: T0,
      tags: ['nlp', 'to read', 'classics'],
      // Written on two computers, both kept: neither is lost to the other.
      note: 'my note\n\ntheir note',
      baseline: baselineOf(attentionPaper), // kept from when it was saved here
    });
    expect(await db.library.get(higgsPaper.id)).toMatchObject({ note: 'discovery paper', savedAt: T0 });
    // The same file again adds neither note a second time.
    expect(await applyImport(file, { now: T0 })).toMatchObject({ papersMerged: 0, papersUnchanged: 2 });
    expect((await db.library.get(attentionPaper.id))!.note).toBe('my note\n\ntheir note');
    // A note the file carries on from the one here (written after a backup of it) adds what is new.
    const later = backup({ library: [{ id: attentionPaper.id, savedAt: T0, paper: attentionPaper, tags: [], note: 'my note\n\ntheir note\n\nand section 3' }] });
    await applyImport(later, { now: T0 });
    expect((await db.library.get(attentionPaper.id))!.note).toBe('my note\n\ntheir note\n\nand section 3');
    // The other browser's merge of the same two notes, in its order: nothing new, nothing doubled.
    const theirs = backup({ library: [{ id: attentionPaper.id, savedAt: T0, paper: attentionPaper, tags: [], note: 'their note\n\nmy note' }] });
    expect(await applyImport(theirs, { now: T0 })).toMatchObject({ papersMerged: 0 });
    expect((await db.library.get(attentionPaper.id))!.note).toBe('my note\n\ntheir note\n\nand section 3');
  });

  it('keeps a note written on after the backup once, whether it was written on here or in the file', async () => {
    await savePaper(attentionPaper.id, T0, attentionPaper);
    await setNote(attentionPaper.id, 'Sec 3.2 matters for related work.');
    const exported = backup({ library: [{ id: attentionPaper.id, savedAt: T0, paper: attentionPaper, tags: [], note: 'Sec 3.2 matters for related work.' }] });
    // Written on here after the backup was made: the backup brings nothing new.
    await setNote(attentionPaper.id, 'Sec 3.2 matters for related work. Also ch. 4.\n\nRead with the Higgs paper.');
    expect(await applyImport(exported, { now: T0 })).toMatchObject({ papersMerged: 0, papersUnchanged: 1 });
    expect((await db.library.get(attentionPaper.id))!.note).toBe('Sec 3.2 matters for related work. Also ch. 4.\n\nRead with the Higgs paper.');
    // Written on in the file (another browser's backup): its longer paragraph replaces the one here, the rest is kept.
    await setNote(attentionPaper.id, 'Sec 3.2 matters for related work.\n\nMine only.');
    const theirs = backup({ library: [{ id: attentionPaper.id, savedAt: T0, paper: attentionPaper, tags: [], note: 'Sec 3.2 matters for related work. Also ch. 4.\n\nTheirs only.' }] });
    await applyImport(theirs, { now: T0 });
    expect((await db.library.get(attentionPaper.id))!.note).toBe('Sec 3.2 matters for related work. Also ch. 4.\n\nMine only.\n\nTheirs only.');
    // The rest of the note here stays as written: indented lines, blank lines between paragraphs.
    const written = '    def attention(q, k):\n        return q @ k\n\n\n\nSec 3.2 matters.\n\n  - a list item';
    await setNote(attentionPaper.id, written);
    await applyImport(backup({ library: [{ id: attentionPaper.id, savedAt: T0, paper: attentionPaper, tags: [], note: 'Sec 3.2 matters. Also ch. 4.' }] }), { now: T0 });
    expect((await db.library.get(attentionPaper.id))!.note).toBe(written.replace('Sec 3.2 matters.', 'Sec 3.2 matters. Also ch. 4.'));
  });

  it('takes a tag the library has in another case as the library writes it', async () => {
    await savePaper(attentionPaper.id, T0, attentionPaper);
    await setTags(attentionPaper.id, ['thesis']);
    const file = backup({
      library: [
        { id: higgsPaper.id, savedAt: T0, paper: higgsPaper, tags: ['Thesis', 'THESIS', 'physics'], note: '' },
        { id: '2601.00042', savedAt: T0, tags: ['Physics', 'ML'], note: '' },
      ],
    });
    // A new tag is one tag too, spelled as first met in the file.
    expect(await previewImport(file, { now: T0 })).toMatchObject({ newTags: ['ML', 'physics'] });
    await applyImport(file, { now: T0 });
    expect((await db.library.get(higgsPaper.id))!.tags).toEqual(['thesis', 'physics']);
    expect((await db.library.get('2601.00042'))!.tags).toEqual(['physics', 'ML']);
  });

  it('imports the same file twice without adding anything the second time', async () => {
    const file = backup({
      subscriptions: [subscription('s1', 'testing', 0)],
      library: [{ id: attentionPaper.id, savedAt: T0, paper: attentionPaper, tags: ['nlp'], note: '' }],
    });
    await applyImport(file, { now: T0 });
    const after = { subs: await db.subscriptions.toArray(), library: await db.library.toArray(), papers: await allStoredPapers() };
    const second = await applyImport(file, { now: T0 + 1000 });
    expect(second).toMatchObject({ subscriptionsAdded: 0, subscriptionsKnown: 1, papersAdded: 0, papersMerged: 0, papersUnchanged: 1 });
    expect({ subs: await db.subscriptions.toArray(), library: await db.library.toArray(), papers: await allStoredPapers() }).toEqual(after);
  });

  it('completes a save that was waiting for metadata, and keeps newer local metadata', async () => {
    await savePaper(attentionPaper.id, T0); // pending: saved from a page while offline
    await notePendingLookup([attentionPaper.id], 'arXiv’s answer did not include this paper.', T0);
    const newer = { ...higgsPaper, version: higgsPaper.version + 1, title: 'Revised title' };
    await savePaper(higgsPaper.id, T0, newer);
    await applyImport(backup({
      library: [
        { id: attentionPaper.id, savedAt: T0, paper: attentionPaper, tags: [], note: '' },
        { id: higgsPaper.id, savedAt: T0, paper: higgsPaper, tags: [], note: '' },
      ],
    }), { now: T0 });
    expect(await db.library.get(attentionPaper.id)).not.toHaveProperty('pending');
    expect(await db.library.get(attentionPaper.id)).not.toHaveProperty('lookup'); // complete now: no problem to tell
    expect((await getPaper(attentionPaper.id))?.title).toBe('Attention Is All You Need');
    expect((await getPaper(higgsPaper.id))?.title).toBe('Revised title');
  });

  it('shows a few titles of the papers it will add', async () => {
    const summary = await previewImport(backup({
      library: [
        { id: attentionPaper.id, savedAt: T0, paper: attentionPaper, tags: [], note: '' },
        { id: '2601.00042', savedAt: T0, tags: [], note: '' },
      ],
    }), { now: T0 });
    expect(summary).toMatchObject({ papersAdded: 2, sampleTitles: ['Attention Is All You Need'] });
    expect(await db.library.count()).toBe(0);
  });
});
