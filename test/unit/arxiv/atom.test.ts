import { describe, expect, it } from 'vitest';
import { parseAtomFeed } from '../../../lib/arxiv/atom';
import { ArxivApiError, FeedFormatError } from '../../../lib/arxiv/errors';
import api1207 from '../../fixtures/arxiv/api/api_1207.7214.xml?raw';
import api1706 from '../../fixtures/arxiv/api/api_1706.03762.xml?raw';
import errorStart from '../../fixtures/arxiv/api/api_error_start.xml?raw';
import zeroResults from '../../fixtures/arxiv/api/api_zero_results.xml?raw';
import missingId from '../../fixtures/arxiv/api/id_0000.0000_s0_m100_8b51d9633a68.xml?raw';
import oneMissingOneReal from '../../fixtures/arxiv/api/id_0808.05394_1707.08567_s0_m100_42e5aa0ec3af.xml?raw';
import twoAuthors from '../../fixtures/arxiv/api/id_1605.08386_s0_m100_199195aa31ad.xml?raw';
import longAuthors from '../../fixtures/arxiv/api/id_1707.08567_s0_m100_6a1afebfc6a3.xml?raw';
import titledZero from '../../fixtures/arxiv/api/id_2104.12255v1_s0_m100_6ae69987ffe1.xml?raw';
import errorAbc from '../../fixtures/arxiv/api/id_abc_s0_m100_b79c8dcf6bc3.xml?raw';
import astroPh from '../../fixtures/arxiv/api/id_astro-ph_0601001_s0_m100_3150dca9dc76.xml?raw';
import quantPh from '../../fixtures/arxiv/api/id_quant-ph_0201082v1_s0_m100_86989fe779ef.xml?raw';
import newIdList from '../../fixtures/arxiv/api/newapi_2025-11-11_idlist_4ids_3missing.xml?raw';
import oldIdList from '../../fixtures/arxiv/api/oldapi_2025-08_idlist_4ids_3missing_empty_entries.xml?raw';
import oldSearch from '../../fixtures/arxiv/api/oldapi_2025-08_search_all-electron_AND_all-proton_10of7370.xml?raw';
import delMaestro from '../../fixtures/arxiv/api/q_au_del_maestro.xml?raw';
import delMaestroCheckerboard from '../../fixtures/arxiv/api/q_au_del_maestro_AND_ti_checkerboard.xml?raw';
import testing0 from '../../fixtures/arxiv/api/q_testing_s0_m10_bc5a6c384fe9.xml?raw';
import testing10 from '../../fixtures/arxiv/api/q_testing_s10_m10_34e56e15aaac.xml?raw';
import testing20 from '../../fixtures/arxiv/api/q_testing_s20_m10_348a237fecab.xml?raw';
import testing30 from '../../fixtures/arxiv/api/q_testing_s30_m10_f2e39f0143dc.xml?raw';
import listPage from '../../fixtures/arxiv/html/list_cs.CL_recent.html?raw';

const only = (xml: string) => {
  const feed = parseAtomFeed(xml);
  expect(feed.entries).toHaveLength(1);
  return feed.entries[0]!;
};

