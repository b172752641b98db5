import { describe, expect, it } from 'vitest';
import { rowAt, toRows } from '../../../lib/rank/matrix';
import { featuresOf } from '../../../lib/rank/model';
import { paperTerms } from '../../../lib/rank/terms';
import { buildVocabulary, vectorize } from '../../../lib/rank/vocabulary';
import { fixtureFeed } from './corpus';

const papers = fixtureFeed().map((p) => p.paper);

/**
 * The rows the background stores (toRows counts terms by column, without a map of each paper's
 * terms) must be the vectors the ranking contract makes (paperTerms, then vectorize).
 */
describe('feature rows', () => {
  it('hold each paper’s tf-idf vector as the ranking contract makes it, for every paper of the fixtures', () => {
    const { vocabulary, vectors } = featuresOf(papers);
    // In batches, as the background writes them: a batch's rows outgrow the arrays they start in.
    for (let from = 0; from < papers.length; from += 97) {
      const rows = toRows(papers.slice(from, from + 97), vocabulary);
      rows.ids.forEach((id, i) => expect(rowAt(rows, i), id).toEqual(vectors.get(id)));
    }
    expect(papers.length).toBeGreaterThan(200);
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
});
