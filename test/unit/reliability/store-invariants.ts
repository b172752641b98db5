import { expect } from 'vitest';
import { isBaseArxivId } from '../../../lib/arxiv/ids';
import { db } from '../../../lib/db/db';
import { toRow } from '../../../lib/db/layout';
import { allStoredPapers } from '../../helpers/stored-papers';

/**
 * What must hold of the store whatever arrived: one paper per real arXiv id, links built from
 * the id, text fields that are text, unread marks that agree with each other, every saved
 * paper still there, and the keys the indexes read agreeing with each paper's state.
 */
export async function expectConsistentStore(): Promise<void> {
  const [papers, library] = await Promise.all([allStoredPapers(), db.library.toArray()]);
  for (const p of papers) {
    const where = `paper ${JSON.stringify(p.id).slice(0, 80)}`;
    expect(isBaseArxivId(p.id), where).toBe(true);
    expect(p.absUrl, where).toBe(`https://arxiv.org/abs/${p.id}v${p.version}`);
    expect(p.pdfUrl, where).toBe(`https://arxiv.org/pdf/${p.id}v${p.version}`);
    expect(Number.isSafeInteger(p.version) && p.version >= 1, where).toBe(true);
    for (const field of ['title', 'summary', 'published', 'updated', 'primaryCategory'] as const) {
      expect(typeof p[field], `${where}.${field}`).toBe('string');
    }
    for (const field of ['comment', 'journalRef', 'doi'] as const) {
      expect(p[field] === undefined || typeof p[field] === 'string', `${where}.${field}`).toBe(true);
    }
    expect(p.authors.every((a) => typeof a.name === 'string' && a.affiliations.every((x) => typeof x === 'string')), where).toBe(true);
    expect(p.categories.every((c) => typeof c === 'string'), where).toBe(true);
    expect(new Set(p.subs).size, where).toBe(p.subs.length);
    expect(p.unreadIn.every((s) => p.subs.includes(s)), where).toBe(true);
    expect(p.unread === 1, where).toBe(p.unreadIn.length > 0);
    if (p.readAt !== undefined || p.hiddenAt !== undefined) expect(p.unreadIn, where).toEqual([]);
  }
  expect(papers.length, 'papers stored twice').toBe(new Set(papers.map((p) => p.id)).size);
  for (const row of await db.papers.toArray()) expect(row, `keys of ${row.id}`).toEqual(toRow(row));
  const stored = new Set(papers.map((p) => p.id));
  for (const item of library) {
    if (item.pending !== 1) expect(stored.has(item.id), `saved paper ${item.id}`).toBe(true);
  }
}

/** Set by any hostile payload that manages to run. */
export const CANARY = 'globalThis.__paperRadarCanary = 1';

export function expectNothingRan(): void {
  expect((globalThis as Record<string, unknown>).__paperRadarCanary).toBeUndefined();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}
