import { describe, expect, it } from 'vitest';
import { findPapers } from '../../../lib/content/find-papers';
import { detectPage } from '../../../lib/content/page-kind';

const NEW = new URL('https://arxiv.org/list/cs.CL/new');

interface Item {
  id: string;
  type?: 'cross' | 'rep';
  abstract?: string;
}

/*
 * No capture of /list/<cat>/new exists. This page is rendered here by hand the way arXiv's
 * templates/list__new.html renders it: one `list_macros.item_list` per section, each its own
 * `<dl id='articles'>` with an `<h3>` heading, and per item the `<dt>` of
 * templates/list__list_macros.html (index anchor, abstract link, `type_info`, `dl_links`) and
 * a `<dd>` whose abstract is urlized (so it may link to other papers).
 */
function dt(item: Item, index: number): string {
  const { id } = item;
  const typeInfo = item.type === 'cross' ? '(cross-list from cs.LG)' : item.type === 'rep' ? '(replaced)' : '';
  return `<dt>
      <a name='item${index}'>[${index}]</a>
      <a href ="/abs/${id}" title="Abstract" id="${id}">
        arXiv:${id}
      </a>
      ${typeInfo}
      [<a href="/pdf/${id}" title="Download PDF" id="pdf-${id}" aria-labelledby="pdf-${id}">pdf</a>, <a href="https://arxiv.org/html/${id}v1" title="View HTML" id="html-${id}" aria-labelledby="html-${id}" rel="noopener noreferrer" target="_blank">html</a>, <a href="/format/${id}" title="Other formats" id="oth-${id}" aria-labelledby="oth-${id}">other</a>]
    </dt>
    <dd>
      <div class='meta'>
        <div class='list-title mathjax'><span class='descriptor'>Title:</span> Paper ${id}</div>
        <div class='list-authors'><a href="https://arxiv.org/search/cs?searchtype=author&amp;query=Doe,+J">Jane Doe</a></div>
        <div class='list-subjects'><span class='descriptor'>Subjects:</span> <span class="primary-subject">Computation and Language (cs.CL)</span></div>
        <p class='mathjax'>${item.abstract ?? 'An abstract.'}</p>
      </div>
    </dd>`;
}

function section(heading: string, items: Item[], firstIndex: number): string {
  const entries = items.map((item, i) => dt(item, firstIndex + i)).join('\n');
  const h3 = heading === '' ? '' : `<h3>${heading}</h3>`;
  return `<dl id='articles'>\n${h3}\n${entries}\n</dl>`;
}

function newPage(sections: [string, Item[]][]): Document {
  let index = 1;
  const body = sections
    .map(([heading, items]) => {
      const html = section(heading, items, index);
      index += items.length;
      return html;
    })
    .join('\n');
  const html = `<!DOCTYPE html><html><body><div id='content-inner'><div id='dlpage'>
    <h1>Computation and Language</h1>
    <ul><li><a href="/list/cs.CL/new#item1">New submissions</a></li><li><a href="/list/cs.CL/new#item3">Cross-lists</a></li><li><a href="/list/cs.CL/new#item4">Replacements</a></li></ul>
    <p>See <a id="recent-cs.CL" aria-labelledby="recent-cs.CL" href="/list/cs.CL/recent">recent</a> articles</p>
    <h3>Showing new listings for Thursday, 13 August 2026</h3>
    ${body}
  </div></div></body></html>`;
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('/list/<cat>/new, sections new, cross-lists and replacements', () => {
  const doc = newPage([
    [
      'New submissions (showing 2 of 2 entries)',
      [
        { id: '2608.12278', abstract: 'Builds on <a href="https://arxiv.org/abs/1706.03762">this https URL</a>.' },
        { id: '2608.12269' },
      ],
    ],
    ['Cross submissions (showing 1 of 1 entries)', [{ id: '2608.11111', type: 'cross' }]],
    [
      'Replacement submissions (showing 2 of 2 entries)',
      [
        { id: '2608.12278', type: 'rep' },
        { id: 'hep-th/9711200', type: 'rep' },
      ],
    ],
  ]);
  const slots = findPapers(doc, 'listing', NEW);

  it('is a listing page', () => {
    expect(detectPage(NEW)).toBe('listing');
  });

  it('has one slot per place a paper is listed, across all three sections', () => {
    expect(doc.querySelectorAll('dl').length).toBe(3);
    expect(slots.map((slot) => slot.id)).toEqual(['2608.12278', '2608.12269', '2608.11111', '2608.12278', 'hep-th/9711200']);
  });

  it('gives a paper listed twice two distinct places, one in each section', () => {
    const twice = slots.filter((slot) => slot.id === '2608.12278');
    expect(twice).toHaveLength(2);
    expect(twice[0]!.anchor).not.toBe(twice[1]!.anchor);
    const headings = twice.map((slot) => slot.anchor.parentElement?.querySelector('h3')?.textContent);
    expect(headings).toEqual(['New submissions (showing 2 of 2 entries)', 'Replacement submissions (showing 2 of 2 entries)']);
  });

  it('ignores a paper that is only mentioned in an abstract', () => {
    expect(slots.some((slot) => slot.id === '1706.03762')).toBe(false);
  });

  it('anchors every control in its entry line', () => {
    expect(slots.every((slot) => slot.anchor.tagName === 'DT' && slot.placement === 'append')).toBe(true);
  });

  it('yields nothing on a day without announcements', () => {
    const empty = newPage([['New submissions (showing 0 of 0 entries)', []]]);
    expect(findPapers(empty, 'listing', NEW)).toEqual([]);
  });
});

/*
 * An author page (/a/<id>), rendered the way arXiv's list/author.html does: a heading, then
 * `item_list(abstracts, '')` (the same macro, no section heading), then a footer linking the
 * author's own page and Atom feeds.
 */
function authorPage(items: Item[]): Document {
  const html = `<!DOCTYPE html><html><body><div id='content-inner'><div id='dlpage'>
    <h1>Jane Doe's articles on arXiv</h1>
    ${section('', items, 1)}
    <p>The web address for this page and the arXiv author id for Jane Doe is
      <a href="https://arxiv.org/a/doe_j_1">https://arxiv.org/a/doe_j_1</a>. There is also an Atom feed
      available from <a href="https://arxiv.org/a/doe_j_1.atom2">https://arxiv.org/a/doe_j_1.atom2</a>.</p>
  </div></div></body></html>`;
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('author page /a/<id>', () => {
  const url = new URL('https://arxiv.org/a/doe_j_1.html');

  it('is an author page with one slot per listed paper', () => {
    const doc = authorPage([{ id: '2608.12278' }, { id: 'math/0309136' }, { id: '1207.7214' }]);
    expect(detectPage(url)).toBe('author');
    const slots = findPapers(doc, 'author', url);
    expect(slots.map((slot) => slot.id)).toEqual(['2608.12278', 'math/0309136', '1207.7214']);
    expect(slots.every((slot) => slot.anchor.tagName === 'DT')).toBe(true);
  });
});
