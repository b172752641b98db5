import { describe, expect, it } from 'vitest';
import { findPapers, type PaperSlot } from '../../../lib/content/find-papers';
import { detectPage } from '../../../lib/content/page-kind';
import abs1706 from '../../fixtures/arxiv/html/abs_1706.03762.html?raw';
import recentList from '../../fixtures/arxiv/html/list_cs.CL_recent.html?raw';
import searchPage from '../../fixtures/arxiv/html/search_all_attention.html?raw';
import { authorPageHtml, entryIdOf, listingEntries, unknownListHtml } from '../../helpers/arxiv-pages';
import { authorPage } from './listing-pages';

/*
 * Every kind of arXiv page a paper can be saved from, each with a Save slot per paper and what
 * the page shows of it. The recent and /new listings, the /a/ page as arxiv-browse's template
 * renders it, search, abstract and HTML pages have tests of their own (fixture-pages,
 * new-listing, html-paper); here: the author page as arxiv.org serves it, a monthly listing, an
 * abstract page of an old-style id, and markup no selector knows.
 */
const AUTHOR = new URL('https://arxiv.org/a/doe_j_1');
const RECENT = new URL('https://arxiv.org/list/cs.CL/recent?skip=0&show=50');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const ids = (slots: PaperSlot[]) => slots.map((slot) => slot.id);
const listedIds = listingEntries(recentList).map(entryIdOf);

describe('an author page as arxiv.org serves it: each dt in a div.mathjax, in a dl without id', () => {
  const doc = parse(authorPageHtml(recentList));
  const slots = findPapers(doc, 'author', AUTHOR);

  it('is built to that structure, from the 50 real entries of the listing capture', () => {
    expect(detectPage(AUTHOR)).toBe('author');
    expect(doc.querySelectorAll('dl').length).toBe(1);
    expect(doc.querySelector('dl')!.id).toBe('');
    expect(doc.querySelectorAll('dl > div.mathjax > dt')).toHaveLength(50);
    expect(doc.querySelectorAll('dl > dt')).toHaveLength(0);
  });

  it('has a slot per paper, in page order, on each entry line', () => {
    expect(ids(slots)).toEqual(listedIds);
    expect(slots.every((slot) => slot.anchor.tagName === 'DT' && slot.placement === 'append')).toBe(true);
  });

  it('reads what the page shows of each paper: title and authors, not their labels', () => {
    expect(slots[0]!.shown).toEqual({
      title: 'Structural Silence: When AI Infrastructure Fails Speakers of Underrepresented Languages',
      authors: ['Avijit Roy', 'Proma Roy'],
    });
    expect(slots.every((slot) => slot.shown && slot.shown.title !== '' && !slot.shown.title.startsWith('Title:'))).toBe(true);
  });
});

describe('an author page as arxiv-browse’s template renders it (dl#articles, no wrapper)', () => {
  it('has a slot per paper', () => {
    const doc = authorPage([{ id: '2608.12278' }, { id: 'math/0309136' }, { id: '1207.7214' }]);
    const slots = findPapers(doc, 'author', AUTHOR);
    expect(ids(slots)).toEqual(['2608.12278', 'math/0309136', '1207.7214']);
    expect(slots[1]!.shown).toEqual({ title: 'Paper math/0309136', authors: ['Jane Doe'] });
  });
});

describe('a monthly listing (/list/<cat>/YYYY-MM)', () => {
  // arxiv-browse's list/month.html is list/base.html with its own heading: the same item_list
  // as the recent listing. Derived from the recent capture: the heading replaced.
  it('has a slot per paper', () => {
    const MONTH = new URL('https://arxiv.org/list/cs.CL/2026-08?skip=0&show=50');
    const html = recentList.replace(/<h3>Thu, 13 Aug 2026[^<]*<\/h3>/, '<h2>Authors and titles for August 2026 </h2>');
    expect(html).not.toBe(recentList);
    expect(detectPage(MONTH)).toBe('listing');
    expect(ids(findPapers(parse(html), 'listing', MONTH))).toEqual(listedIds);
  });
});