describe('parseAtomFeed on new-backend id lookups', () => {
  it('reads 1706.03762 with its 8 authors, version and comment', () => {
    const feed = parseAtomFeed(api1706);
    expect(feed).toMatchObject({ totalResults: 1, startIndex: 0, itemsPerPage: 1 });
    const paper = feed.entries[0]!;
    expect(paper.id).toBe('1706.03762');
    expect(paper.version).toBe(7);
    expect(paper.title).toBe('Attention Is All You Need');
    expect(paper.authors.map((a) => a.name)).toEqual([
      'Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit',
      'Llion Jones', 'Aidan N. Gomez', 'Lukasz Kaiser', 'Illia Polosukhin',
    ]);
    expect(paper.primaryCategory).toBe('cs.CL');
    expect(paper.categories).toEqual(['cs.CL', 'cs.LG']);
    expect(paper.comment).toMatch(/^15 pages, 5 figures/);
    expect(paper.published).toBe('2017-06-12T17:57:34Z');
    expect(paper.absUrl).toBe('https://arxiv.org/abs/1706.03762v7');
    expect(paper.pdfUrl).toBe('https://arxiv.org/pdf/1706.03762v7');
    expect(paper.doi).toBeUndefined();
  });

  it('reads journal_ref, doi and a collaboration author of 1207.7214', () => {
    const paper = only(api1207);
    expect(paper).toMatchObject({
      id: '1207.7214',
      version: 2,
      journalRef: 'Phys.Lett. B716 (2012) 1-29',
      doi: '10.1016/j.physletb.2012.08.020',
      primaryCategory: 'hep-ex',
      categories: ['hep-ex'],
      published: '2012-07-31T11:59:59Z',
      updated: '2012-08-31T19:29:54Z',
    });
    expect(paper.authors).toEqual([{ name: 'The ATLAS Collaboration', affiliations: [] }]);
    expect(paper.summary).toContain('H->ZZ^(*)->llll');
    expect(paper.summary).not.toMatch(/\s{2}|^\s|\s$/);
  });

  it('reads an old-style id with affiliations, comment and journal_ref', () => {
    const paper = only(astroPh);
    expect(paper.id).toBe('astro-ph/0601001');
    expect(paper.version).toBe(1);
    expect(paper.authors).toHaveLength(4);
    expect(paper.authors[0]).toEqual({ name: 'Andrew Gould', affiliations: ['Ohio State'] });
    expect(paper.authors[2]).toEqual({ name: 'B. Scott Gaudi', affiliations: ['CfA'] });
    expect(paper.authors[3]!.affiliations).toEqual(['Warsaw University Observatory']);
    expect(paper.journalRef).toBe('ActaAstron.56:1-50,2006');
    expect(paper.comment).toMatch(/^62 pages including 16 figures/);
    expect(paper.absUrl).toBe('https://arxiv.org/abs/astro-ph/0601001v1');
    expect(paper.summary).toContain('V_max<17.5');
  });

  it('reads an old-style id with a version and two categories', () => {
    const paper = only(quantPh);
    expect(paper.id).toBe('quant-ph/0201082');
    expect(paper.version).toBe(1);
    expect(paper.categories).toHaveLength(2);
    expect(paper.categories[0]).toBe(paper.primaryCategory);
  });

  it('keeps a very long author list whole', () => {
    const paper = only(longAuthors);
    expect(paper.id).toBe('1707.08567');
    expect(paper.authors).toHaveLength(34);
    expect(paper.authors.every((a) => a.name.length > 0)).toBe(true);
  });

  it('reads a plain two-author, two-category entry with a comment', () => {
    const paper = only(twoAuthors);
    expect(paper.id).toBe('1605.08386');
    expect(paper.authors).toHaveLength(2);
    expect(paper.categories).toHaveLength(2);
    expect(paper.comment).toBeDefined();
  });

  it('keeps a paper titled 0 as the string "0"', () => {
    const paper = only(titledZero);
    expect(paper.id).toBe('2104.12255');
    expect(paper.title).toBe('0');
    expect(paper.summary).toContain('$35,000');
  });

  it('returns the one real paper of an id_list with a missing id', () => {
    const paper = only(oneMissingOneReal);
    expect(paper.id).toBe('1707.08567');
  });

  it('returns no entries for a missing id and for a search without hits', () => {
    expect(parseAtomFeed(missingId)).toEqual({ totalResults: 0, startIndex: 0, itemsPerPage: 100, entries: [] });
    expect(parseAtomFeed(zeroResults).entries).toEqual([]);
    expect(parseAtomFeed(zeroResults).totalResults).toBe(0);
  });

  it('derives abs and pdf URLs when links carry no rel', () => {
    const paper = only(newIdList);
    expect(paper).toMatchObject({
      id: '2201.13452',
      version: 1,
      absUrl: 'https://arxiv.org/abs/2201.13452v1',
      pdfUrl: 'https://arxiv.org/pdf/2201.13452v1',
      primaryCategory: 'math.AP',
    });
    expect(paper.authors.map((a) => a.name)).toEqual(['Hong-Ming Yin', 'Jun Zou']);
  });
});

