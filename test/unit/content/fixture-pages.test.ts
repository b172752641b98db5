import { describe, expect, it } from 'vitest';
import { findPapers, type PaperSlot } from '../../../lib/content/find-papers';
import { detectPage } from '../../../lib/content/page-kind';
import { pageSubject } from '../../../lib/content/page-subject';
import abs1207 from '../../fixtures/arxiv/html/abs_1207.7214.html?raw';
import abs1706 from '../../fixtures/arxiv/html/abs_1706.03762.html?raw';
import recentList from '../../fixtures/arxiv/html/list_cs.CL_recent.html?raw';
import searchPage from '../../fixtures/arxiv/html/search_all_attention.html?raw';

// URLs as recorded in test/fixtures/arxiv/SOURCES.md.
const ABS_1706 = new URL('https://arxiv.org/abs/1706.03762');
const ABS_1207 = new URL('https://arxiv.org/abs/1207.7214');
const RECENT = new URL('https://arxiv.org/list/cs.CL/recent?skip=0&show=50');
const SEARCH = new URL('https://arxiv.org/search/?searchtype=all&query=attention+is+all+you+need&size=50');

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const ids = (slots: PaperSlot[]) => slots.map((slot) => slot.id);
const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;

describe('listing /list/cs.CL/recent', () => {
  const doc = parse(recentList);
  const slots = findPapers(doc, 'listing', RECENT);

  it('is a listing page', () => {
    expect(detectPage(RECENT)).toBe('listing');
  });

  it('has one slot per paper entry, 50 in all, in page order', () => {
    // Counted on the raw file, not with the module's selectors: one `<dt>` per paper.
    expect(count(recentList, /<dt>/g)).toBe(50);
    expect(slots).toHaveLength(50);
    expect(slots[0]?.id).toBe('2608.12278');
    expect(slots.at(-1)?.id).toBe('2608.11338');
    expect(new Set(ids(slots)).size).toBe(50);
  });

  it('puts each control at the end of the entry line, after [pdf, html, other]', () => {
    const first = slots[0]!;
    expect(first.anchor.tagName).toBe('DT');
    expect(first.placement).toBe('append');
    expect(first.anchor.textContent).toContain('arXiv:2608.12278');
    expect(first.anchor.lastElementChild?.textContent).toBe('other');
    expect(slots.every((slot) => slot.anchor.tagName === 'DT')).toBe(true);
  });

  it('names no version, as the listing links carry none', () => {
    expect(slots.every((slot) => slot.version === undefined)).toBe(true);
  });

  it('has no page subject', () => {
    expect(pageSubject(doc, 'listing', RECENT)).toBeNull();
  });
});

describe('search results /search/?query=attention is all you need', () => {
  const doc = parse(searchPage);
  const slots = findPapers(doc, 'search', SEARCH);

  it('is a search page', () => {
    expect(detectPage(SEARCH)).toBe('search');
  });

  it('has one slot per result, 50 in all, in page order', () => {
    expect(count(searchPage, /<li class="arxiv-result">/g)).toBe(50);
    expect(slots).toHaveLength(50);
    expect(slots[0]?.id).toBe('2607.23678');
    expect(slots.at(-1)?.id).toBe('2501.05730');
    expect(new Set(ids(slots)).size).toBe(50);
  });

  it('puts each control on the "arXiv:<id> [pdf, ps, other]" line', () => {
    const first = slots[0]!;
    expect(first.placement).toBe('append');
    expect(first.anchor.matches('p.list-title')).toBe(true);
    expect(first.anchor.textContent).toMatch(/arXiv:2607\.23678\s+\[pdf, ps, other\]/);
  });
});

describe.each([
  { name: '1706.03762', html: abs1706, url: ABS_1706, version: 7, title: 'Attention Is All You Need' },
  { name: '1207.7214', html: abs1207, url: ABS_1207, version: 2, title: 'Observation of a new particle' },
])('abstract page /abs/$name', ({ name, html, url, version, title }) => {
  const doc = parse(html);

  it('is an abs page', () => {
    expect(detectPage(url)).toBe('abs');
  });

  it('has exactly one slot, for the paper itself, in the "Access Paper:" box', () => {
    const slots = findPapers(doc, 'abs', url);
    expect(slots).toHaveLength(1);
    const slot = slots[0]!;
    expect(slot.id).toBe(name);
    expect(slot.version).toBe(version);
    expect(slot.placement).toBe('append');
    expect(slot.anchor.tagName).toBe('UL');
    expect(slot.anchor.closest('.full-text')?.querySelector('h2')?.textContent).toBe('Access Paper:');
    expect(slot.anchor.textContent).toContain('View PDF');
  });

  it('is about that paper, in the version the page shows', () => {
    expect(pageSubject(doc, 'abs', url)).toEqual({ id: name, version });
    expect(doc.querySelector('h1.title')?.textContent).toContain(title);
  });

  it('keeps the version the URL asks for', () => {
    const v1 = new URL(`https://arxiv.org/abs/${name}v1`);
    expect(pageSubject(doc, 'abs', v1)).toEqual({ id: name, version: 1 });
  });
});
