import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backupJson, createBackup } from '../../../lib/backup/export';
import { applyImport } from '../../../lib/backup/import';
import { describeProblem, parseBackup } from '../../../lib/backup/validate';
import { db } from '../../../lib/db/db';
import { seedProfile, snapshot, T0 } from '../backup/seed';
import { type Backup, importCases } from './hostile-import-cases';
import { expectConsistentStore, expectNothingRan } from './store-invariants';
import { getPaper } from '../../../lib/db/papers';

let valid: Backup;

beforeEach(async () => {
  await db.delete();
  await db.open();
  fakeBrowser.reset();
  await seedProfile();
  valid = JSON.parse(backupJson(await createBackup(new Date(T0)))) as Backup;
});

describe('importing a hostile backup file', () => {
  it.each(importCases.map((c) => [c.name, c] as const))('%s', async (_name, hostile) => {
    const text = hostile.text(valid);
    // A file that imports is read into a fresh profile, where its papers are new.
    if ('stored' in hostile.outcome) {
      await db.delete();
      await db.open();
    }
    const before = await snapshot();
    const started = performance.now();
    const reading = parseBackup(text);
    if (reading.ok) await applyImport(reading.backup, { now: T0, restoreSettings: true });
    expect(performance.now() - started).toBeLessThan(2_000);
    if ('rejected' in hostile.outcome) {
      expect(reading.ok).toBe(false);
      expect(reading.ok ? [] : reading.problems.map(describeProblem)).toContainEqual(expect.stringMatching(hostile.outcome.rejected));
      expect(await snapshot()).toEqual(before);
    } else {
      expect(reading.ok).toBe(true);
      const [id, title] = hostile.outcome.stored(valid);
      expect((await getPaper(id))?.title).toBe(title);
    }
    await expectConsistentStore();
    expectNothingRan();
  });
});
