import { describe, expect, it } from 'vitest';
import { parseAtomFeed } from '../../../lib/arxiv/atom';
import { MAX_API_BYTES } from '../../../lib/arxiv/client';
import type { ArxivEntry } from '../../../lib/arxiv/entry';
import { MAX_URL_LENGTH, buildIdListUrl } from '../../../lib/arxiv/query';
import { MAX_ANSWER_ESTIMATE, answerEstimate, batchUrl, idListBatches } from '../../../lib/watch/batches';
import { entryBlocks, feedXml } from '../../helpers/fake-arxiv-feed';
import { higgsPaper, testingPapers } from '../../helpers/fixtures';

const fixtures = import.meta.glob<string>('../../fixtures/arxiv/api/*.xml', { query: '?raw', import: 'default', eager: true });

/** Derived here: `count` saved papers, the 40 real `testing` papers repeated under the ids `idOf` gives. */
function library(count: number, idOf: (i: number) => string, paperOf: (i: number) => ArxivEntry = (i) => testingPapers[i % testingPapers.length]!): ArxivEntry[] {
  return Array.from({ length: count }, (_, i) => ({ ...paperOf(i), id: idOf(i) }));
}

/** An old-style id (archive/YYMMNNN) of 1997, the `i`th. */
const oldId = (archive: string, i: number) => `${archive}/97${String(1 + Math.floor(i / 999)).padStart(2, '0')}${String(1 + (i % 999)).padStart(3, '0')}`;

/** Every batch as a URL within the limit, and none that could have taken the next paper too. */
function expectFullBatches(papers: ArxivEntry[], batches: string[][]): void {
  expect(batches.flat()).toEqual(papers.map((p) => p.id));
  const estimate = new Map(papers.map((p) => [p.id, answerEstimate(p)]));
  const bytes = (ids: string[]) => ids.reduce((sum, id) => sum + estimate.get(id)!, 0);
  batches.forEach((batch, i) => {
    expect(batchUrl(batch).length).toBeLessThanOrEqual(MAX_URL_LENGTH);
    expect(batch.length === 1 || bytes(batch) <= MAX_ANSWER_ESTIMATE).toBe(true);
    const next = batches[i + 1]?.[0];
    if (next) expect(buildIdListUrl([...batch, next]).length > MAX_URL_LENGTH || bytes([...batch, next]) > MAX_ANSWER_ESTIMATE).toBe(true);
  });
}

describe('idListBatches', () => {
  it('asks for 2,000 saved papers with today’s ids in 6 requests: one URL holds 358 of them', () => {
    // 2605.10000 … 2605.11999: ten characters and a comma each; 4,000 characters hold 358.
    const saved = library(2000, (i) => `2605.${10000 + i}`);
    const batches = idListBatches(saved);
    expectFullBatches(saved, batches);
    expect(batches.map((b) => b.length)).toEqual([358, 358, 358, 358, 358, 210]);
  });

  it('fills URLs with old-style ids too (the longest, cond-mat/…, sixteen characters: 231 per request)', () => {
    const saved = library(2000, (i) => oldId(i % 2 === 0 ? 'cond-mat' : 'hep-th', i));
    const batches = idListBatches(saved);
    expectFullBatches(saved, batches);
    // Fifteen characters and a comma on average: 246 ids per URL, 9 requests for 2,000.
    expect(batches.map((b) => b.length)).toEqual([...Array(8).fill(246), 32]);
    const longest = library(500, (i) => oldId('cond-mat', i));
    expect(idListBatches(longest)[0]).toHaveLength(231);
  });

  it('keeps the answer far below what the client reads when the papers are long collaboration papers', () => {
    // Derived: the ATLAS Higgs paper with 2,900 authors, as the collaboration's papers list them.
    const authors = Array.from({ length: 2900 }, (_, i) => ({ name: `A. Physicist${i}`, affiliations: ['CERN, European Organization for Nuclear Research, Geneva, Switzerland'] }));
    const saved = library(40, (i) => `2605.${20000 + i}`, () => ({ ...higgsPaper, authors }));
    const batches = idListBatches(saved);
    expectFullBatches(saved, batches);
    expect(batches.length).toBeGreaterThan(1);
    expect(MAX_ANSWER_ESTIMATE).toBe(MAX_API_BYTES / 4);
  });

  it('sends a paper whose answer alone is estimated above the limit in a request of its own', () => {
    const authors = Array.from({ length: 10_000 }, (_, i) => ({ name: `A. Physicist${i}`, affiliations: ['CERN, European Organization for Nuclear Research, Geneva, Switzerland'] }));
    const huge = { ...higgsPaper, authors };
    expect(answerEstimate(huge)).toBeGreaterThan(MAX_ANSWER_ESTIMATE);
    expect(idListBatches([testingPapers[0]!, huge, testingPapers[1]!])).toEqual([[testingPapers[0]!.id], [huge.id], [testingPapers[1]!.id]]);
  });
});

describe('answerEstimate', () => {
  it('is within a fifth below and half above the bytes arXiv sent for every real entry of the fixtures', () => {
    const measured = Object.values(fixtures).flatMap((xml) =>
      entryBlocks(xml).flatMap((block) => {
        try {
          const entry = parseAtomFeed(feedXml([block], 1, 0, 1)).entries[0];
          return entry ? [{ entry, bytes: new TextEncoder().encode(block).length }] : [];
        } catch {
          return []; // an error feed's entry
        }
      }),
    );
    expect(measured.length).toBeGreaterThan(60);
    for (const { entry, bytes } of measured) {
      expect(answerEstimate(entry) / bytes, entry.id).toBeGreaterThan(0.8);
      expect(answerEstimate(entry) / bytes, entry.id).toBeLessThan(1.5);
    }
  });
});
