import { describe, expect, it } from 'vitest';
import { indexOf, queryPrefixes } from '../../../lib/search/search-index';
import { paperSearchText } from '../../../lib/search/paper-text';
import { foldCase, searchWords } from '../../../lib/search/words';
import { attentionPaper, testingPapers } from '../../helpers/fixtures';
import { realEntries } from './synthetic-papers';

const fixtureIndex = indexOf(testingPapers.map((paper) => ({ id: paper.id, text: paperSearchText(paper) })));

/** The slow, obvious definition: every query word starts some word of the paper. */
function bruteForce(query: string, papers: { id: string; text: string }[]): string[] {
  const prefixes = queryPrefixes(query);
  if (prefixes.length === 0) return [];
  return papers
    .filter((paper) => {
      const words = searchWords(paper.text);
      return prefixes.every((prefix) => words.some((word) => word.startsWith(prefix)));
    })
    .map((paper) => paper.id);
}

describe('search words', () => {
  it('folds case and accents and splits TeX and hyphens into words', () => {
    expect(foldCase('Schrödinger ÉQUATION')).toBe('schrodinger equation');
    expect(foldCase('Oliver Weißl, Łukasz Kaiser, Søren Æbelø, Œuvre, Þórr')).toBe('oliver weissl, lukasz kaiser, soren aebelo, oeuvre, thorr');
    expect(searchWords('State-of-the-art $\\alpha$-stable LLMs (GPT-4)')).toEqual([
      'state', 'of', 'the', 'art', 'alpha', 'stable', 'llms', 'gpt', '4',
    ]);
  });
});

describe('search index', () => {
  it('finds a real author written with ß when the reader types ss', () => {
    const paper = testingPapers.find((p) => p.authors.some((a) => a.name.includes('Weißl')))!;
    expect(fixtureIndex.search('weissl', 100).ids).toContain(paper.id);
    expect(fixtureIndex.search('weißl', 100).ids).toContain(paper.id);
  });

  it('finds a paper by the start of each word, in any field, in the order papers were added', () => {
    const paper = testingPapers[7]!;
    const titleWord = searchWords(paper.title).find((w) => w.length > 6)!;
    const result = fixtureIndex.search(titleWord.slice(0, 5), 100);
    expect(result.ids).toContain(paper.id);
    const order = testingPapers.map((p) => p.id);
    expect([...result.ids].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(result.ids);
  });

  it('requires every word of the query (AND) and ignores their order and case', () => {
    const attention = indexOf([{ id: attentionPaper.id, text: paperSearchText(attentionPaper) }]);
    expect(attention.search('TRANSF atten', 10).ids).toEqual([attentionPaper.id]);
    expect(attention.search('vaswani shaz', 10).ids).toEqual([attentionPaper.id]); // authors
    expect(attention.search('atten zebra', 10).ids).toEqual([]);
    // A word inside another word is not a match: search is by word starts.
    expect(attention.search('ention', 10).ids).toEqual([]);
  });

  it('counts every match but returns only the first `limit`', () => {
    const all = fixtureIndex.search('test', 1000);
    const few = fixtureIndex.search('test', 3);
    expect(few.total).toBe(all.total);
    expect(few.ids).toEqual(all.ids.slice(0, 3));
  });

  it('finds nothing for an empty query or punctuation', () => {
    expect(fixtureIndex.search('   ', 10)).toEqual({ ids: [], total: 0 });
    expect(fixtureIndex.search('-- ()', 10)).toEqual({ ids: [], total: 0 });
  });

  it('agrees with the obvious definition on every fixture paper for prefixes of their own words', () => {
    const papers = realEntries.map((paper) => ({ id: paper.id, text: paperSearchText(paper) }));
    const index = indexOf(papers);
    const queries = realEntries.flatMap((paper, i) => {
      const words = searchWords(paper.summary);
      const word = words[(i * 7) % Math.max(1, words.length)] ?? 'x';
      const other = words[(i * 13 + 5) % Math.max(1, words.length)] ?? 'y';
      return [word.slice(0, 2), word, `${word} ${other.slice(0, 3)}`, `${other} qqq`];
    });
    for (const query of queries) {
      const expected = bruteForce(query, papers);
      expect(index.search(query, 10_000).ids, query).toEqual(expected);
    }
  });

  it('keeps hostile text as words, not markup', () => {
    const index = indexOf([{ id: 'x', text: 'A title <img src=x onerror=alert(1)> here' }]);
    expect(index.search('onerror', 10).ids).toEqual(['x']);
    expect(index.search('<img', 10).ids).toEqual(['x']);
  });
});
