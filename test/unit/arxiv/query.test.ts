import { describe, expect, it } from 'vitest';
import {
  asciiSuggestion,
  buildIdListUrl,
  buildQueryUrl,
  buildSearchQuery,
  lintQuery,
  type LintProblem,
} from '../../../lib/arxiv/query';
import type { SubscriptionQuery } from '../../../lib/subscription';
import delMaestro from '../../fixtures/arxiv/api/q_au_del_maestro.xml?raw';

const keyword = (value: string, extra: Partial<SubscriptionQuery> = {}): SubscriptionQuery => ({
  kind: 'keyword', value, categories: [], exclude: [], ...extra,
});
const author = (value: string): SubscriptionQuery => ({ kind: 'author', value, categories: [], exclude: [] });
const category = (value: string, extra: Partial<SubscriptionQuery> = {}): SubscriptionQuery => ({
  kind: 'category', value, categories: [], exclude: [], ...extra,
});
const raw = (value: string, extra: Partial<SubscriptionQuery> = {}): SubscriptionQuery => ({
  kind: 'raw', value, categories: [], exclude: [], ...extra,
});
const codes = (problems: LintProblem[]) => problems.map((problem) => `${problem.severity}:${problem.code}`);
const only = (problems: LintProblem[], code: string) => {
  const found = problems.filter((problem) => problem.code === code);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('buildSearchQuery', () => {
  it('searches a keyword as a phrase in title or abstract', () => {
    expect(buildSearchQuery(keyword('graph neural network'))).toBe('ti:"graph neural network" OR abs:"graph neural network"');
  });

  it('quotes a single word the same way', () => {
    expect(buildSearchQuery(keyword('  transformer '))).toBe('ti:"transformer" OR abs:"transformer"');
  });

  it('keeps double quotes inside a keyword from breaking the phrase', () => {
    const query = buildSearchQuery(keyword('the "attention"   model'));
    expect(query).toBe('ti:"the attention model" OR abs:"the attention model"');
    expect(query.split('"')).toHaveLength(5);
  });

  it('searches an author name as a phrase, surname alone or in full', () => {
    expect(buildSearchQuery(author('del maestro'))).toBe('au:"del maestro"');
    expect(buildSearchQuery(author('Adrian Del Maestro'))).toBe('au:"Adrian Del Maestro"');
    expect(buildSearchQuery(author('Hinton'))).toBe('au:"Hinton"');
  });

  it('turns "Surname, Given" into the order names appear on papers', () => {
    expect(buildSearchQuery(author('Del Maestro, Adrian'))).toBe('au:"Adrian Del Maestro"');
  });

  it('uses the author form of the manual example, whose saved answer lists that author', () => {
    // The fixture answers the manual's own `au:del_maestro`; our query names the same person.
    expect(delMaestro).toContain('<name>Adrian Del Maestro</name>');
    expect(buildSearchQuery(author('Del Maestro'))).toBe('au:"Del Maestro"');
  });

  it('searches a category, or several', () => {
    expect(buildSearchQuery(category('cs.DC'))).toBe('cat:cs.DC');
    expect(buildSearchQuery(category('cs.DC, cs.LG'))).toBe('cat:cs.DC OR cat:cs.LG');
  });

  it("passes the user's own query through, trimmed", () => {
    expect(buildSearchQuery(raw('  au:del_maestro ANDNOT ti:checkerboard \n'))).toBe('au:del_maestro ANDNOT ti:checkerboard');
  });

  it('limits to categories with the base in parentheses', () => {
    expect(buildSearchQuery(keyword('diffusion model', { categories: ['cs.LG', 'stat.ML'] }))).toBe(
      '(ti:"diffusion model" OR abs:"diffusion model") AND (cat:cs.LG OR cat:stat.ML)',
    );
    expect(buildSearchQuery(raw('ti:a OR ti:b', { categories: ['cs.DC'] }))).toBe('(ti:a OR ti:b) AND cat:cs.DC');
  });

  it('excludes each term from title and abstract', () => {
    expect(buildSearchQuery(keyword('graph', { exclude: ['survey'] }))).toBe(
      '(ti:"graph" OR abs:"graph") ANDNOT (ti:"survey" OR abs:"survey")',
    );
    expect(buildSearchQuery(category('cs.DC', { exclude: ['blockchain', 'smart "contract"'] }))).toBe(
      '(cat:cs.DC) ANDNOT (ti:"blockchain" OR abs:"blockchain" OR ti:"smart contract" OR abs:"smart contract")',
    );
  });

  it('combines categories and exclusions, ignoring blank entries', () => {
    expect(buildSearchQuery(raw('au:lecun OR au:bengio', { categories: ['cs.LG', ' '], exclude: ['', 'survey'] }))).toBe(
      '(au:lecun OR au:bengio) AND cat:cs.LG ANDNOT (ti:"survey" OR abs:"survey")',
    );
  });

  it('refuses an empty subscription', () => {
    expect(() => buildSearchQuery(keyword(' "" '))).toThrow(RangeError);
    expect(() => buildSearchQuery(raw('   ', { categories: ['cs.DC'] }))).toThrow(RangeError);
  });

  it('always builds a query that passes the syntax checks', () => {
    const subscriptions = [
      keyword('say "hello" (world', { categories: ['cs.CL'], exclude: ['"chat'] }),
      author('Del Maestro, Adrian'),
      category('hep-th, gr-qc', { exclude: ['string'] }),
      raw('(au:a OR au:b)', { categories: ['cs.DC', 'cs.LG'], exclude: ['x'] }),
    ];
    for (const subscription of subscriptions) {
      expect(lintQuery(raw(buildSearchQuery(subscription)))).toEqual([]);
    }
  });
});

describe('buildQueryUrl', () => {
  const searchQuery = '(ti:"graph neural network" OR abs:"graph neural network") AND cat:cs.LG';

  it('carries the query and paging, newest first, to the API endpoint', () => {
    const url = new URL(buildQueryUrl({ searchQuery, start: 100, maxResults: 50 }));
    expect(`${url.origin}${url.pathname}`).toBe('https://export.arxiv.org/api/query');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      search_query: searchQuery,
      start: '100',
      max_results: '50',
      sortBy: 'submittedDate',
      sortOrder: 'descending',
    });
  });

  it('encodes spaces, quotes and parentheses', () => {
    const url = buildQueryUrl({ searchQuery, start: 0, maxResults: 10 });
    expect(url).not.toMatch(/[ "()]/);
    expect(url).toContain('%22graph+neural+network%22');
    expect(url).toContain('%28ti%3A');
    expect(new URLSearchParams(url.split('?')[1]).get('search_query')).toBe(searchQuery);
  });

  it('keeps & and + in a query from being read as URL syntax', () => {
    const url = buildQueryUrl({ searchQuery: 'ti:"C++ & Rust"', start: 0, maxResults: 1 });
    expect(new URLSearchParams(url.split('?')[1]).get('search_query')).toBe('ti:"C++ & Rust"');
  });

  it('refuses paging arXiv does not serve', () => {
    expect(() => buildQueryUrl({ searchQuery, start: -1, maxResults: 10 })).toThrow(RangeError);
    expect(() => buildQueryUrl({ searchQuery, start: 1.5, maxResults: 10 })).toThrow(RangeError);
    expect(() => buildQueryUrl({ searchQuery, start: 0, maxResults: 0 })).toThrow(RangeError);
    expect(() => buildQueryUrl({ searchQuery, start: 0, maxResults: 2001 })).toThrow(RangeError);
    expect(() => buildQueryUrl({ searchQuery, start: 0, maxResults: 2000 })).not.toThrow();
  });
});

describe('buildIdListUrl', () => {
  it('lists canonical ids, asking for exactly that many results', () => {
    const url = buildIdListUrl(['2605.12345', 'https://arxiv.org/abs/hep-th/9711200v2', 'arXiv:1706.03762', 'math.GT/0309136']);
    expect(url).toBe(
      'https://export.arxiv.org/api/query?id_list=2605.12345,hep-th/9711200v2,1706.03762,math/0309136&max_results=4',
    );
    expect(new URL(url).searchParams.get('id_list')).toBe('2605.12345,hep-th/9711200v2,1706.03762,math/0309136');
  });

  it('asks once for an id given twice', () => {
    expect(buildIdListUrl(['1706.03762', 'arXiv:1706.03762'])).toBe(
      'https://export.arxiv.org/api/query?id_list=1706.03762&max_results=1',
    );
  });

  it('refuses an id arXiv would answer with an error, and an empty list', () => {
    expect(() => buildIdListUrl(['1706.03762', 'abc'])).toThrow(/"abc" is not an arXiv id/);
    expect(() => buildIdListUrl([])).toThrow(RangeError);
  });
});

describe('asciiSuggestion', () => {
  it('removes accents', () => {
    expect(asciiSuggestion('Schrödinger')).toBe('Schrodinger');
    expect(asciiSuggestion('naïve')).toBe('naive');
    expect(asciiSuggestion('Erdős–Rényi')).toBe('Erdos Renyi');
    expect(asciiSuggestion('Poincaré')).toBe('Poincare');
  });

  it('spells out letters without an accent to remove', () => {
    expect(asciiSuggestion('Gauß')).toBe('Gauss');
    expect(asciiSuggestion('Ærøskøbing')).toBe('AEroskobing');
    expect(asciiSuggestion('Łukasz Kaiser')).toBe('Lukasz Kaiser');
    expect(asciiSuggestion('ﬁnite α-stable')).toBe('finite alpha-stable');
  });

  it('leaves ASCII alone and drops what has no Latin spelling', () => {
    expect(asciiSuggestion('graph neural network')).toBe('graph neural network');
    expect(asciiSuggestion('量子 computing')).toBe('computing');
  });
});

describe('lintQuery', () => {
  it('finds nothing wrong with clean subscriptions of every kind', () => {
    expect(lintQuery(keyword('graph neural network', { categories: ['cs.LG', 'stat.ML'], exclude: ['survey'] }))).toEqual([]);
    expect(lintQuery(author('Del Maestro, Adrian'))).toEqual([]);
    expect(lintQuery(category('hep-th, astro-ph.CO, physics.acc-ph, cond-mat.stat-mech, math.GT'))).toEqual([]);
    expect(lintQuery(raw('au:del_maestro ANDNOT (ti:checkerboard OR ti:"quantum criticality")'))).toEqual([]);
    expect(lintQuery(raw('all:electron AND submittedDate:[202401010000 TO 202402010000]'))).toEqual([]);
  });

  it('reports an empty query as an error, for each kind', () => {
    for (const q of [keyword(''), keyword('  " " '), author(' , '), category(' , '), raw(' ( "" ) ')]) {
      expect(codes(lintQuery(q))).toEqual(['error:empty-query']);
    }
  });

  it('reports a double quote without its partner', () => {
    const problem = only(lintQuery(raw('ti:"dark matter AND cat:astro-ph.CO')), 'unbalanced-quotes');
    expect(problem.severity).toBe('error');
    expect(problem.message).toContain('ti:"dark matter"');
    expect(lintQuery(raw('ti:"dark matter" AND cat:astro-ph.CO'))).toEqual([]);
  });

  it('reports parentheses that do not match, ignoring those inside phrases', () => {
    expect(only(lintQuery(raw('(ti:a OR ti:b AND cat:cs.DC')), 'unbalanced-parentheses').message).toMatch(/never closed/);
    expect(only(lintQuery(raw('ti:a) OR (ti:b')), 'unbalanced-parentheses').message).toMatch(/comes before/);
    expect(lintQuery(raw('ti:"a (b" OR ti:c'))).toEqual([]);
  });

  it('reports a field arXiv does not know, suggesting the right one', () => {
    const problems = lintQuery(raw('title:transformer OR TI:bert OR foo:bar'));
    expect(codes(problems)).toEqual(['error:unknown-field', 'error:unknown-field', 'error:unknown-field']);
    expect(problems[0]!.message).toContain('Write ti: instead');
    expect(problems[1]!.message).toContain('Write ti: instead');
    expect(problems[2]!.message).toContain('au: (author)');
    // A colon inside a phrase is part of the phrase.
    expect(lintQuery(raw('ti:"BERT: pretraining"'))).toEqual([]);
  });

  it('warns about hyphens, in keywords, exclusions, authors and raw queries, suggesting a space', () => {
    const inKeyword = only(lintQuery(keyword('self-supervised learning')), 'hyphen');
    expect(inKeyword.severity).toBe('warning');
    expect(inKeyword.message).toContain('"self supervised" instead of "self-supervised"');
    expect(codes(lintQuery(keyword('graph', { exclude: ['non-invasive'] })))).toEqual(['warning:hyphen']);
    expect(codes(lintQuery(author('Arkani-Hamed')))).toEqual(['warning:hyphen']);
    expect(only(lintQuery(raw('ti:"COVID-19" AND cat:q-bio.PE')), 'hyphen').message).toContain('"COVID 19"');
  });

  it('offers the value with the advice taken, where the advice is about the value alone', () => {
    expect(only(lintQuery(keyword('self-supervised learning')), 'hyphen').fixedValue).toBe('self supervised learning');
    expect(only(lintQuery(author('Arkani-Hamed')), 'hyphen').fixedValue).toBe('Arkani Hamed');
    expect(only(lintQuery(keyword('Schrödinger and Schrödinger-like')), 'non-ascii').fixedValue).toBe('Schrodinger and Schrodinger-like');
    expect(only(lintQuery(keyword('Gauß')), 'non-ascii').fixedValue).toBe('Gauss');
    // In an exclusion, in a raw query, or without a Latin spelling: the message says what to do.
    expect(only(lintQuery(keyword('graph', { exclude: ['non-invasive'] })), 'hyphen').fixedValue).toBeUndefined();
    expect(only(lintQuery(raw('ti:"COVID-19"')), 'hyphen').fixedValue).toBeUndefined();
    expect(only(lintQuery(keyword('量子 computing')), 'non-ascii').fixedValue).toBeUndefined();
  });

  it('leaves hyphens in category ids, identifiers and report numbers alone', () => {
    expect(lintQuery(category('hep-th'))).toEqual([]);
    expect(lintQuery(raw('cat:hep-th OR id:hep-th/9711200 OR rn:CERN-TH-2020-001'))).toEqual([]);
    expect(lintQuery(keyword('string theory', { categories: ['hep-th', 'gr-qc'] }))).toEqual([]);
  });

  it('reports letters outside ASCII with their plain spelling', () => {
    const problem = only(lintQuery(keyword('Schrödinger equation', { exclude: ['naïve'] })), 'non-ascii');
    expect(problem.severity).toBe('error');
    expect(problem.message).toContain('"Schrodinger" instead of "Schrödinger"');
    expect(problem.message).toContain('"naive" instead of "naïve"');
    expect(only(lintQuery(raw('ti:"Gauß" OR ti:量子')), 'non-ascii').message).toMatch(/"Gauss".*leave out "量子"/);
    expect(lintQuery(keyword('Schrodinger equation'))).toEqual([]);
  });

  it('warns about lower-case operators between terms of a raw query', () => {
    const problem = only(lintQuery(raw('ti:graph and ti:neural or abs:gnn')), 'lowercase-operator');
    expect(problem.severity).toBe('warning');
    expect(problem.message).toContain('Write AND, OR');
    expect(lintQuery(raw('ti:"rock and roll" AND ti:graph'))).toEqual([]);
    // In a keyword the words are part of the phrase.
    expect(lintQuery(keyword('trees and graphs'))).toEqual([]);
  });

  it('checks categories against arXiv’s taxonomy, with the one most likely meant', () => {
    const problem = only(lintQuery(keyword('graph', { categories: ['CS.LG'] })), 'unknown-category');
    expect(problem.severity).toBe('warning');
    expect(problem.message).toBe(`"CS.LG" is not one of arXiv’s categories: a subscription to it would find nothing. Did you mean "cs.LG" (Machine Learning)?`);
    // A category's name, or a made-up subject of a real archive: both look fine by shape alone.
    const distributed = only(lintQuery(category('distributed')), 'unknown-category');
    expect(distributed.message).toContain('Did you mean "cs.DC" (Distributed, Parallel, and Cluster Computing)?');
    expect(distributed.fixedValue).toBe('cs.DC');
    const made = only(lintQuery(category('cs.XYZ')), 'unknown-category');
    expect(made.message).toBe(`"cs.XYZ" is not one of arXiv’s categories: a subscription to it would find nothing. Categories look like cs.DC, math.GT or hep-th (see arxiv.org/category_taxonomy).`);
    expect(made.fixedValue).toBeUndefined();
    // Words of a name: the name as a whole says what was meant.
    expect(only(lintQuery(category('machine learning')), 'unknown-category')).toMatchObject({ fixedValue: 'cs.LG' });
    expect(only(lintQuery(category('cs.DC, distributd, cs.LG')), 'unknown-category').fixedValue).toBeUndefined();
    expect(lintQuery(category('cs.DC, hep-th, math.GT, astro-ph, solv-int'))).toEqual([]);
  });

  it('warns when a keyword or author looks like a raw query', () => {
    expect(codes(lintQuery(keyword('ti:transformer AND cat:cs.LG')))).toEqual(['warning:looks-like-query']);
    expect(codes(lintQuery(author('au:hinton')))).toEqual(['warning:looks-like-query']);
  });

  it('reports a query too long to send, and not one just short enough', () => {
    // Punctuation triples once encoded: the URL outgrows arXiv's request line before the query outgrows its own limit.
    const terms = (count: number) => Array.from({ length: count }, (_, i) => `ti:"%%%%%%%%%%${i}"`).join(' OR ');
    const long = only(lintQuery(raw(terms(90))), 'url-too-long');
    expect(long.severity).toBe('error');
    expect(long.message).toMatch(/Split it/);
    const fitting = Array.from({ length: 300 }, (_, n) => n).findLast(
      (count) => buildQueryUrl({ searchQuery: terms(count), start: 0, maxResults: 2000 }).length <= 4000,
    )!;
    expect(lintQuery(raw(terms(fitting)))).toEqual([]);
    expect(codes(lintQuery(raw(terms(fitting + 1))))).toEqual(['error:url-too-long']);
  });

  it('holds every part of a query to the limits a backup is checked against, before reading it', () => {
    expect(codes(lintQuery(raw(`ti:${'x'.repeat(2001)}`)))).toEqual(['error:over-limit']);
    expect(lintQuery(raw(`ti:${'x'.repeat(2001)}`))[0]!.message).toBe('What a subscription watches can be at most 2,000 characters long; this has 2,004.');
    expect(codes(lintQuery(keyword('graph', { exclude: ['y'.repeat(501)] })))).toEqual(['error:over-limit']);
    expect(codes(lintQuery(keyword('graph', { exclude: Array.from({ length: 101 }, (_, i) => `w${i}`) })))).toEqual(['error:over-limit']);
    expect(codes(lintQuery(keyword('graph', { categories: Array.from({ length: 101 }, () => 'cs.DC') })))).toEqual(['error:over-limit']);
    expect(lintQuery(keyword('graph', { exclude: ['y'.repeat(500)] }))).toEqual([]);
  });

  it('lets warnings through and blocks on errors', () => {
    const problems = lintQuery(keyword('Schrödinger self-energy'));
    expect(codes(problems).sort()).toEqual(['error:non-ascii', 'warning:hyphen']);
    for (const problem of problems) expect(problem.message.length).toBeGreaterThan(20);
  });
});
