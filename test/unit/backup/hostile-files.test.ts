import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../../../lib/db/db';
import { backupJson, createBackup } from '../../../lib/backup/export';
import { MAX_BACKUP_BYTES } from '../../../lib/backup/format';
import { applyImport } from '../../../lib/backup/import';
import { describeProblem, parseBackup, readBackupFile, type BackupReading } from '../../../lib/backup/validate';
import { seedProfile, snapshot, T0 } from './seed';
import { getPaper } from '../../../lib/db/papers';
import { countStoredPapers } from '../../helpers/stored-papers';
import { toBibtexFile } from '../../../lib/cite/bibtex';
import { toRisFile } from '../../../lib/cite/ris';
import { attentionPaper } from '../../helpers/fixtures';

type Json = Record<string, unknown>;

let valid: Json;

beforeEach(async () => {
  await db.delete();
  await db.open();
  fakeBrowser.reset();
  await seedProfile();
  valid = JSON.parse(backupJson(await createBackup(new Date(T0)))) as Json;
});

/** A copy of the valid export with one change: each hostile file below is derived this way. */
function variant(change: (backup: Json & { library: Json[]; subscriptions: Json[]; settings: Json }) => void): string {
  const copy = structuredClone(valid) as Json & { library: Json[]; subscriptions: Json[]; settings: Json };
  change(copy);
  return JSON.stringify(copy);
}

const paperOf = (backup: { library: Json[] }, i: number) => backup.library[i]!.paper as Json;

/** What the options page does: check the whole file, import only when all of it is sound. */
async function tryImport(text: string): Promise<BackupReading> {
  const reading = parseBackup(text);
  if (reading.ok) await applyImport(reading.backup, { now: T0, restoreSettings: true });
  return reading;
}

function messages(reading: BackupReading): string[] {
  return reading.ok ? [] : reading.problems.map(describeProblem);
}