describe('parseAtomFeed on old-backend feeds', () => {
  it('skips the empty <entry> stubs of missing ids and unwraps hard-wrapped text', () => {
    const feed = parseAtomFeed(oldIdList);
    expect(feed.totalResults).toBe(4);
    expect(feed.entries.map((e) => e.id)).toEqual(['2201.13452']);
    const [paper] = feed.entries;
    expect(paper!.title).toBe(
      'Asymptotic Analysis for a Nonlinear Reaction-Diffusion System Modeling an Infectious Disease',
    );
    // The same paper from the new backend has the same text once whitespace is collapsed.
    expect(paper!.summary).toBe(only(newIdList).summary);
  });

  it('reads a 10-of-7370 search page and its namespaced totals', () => {
    const feed = parseAtomFeed(oldSearch);
    expect(feed).toMatchObject({ totalResults: 7370, startIndex: 0, itemsPerPage: 10 });
    expect(feed.entries).toHaveLength(10);
    for (const entry of feed.entries) {
      expect(entry.id).toMatch(/^\d{4}\.\d{4,5}$|^[a-z-]+\/\d{7}$/);
      expect(entry.title).not.toMatch(/\n|\s{2}/);
      expect(entry.absUrl).toMatch(/^https:\/\/arxiv\.org\/abs\//);
    }
  });

  it("reads the API manual's example queries, with dois", () => {
    const feed = parseAtomFeed(delMaestro);
    expect(feed.totalResults).toBe(31);
    expect(feed.entries).toHaveLength(10);
    expect(feed.entries.some((e) => e.doi === '10.1142/S021797921244002X')).toBe(true);
    expect(feed.entries.every((e) => e.authors.some((a) => /Del Maestro/i.test(a.name)))).toBe(true);
    expect(parseAtomFeed(delMaestroCheckerboard).entries).toHaveLength(1);
  });
});

describe('parseAtomFeed on search pages', () => {
  it('reads four pages of one query with totalResults, offsets and unique ids', () => {
    const pages = [testing0, testing10, testing20, testing30].map(parseAtomFeed);
    expect(pages.map((p) => p.startIndex)).toEqual([0, 10, 20, 30]);
    expect(pages.every((p) => p.totalResults === 214881 && p.itemsPerPage === 10)).toBe(true);
    const ids = pages.flatMap((p) => p.entries.map((e) => e.id));
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    const first = pages[0]!.entries[0]!;
    expect(first.title).toBe('Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques');
  });

  it('reads doi and journal_ref where the testing page has them', () => {
    const entries = parseAtomFeed(testing0).entries;
    expect(entries.some((e) => e.doi !== undefined)).toBe(true);
    expect(entries.some((e) => e.journalRef !== undefined)).toBe(true);
  });

  it('decodes entities and keeps LaTeX as written', () => {
    const all = [testing0, testing10, testing20, testing30].flatMap((x) => parseAtomFeed(x).entries);
    expect(all.some((e) => e.title === 'ChatGPT and Software Testing Education: Promises & Perils')).toBe(true);
    expect(all.some((e) => e.title.includes('$ω$Test') || e.title.includes('$\\omega$Test'))).toBe(true);
    expect(all.some((e) => e.summary.includes('$r>0$'))).toBe(true);
    expect(all.some((e) => e.summary.includes('$Θ(\\sqrt{n})$'))).toBe(true);
  });
});

describe('parseAtomFeed errors', () => {
  it("throws ArxivApiError with arXiv's own message for error feeds", () => {
    expect(() => parseAtomFeed(errorStart)).toThrow(ArxivApiError);
    expect(() => parseAtomFeed(errorStart)).toThrow('start must be an integer');
    expect(() => parseAtomFeed(errorAbc)).toThrow(
      expect.objectContaining({ name: 'ArxivApiError', message: 'incorrect id format for abc', code: 'incorrect_id_format_for_abc' }),
    );
  });

  it('throws FeedFormatError for HTML, truncated and empty bodies', () => {
    expect(() => parseAtomFeed(listPage)).toThrow(FeedFormatError);
    expect(() => parseAtomFeed(testing0.slice(0, testing0.length / 2))).toThrow(FeedFormatError);
    // A body cut off exactly after an entry is still incomplete.
    expect(() => parseAtomFeed(testing0.slice(0, testing0.lastIndexOf('</entry>') + 8))).toThrow(FeedFormatError);
    expect(() => parseAtomFeed('')).toThrow(FeedFormatError);
    expect(() => parseAtomFeed('   \n')).toThrow(FeedFormatError);
    expect(() => parseAtomFeed('Rate exceeded.')).toThrow(FeedFormatError);
    expect(() => parseAtomFeed('<rss><channel></channel></rss><!-- </feed> -->')).toThrow(FeedFormatError);
  });
});