describe('an abstract page of an old-style id', () => {
  // Derived from the 1706.03762 capture: the paper's id replaced by hep-th/9711200 throughout.
  it('has one slot, for the paper its address names, with the version it shows', () => {
    const url = new URL('https://arxiv.org/abs/hep-th/9711200');
    const [slot, ...more] = findPapers(parse(abs1706.replaceAll('1706.03762', 'hep-th/9711200')), 'abs', url);
    expect(more).toEqual([]);
    expect(slot).toMatchObject({ id: 'hep-th/9711200', version: 7, shown: { title: 'Attention Is All You Need' } });
  });
});

describe('a list in markup no selector knows', () => {
  const doc = parse(unknownListHtml(recentList));

  it('still gets a slot per paper, found by the entries’ own "arXiv:<id>" links, on a listing or an author page', () => {
    for (const [kind, url] of [['listing', RECENT], ['author', AUTHOR]] as const) {
      const slots = findPapers(doc, kind, url);
      expect(ids(slots)).toEqual(listedIds);
      expect(slots.every((slot) => slot.anchor.matches('span.id') && slot.placement === 'append')).toBe(true);
    }
  });

  it('counts no paper an abstract mentions as an entry', () => {
    expect(doc.querySelectorAll('a[href="/abs/1706.03762"]').length).toBe(10);
    expect(ids(findPapers(doc, 'listing', RECENT))).not.toContain('1706.03762');
  });

  it('puts a control right after each link when one element holds many entries', () => {
    const html = `<html><body><div class="box">${listedIds.map((id) => `<a href="/abs/${id}">arXiv:${id}</a> A title<br>`).join('\n')}</div></body></html>`;
    const slots = findPapers(parse(html), 'listing', RECENT);
    expect(ids(slots)).toEqual(listedIds);
    expect(slots.every((slot) => slot.anchor.tagName === 'A' && slot.placement === 'after')).toBe(true);
  });

  it('never counts more than arXiv’s longest pages show', () => {
    const many = Array.from({ length: 2500 }, (_, i) => `<li><a href="/abs/2609.${String(i).padStart(5, '0')}">arXiv:2609.${String(i).padStart(5, '0')}</a></li>`);
    expect(findPapers(parse(`<html><body><ul>${many.join('')}</ul></body></html>`), 'listing', RECENT)).toHaveLength(2000);
  });
});

describe('what the page shows of a paper on the other pages', () => {
  it('search results: title and authors of each result', () => {
    const [first] = findPapers(parse(searchPage), 'search', new URL('https://arxiv.org/search/?query=attention'));
    expect(first!.shown).toEqual({
      title: 'Focus Is All You Need: Adaptive Goal-aware Attention Orchestration for Multi-Agent Graph Systems',
      authors: ['Mingzhou Fan', 'Siyuan Xu', 'Mingxuan Yuan'],
    });
  });

  it('abstract page: its title and its eight authors', () => {
    const [slot] = findPapers(parse(abs1706), 'abs', new URL('https://arxiv.org/abs/1706.03762'));
    expect(slot!.shown?.title).toBe('Attention Is All You Need');
    expect(slot!.shown?.authors).toHaveLength(8);
    expect(slot!.version).toBe(7);
  });

  it('keeps a page’s markup as text, and its hostile lengths to the limits', () => {
    const html = recentList.replace(
      'Structural Silence: When AI Infrastructure Fails Speakers of Underrepresented Languages',
      `&lt;img src=x onerror=alert(1)&gt; ${'long '.repeat(1000)}`,
    );
    const [first] = findPapers(parse(html), 'listing', RECENT);
    expect(first!.shown!.title.startsWith('<img src=x onerror=alert(1)> long long')).toBe(true);
    expect(first!.shown!.title.length).toBeLessThanOrEqual(1000);
  });
});