const hostile: [name: string, text: () => string, expected: RegExp][] = [
  ['invalid JSON (cut off)', () => backupJsonOfValid().slice(0, 500), /^Not valid JSON/],
  ['an empty file', () => '', /^Not valid JSON/],
  ['the library exported as BibTeX', () => toBibtexFile([attentionPaper]), /^A BibTeX file, not a Paper Radar backup: choose the \.json file Export backup wrote/],
  ['the library exported as RIS', () => toRisFile([attentionPaper]), /^A RIS file, not a Paper Radar backup/],
  ['a list instead of an object', () => '[1, 2, 3]', /^This is not a Paper Radar backup/],
  ['another program\'s file', () => variant((b) => (b.format = 'zotero-export')), /^format: expected "paper-radar-backup"/],
  ['a newer format version', () => variant((b) => (b.version = 2)), /^version: this backup was written by a newer Paper Radar/],
  ['a version as text', () => variant((b) => (b.version = '1')), /^version: expected 1, found "1"/],
  ['no library', () => variant((b) => delete (b as Json).library), /^library: missing$/],
  ['subscriptions not a list', () => variant((b) => ((b as Json).subscriptions = { 0: b.subscriptions[0] })), /^subscriptions: expected a list, found an object/],
  ['a title that is a number', () => variant((b) => (paperOf(b, 3).title = 42)), /^library\[3\]\.paper\.title: expected text, found the number 42$/],
  ['an id with a version', () => variant((b) => (b.library[2]!.id = '1706.03762v7')), /^library\[2\]\.id: "1706\.03762v7" is not an arXiv id/],
  ['an id that is a path', () => variant((b) => { b.library[2]!.id = '../../etc/passwd'; paperOf(b, 2).id = '../../etc/passwd'; }), /^library\[2\]\.id: "\.\.\/\.\.\/etc\/passwd" is not an arXiv id/],
  ['a paper id that differs from its item', () => variant((b) => (paperOf(b, 2).id = '1207.7214')), /^library\[2\]\.paper\.id: "1207\.7214" differs from the item's id/],
  ['two items with the same id', () => variant((b) => b.library.push(structuredClone(b.library[1]!))), /^library\[5\]\.id: the paper "[^"]+" appears twice \(also at library\[1\]\)/],
  ['a negative save date', () => variant((b) => (b.library[0]!.savedAt = -86_400_000)), /^library\[0\]\.savedAt: not a real date/],
  ['a publication date before year 0', () => variant((b) => (paperOf(b, 3).published = '-000001-01-01T00:00:00Z')), /^library\[3\]\.paper\.published: expected a date/],
  ['an infinite date', () => '{"format":"paper-radar-backup","version":1,"exportedAt":"2026-08-14T09:30:00Z","subscriptions":[],"library":[{"id":"1706.03762","savedAt":1e999,"tags":[],"note":""}],"settings":{}}', /^library\[0\]\.savedAt: expected a time in milliseconds, found a number/],
  ['a javascript: link', () => variant((b) => (paperOf(b, 3).absUrl = 'javascript:alert(document.cookie)')), /^library\[3\]\.paper\.absUrl: expected a link starting with https:\/\/arxiv\.org\/abs\//],
  ['a 1 MB title', () => variant((b) => (paperOf(b, 3).title = 'A'.repeat(1_000_000))), /^library\[3\]\.paper\.title: text of 1000000 characters; at most 1000/],
  ['a 10 MB file (one huge abstract)', () => variant((b) => (paperOf(b, 3).summary = 'lorem ipsum '.repeat(900_000))), /^library\[3\]\.paper\.summary: text of 10800000 characters/],
  ['__proto__ at the top', () => backupJsonOfValid().replace('{', '{"__proto__": {"polluted": true},'), /^__proto__: not a field of a Paper Radar backup$/],
  ['__proto__ inside a paper', () => backupJsonOfValid().replace('"title":', '"__proto__": {"isAdmin": true}, "title":'), /\.paper\.__proto__: not a field Paper Radar knows$/],
  ['constructor in the settings', () => variant((b) => ((b.settings as Record<string, unknown>)['constructor'] = { prototype: { polluted: true } })), /^settings\.constructor: not a field Paper Radar knows$/],
  ['tags that are text, not a list', () => variant((b) => (b.library[0]!.tags = 'physics')), /^library\[0\]\.tags: expected a list, found text$/],
  ['an empty tag', () => variant((b) => (b.library[0]!.tags = ['  '])), /^library\[0\]\.tags\[0\]: empty$/],
  ['an unknown subscription kind', () => variant((b) => (b.subscriptions[0]!.kind = 'sql')), /^subscriptions\[0\]\.kind: expected one of "keyword", "author", "category", "raw", found text$/],
  ['a raw query arXiv would refuse', () => variant((b) => (b.subscriptions[3]!.value = 'ti:"dark matter')), /^subscriptions\[3\]\.value: A double quote \(\"\) is missing its partner/],
  ['a subscription without a label', () => variant((b) => delete b.subscriptions[1]!.label), /^subscriptions\[1\]\.label: missing$/],
  ['a subscription id with markup', () => variant((b) => (b.subscriptions[0]!.id = '<img src=x onerror=alert(1)>')), /^subscriptions\[0\]\.id: expected letters, digits/],
  ['a sync interval below what arXiv allows', () => variant((b) => (b.settings.minSyncIntervalMinutes = 1)), /^settings\.minSyncIntervalMinutes: expected a whole number from 15 to 10080, found 1$/],
  ['an unknown theme', () => variant((b) => (b.settings.theme = 'neon')), /^settings\.theme: expected one of "system", "light", "dark"/],
  ['an author that is text', () => variant((b) => ((paperOf(b, 3).authors as unknown[])[0] = 'A. Author')), /^library\[3\]\.paper\.authors\[0\]: expected an object, found text$/],
];

function backupJsonOfValid(): string {
  return JSON.stringify(valid);
}

describe('importing a broken or hostile file', () => {
  it('is tested against the real export, which itself imports', async () => {
    expect(hostile.length).toBeGreaterThanOrEqual(15);
    // The cases above break library[3]: a saved paper with its metadata.
    expect(paperOf(valid as { library: Json[] }, 3)).toMatchObject({ title: expect.any(String) });
    expect((await tryImport(backupJsonOfValid())).ok).toBe(true);
  });

  it.each(hostile)('rejects %s with a clear message and changes nothing', async (_name, text, expected) => {
    const before = await snapshot();
    const reading = await tryImport(text());
    expect(reading.ok).toBe(false);
    expect(messages(reading)).toContainEqual(expect.stringMatching(expected));
    expect(await snapshot()).toEqual(before);
  });

  it('does not pollute Object.prototype', async () => {
    await tryImport(backupJsonOfValid().replace('{', '{"__proto__": {"polluted": true},'));
    expect(({} as Json).polluted).toBeUndefined();
  });

  it('reports every problem in the file, not just the first', () => {
    const reading = parseBackup(variant((b) => {
      paperOf(b, 3).title = null;
      b.library[0]!.savedAt = 'yesterday';
      b.settings.notifications = 'yes';
    }));
    expect(messages(reading)).toEqual([
      'library[0].savedAt: expected a time in milliseconds, found text',
      'library[3].paper.title: expected text, found null',
      'settings.notifications: expected true or false, found text',
    ]);
  });

  it('imports nothing when the last of many items is broken', async () => {
    await db.delete();
    await db.open();
    const reading = await tryImport(variant((b) => (b.library[4]!.note = 7)));
    expect(messages(reading)).toEqual(['library[4].note: expected text, found the number 7']);
    expect(await db.subscriptions.count()).toBe(0);
    expect(await db.library.count()).toBe(0);
  });

  it('does not read a file larger than a backup can be', async () => {
    const text = vi.fn(async () => '{}');
    const reading = await readBackupFile({ size: MAX_BACKUP_BYTES + 1, text } as unknown as Blob);
    expect(messages(reading)).toEqual([expect.stringMatching(/^The file is 50 MB, more than the 50 MB a backup can be/)]);
    expect(text).not.toHaveBeenCalled();
  });

  it('keeps nothing when a write fails halfway through the import', async () => {
    await db.delete();
    await db.open();
    const reading = parseBackup(backupJsonOfValid());
    if (!reading.ok) throw new Error('the export should read back');
    vi.spyOn(db.library, 'bulkPut').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(applyImport(reading.backup, { now: T0 })).rejects.toThrow('QuotaExceededError');
    expect(await db.subscriptions.count()).toBe(0);
    expect(await countStoredPapers()).toBe(0);
  });
});

describe('a title holding markup', () => {
  it('is accepted as text and stored exactly as written', async () => {
    const title = 'Testing <script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">';
    await db.delete();
    await db.open();
    const reading = await tryImport(variant((b) => (paperOf(b, 3).title = title)));
    expect(reading.ok).toBe(true);
    const id = (valid.library as Json[])[3]!.id as string;
    expect((await getPaper(id))?.title).toBe(title);
    expect((globalThis as unknown as Json).pwned).toBeUndefined();
  });
});
