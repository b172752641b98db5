import { describe, expect, it } from 'vitest';
import { rowAt, toRows } from '../../../lib/rank/matrix';
import { featuresOf } from '../../../lib/rank/model';
import { paperTerms } from '../../../lib/rank/terms';
import { buildVocabulary, vectorize, type SparseVector, type Vocabulary } from '../../../lib/rank/vocabulary';
import { fixtureFeed } from './corpus';

const papers = fixtureFeed().map((p) => p.paper);

/** tf-idf as the design gives it, worked out term by term: (1 + ln count) × idf, length 1. */
function expectedVector(paper: (typeof papers)[number], vocabulary: Vocabulary): Map<number, number> {
  const weights = new Map<number, number>();
  for (const [term, count] of paperTerms(paper)) {
    const column = vocabulary.index.get(term);
    if (column !== undefined) weights.set(column, (1 + Math.log(count)) * vocabulary.idf[column]!);
  }
  const norm = Math.sqrt([...weights.values()].reduce((sum, w) => sum + w * w, 0));
  return new Map([...weights].map(([column, w]) => [column, w / norm]));
}

function expectVector(row: SparseVector, expected: Map<number, number>): void {
  expect([...row.idx]).toEqual([...expected.keys()].sort((a, b) => a - b));
  row.idx.forEach((column, k) => expect(row.val[k]).toBeCloseTo(expected.get(column)!, 6));
}

/**
 * The rows the background stores (toRows counts terms by column, without a map of each paper's
 * terms) must be the vectors the ranking contract makes (paperTerms, then vectorize).
 */
describe('feature rows', () => {
  it('hold each paper’s tf-idf vector as the ranking contract makes it, for every paper of the fixtures', () => {
    const { vocabulary, vectors } = featuresOf(papers);
    for (let from = 0; from < papers.length; from += 97) {
      const rows = toRows(papers.slice(from, from + 97), vocabulary);
      rows.ids.forEach((id, i) => expect(rowAt(rows, i), id).toEqual(vectors.get(id)));
    }
    expect(papers.length).toBeGreaterThan(200);
    // The weights themselves, worked out apart for a few papers.
    for (const paper of papers.slice(0, 5)) expectVector(vectors.get(paper.id)!, expectedVector(paper, vocabulary));
  });

  it('with a vocabulary learned from other papers: words and pairs it lacks count for nothing, pairs of words it lacks still count', () => {
    // As in the background: the vocabulary from some papers, the rows of all.
    const vocabulary = buildVocabulary(papers.filter((_, i) => i % 2 === 0).map(paperTerms));
    const lacked = papers.filter((_, i) => i % 2 === 1);
    const rows = toRows(lacked, vocabulary);
    lacked.forEach((paper, i) => expect(rowAt(rows, i), paper.id).toEqual(vectorize(paperTerms(paper), vocabulary)));
    // Some pair of the vocabulary has a first word the vocabulary leaves out (too common alone).
    const single = new Set(vocabulary.terms.filter((t) => !t.includes(' ')));
    expect(vocabulary.terms.some((t) => t.includes(' ') && !t.startsWith('au:') && !single.has(t.split(' ')[0]!))).toBe(true);
  });

  it('a paper with more terms than a row starts with room for, between two ordinary ones', () => {
    const { vocabulary } = featuresOf(papers);
    // Derived in the test: one abstract made of ten real ones (the ranker reads 4,000 characters of it).
    const long = { ...papers[0]!, id: 'long', summary: papers.slice(0, 10).map((p) => p.summary).join(' ') };
    // Alone, and between two others: more columns than the rows start with room for (128 a row).
    for (const batch of [[long], [papers[1]!, long, papers[2]!]]) {
      const rows = toRows(batch, vocabulary);
      batch.forEach((paper, i) => expect(rowAt(rows, i), paper.id).toEqual(vectorize(paperTerms(paper), vocabulary)));
    }
    expect(vectorize(paperTerms(long), vocabulary).idx.length).toBeGreaterThan(128);
  });
});
