import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../lib/db/db';
import { ingest } from '../../../lib/db/ingest';
import { keepFewer, papersRemovedByKeeping, undoKeepFewer } from '../../../lib/db/keep-fewer';
import { savePaper } from '../../../lib/db/library';
import { markNotInterested } from '../../../lib/db/ranking';
import { applyRetention, recentSince } from '../../../lib/db/retention';
import { derivedPapers } from '../../helpers/derived-world';
import { allStoredPapers, countInSubscription } from '../../helpers/stored-papers';

const DAY = 24 * 60 * 60_000;
// A week after the oldest of the papers below; the newest five came out in the last two days.
const NOW = Date.UTC(2026, 5, 7, 12);
const old = derivedPapers(101, { first: 0, newestAt: Date.UTC(2026, 4, 31, 12) });
const recent = derivedPapers(5, { first: 500, newestAt: NOW - 2 * DAY });

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('keeping fewer papers per subscription', () => {
  it('counts beforehand exactly what it removes, and spares saved, marked, shared and recent papers', async () => {
    await ingest([...recent, ...old], 'alpha', NOW - 7 * DAY);
    await ingest(old.slice(50, 52), 'bravo', NOW - 7 * DAY); // also kept by another subscription
    const oldest = old.at(-1)!.id;
    await savePaper(oldest, NOW);
    await markNotInterested([old.at(-2)!.id], NOW);

    const counted = await papersRemovedByKeeping(10, NOW);
    const { removed } = await keepFewer(10, NOW);

    // 106 papers: alpha keeps its 10 newest (the 5 recent ones, 5 old); of the other 96, 2 are
    // bravo's, 1 is saved, 1 marked: 92 go.
    expect(counted).toBe(92);
    expect(removed).toBe(92);
    const stored = new Set((await allStoredPapers()).map((p) => p.id));
    for (const id of [...recent.map((p) => p.id), oldest, old.at(-2)!.id, old[50]!.id, old[51]!.id]) expect(stored.has(id)).toBe(true);
    expect(await countInSubscription('alpha')).toBe(10);
    expect(await countInSubscription('bravo')).toBe(2);
  });

  it('keeps every paper of the last three days, however few are kept', async () => {
    await ingest([...recent, ...old], 'alpha', NOW - 7 * DAY);
    expect(await papersRemovedByKeeping(2, NOW)).toBe(101);
    await applyRetention('alpha', 2, recentSince(NOW));
    expect((await allStoredPapers()).map((p) => p.id).sort()).toEqual(recent.map((p) => p.id).sort());
  });

  it('is undone whole: every paper back as it was', async () => {
    await ingest([...recent, ...old], 'alpha', NOW - 7 * DAY);
    await ingest(old.slice(50, 52), 'bravo', NOW - 7 * DAY);
    const before = await allStoredPapers();
    const { before: changed } = await keepFewer(10, NOW);
    await undoKeepFewer(changed);
    expect(await allStoredPapers()).toEqual(before);
  });
});
