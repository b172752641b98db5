import { describe, expect, it } from 'vitest';
import { findPapers } from '../../../lib/content/find-papers';
import { detectPage, type PageKind } from '../../../lib/content/page-kind';
import { pageSubject } from '../../../lib/content/page-subject';
import abs1706 from '../../fixtures/arxiv/html/abs_1706.03762.html?raw';
import recentList from '../../fixtures/arxiv/html/list_cs.CL_recent.html?raw';
import searchPage from '../../fixtures/arxiv/html/search_all_attention.html?raw';

const ABS = new URL('https://arxiv.org/abs/1706.03762');
const RECENT = new URL('https://arxiv.org/list/cs.CL/recent?skip=0&show=50');
const SEARCH = new URL('https://arxiv.org/search/?searchtype=all&query=attention+is+all+you+need&size=50');
const KINDS: PageKind[] = ['abs', 'listing', 'search', 'author', 'html'];

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function planted(id: string, ...children: Node[]): HTMLButtonElement {
  const button = document.createElement('button');
  button.setAttribute('data-paper-radar-save', '');
  button.setAttribute('data-arxiv-id', id);
  button.setAttribute('aria-pressed', 'true');
  button.append('Saved', ...children);
  return button;
}

function plantedLink(href: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.setAttribute('href', href);
  a.textContent = `arXiv:${href}`;
  return a;
}

describe('pages of unexpected shape', () => {
  // Derived from the abs capture: the "Access Paper:" box removed, as if arXiv redesigned it.
  it('puts the abs control after the title when the "Access Paper:" box is gone', () => {
    const doc = parse(abs1706);
    doc.querySelector('.extra-services')?.remove();
    const slots = findPapers(doc, 'abs', ABS);
    expect(slots).toHaveLength(1);
    expect(slots[0]).toMatchObject({ id: '1706.03762', version: 7, placement: 'after' });
    expect(slots[0]!.anchor.textContent).toBe('Title:Attention Is All You Need');
  });

  // Derived from the abs capture: neither the box nor the title left.
  it('yields nothing on an abs page with neither the box nor the title', () => {
    const doc = parse(abs1706);
    doc.querySelector('.extra-services')?.remove();
    doc.querySelector('h1.title')?.remove();
    expect(findPapers(doc, 'abs', ABS)).toEqual([]);
    expect(pageSubject(doc, 'abs', ABS)).toEqual({ id: '1706.03762', version: 7 });
  });

  it('yields nothing, for any kind, on a page like arXiv home', () => {
    const home = parse(`<!DOCTYPE html><html><body><main id="content">
      <h1>arXiv is a free distribution service</h1>
      <h2>Computer Science</h2>
      <ul><li><a href="/archive/cs">Computing Research Repository</a> (<a href="/list/cs/new">new</a>,
        <a href="/list/cs/recent">recent</a>, <a href="/search/cs">search</a>)</li></ul>
      <p>See <a href="https://arxiv.org/abs/1706.03762">a featured paper</a>.</p>
    </main></body></html>`);
    expect(detectPage(new URL('https://arxiv.org/'))).toBeNull();
    for (const kind of KINDS) expect(findPapers(home, kind, new URL('https://arxiv.org/'))).toEqual([]);
  });

  it('finds the same papers when a listing is read as a search page and the other way round (by their structure)', () => {
    const ids = (slots: { id: string }[]) => slots.map((slot) => slot.id);
    expect(ids(findPapers(parse(recentList), 'search', SEARCH))).toEqual(ids(findPapers(parse(recentList), 'listing', RECENT)));
    expect(ids(findPapers(parse(searchPage), 'listing', RECENT))).toEqual(ids(findPapers(parse(searchPage), 'search', SEARCH)));
    expect(findPapers(parse(searchPage), 'listing', RECENT)).toHaveLength(50);
  });

  it('reads an empty document and a detached fragment without throwing', () => {
    expect(findPapers(parse(''), 'listing', RECENT)).toEqual([]);
    const fragment = parse(recentList).querySelector('dl')!.cloneNode(true) as Element;
    const holder = document.createDocumentFragment();
    holder.append(fragment);
    expect(findPapers(holder, 'listing', RECENT)).toHaveLength(50);
  });
});

describe('hostile listing', () => {
  // Derived from the recent-listing capture; each change is made on the parsed document.
  function doctored() {
    const doc = parse(recentList);
    const entries = [...doc.querySelectorAll('dl dt')];
    return { doc, entries, link: (i: number) => entries[i]!.querySelector('a[title="Abstract"]')! };
  }

  it('skips entries whose abstract link is a look-alike', () => {
    const { doc, link } = doctored();
    link(0).setAttribute('href', '/abs/../../etc');
    link(1).setAttribute('href', 'https://arxiv.org.evil.com/abs/1706.03762');
    link(2).setAttribute('href', '/abs/2608.12253/../../../etc/passwd');
    const slots = findPapers(doc, 'listing', RECENT);
    expect(slots).toHaveLength(47);
    expect(slots[0]!.id).toBe('2608.12218');
    expect(slots.some((slot) => slot.id === '1706.03762')).toBe(false);
  });

  it('adds no slot for a paper linked from a comment or an author line', () => {
    const { doc } = doctored();
    const meta = doc.querySelectorAll('dl dd .meta');
    meta[0]!.append(plantedLink('https://arxiv.org/abs/1706.03762'));
    meta[1]!.append(plantedLink('/abs/1207.7214v2'));
    const slots = findPapers(doc, 'listing', RECENT);
    expect(slots).toHaveLength(50);
    expect(slots.map((slot) => slot.id)).not.toContain('1706.03762');
    expect(slots.map((slot) => slot.id)).not.toContain('1207.7214');
  });

  it('takes ids from arXiv links, never from planted save buttons', () => {
    const { doc, entries } = doctored();
    entries[0]!.prepend(planted('1706.03762'));
    entries[1]!.prepend(planted('1207.7214', plantedLink('/abs/1207.7214')));
    const slots = findPapers(doc, 'listing', RECENT);
    expect(slots.slice(0, 2).map((slot) => slot.id)).toEqual(['2608.12278', '2608.12269']);
    expect(slots).toHaveLength(50);
  });

  it('makes no slot from a planted entry whose only link sits inside a save button', () => {
    const { doc, entries } = doctored();
    const fake = doc.createElement('dt');
    fake.append(planted('1706.03762', plantedLink('/abs/1706.03762')));
    entries[0]!.before(fake);
    doc.body.append(planted('1207.7214'));
    expect(findPapers(doc, 'listing', RECENT)).toHaveLength(50);
  });
});

describe('hostile abs page', () => {
  // Derived from the abs capture: the title and abstract name another paper.
  it('makes one slot, for the page paper, whatever else the page links', () => {
    const doc = parse(abs1706);
    doc.querySelector('h1.title')!.append(plantedLink('/abs/1207.7214'));
    doc.querySelector('blockquote.abstract')!.append(plantedLink('https://arxiv.org/abs/2608.12278v1'));
    doc.querySelector('.extra-services ul')!.append(planted('2608.12278'));
    const slots = findPapers(doc, 'abs', ABS);
    expect(slots.map((slot) => [slot.id, slot.version])).toEqual([['1706.03762', 7]]);
  });

  it('does not take the version from a "this version" link to another paper', () => {
    const doc = parse(abs1706);
    doc.querySelector('td.arxividv a')!.setAttribute('href', 'https://arxiv.org/abs/1207.7214v2');
    expect(pageSubject(doc, 'abs', ABS)).toEqual({ id: '1706.03762' });
  });
});
