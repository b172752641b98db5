/*
 * Listing pages no capture exists for, rendered by hand the way arXiv's templates render them
 * (test/fixtures/arxiv/templates/). Shared by the page-reading and the Save control tests.
 */

export interface Item {
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

export function newPageHtml(sections: [string, Item[]][]): string {
  let index = 1;
  const body = sections
    .map(([heading, items]) => {
      const html = section(heading, items, index);
      index += items.length;
      return html;
    })
    .join('\n');
  return `<!DOCTYPE html><html><body><div id='content-inner'><div id='dlpage'>
    <h1>Computation and Language</h1>
    <ul><li><a href="/list/cs.CL/new#item1">New submissions</a></li><li><a href="/list/cs.CL/new#item3">Cross-lists</a></li><li><a href="/list/cs.CL/new#item4">Replacements</a></li></ul>
    <p>See <a id="recent-cs.CL" aria-labelledby="recent-cs.CL" href="/list/cs.CL/recent">recent</a> articles</p>
    <h3>Showing new listings for Thursday, 13 August 2026</h3>
    ${body}
  </div></div></body></html>`;
}

export function newPage(sections: [string, Item[]][]): Document {
  return new DOMParser().parseFromString(newPageHtml(sections), 'text/html');
}

/*
 * An author page (/a/<id>), rendered the way arXiv's list/author.html does: a heading, then
 * `item_list(abstracts, '')` (the same macro, no section heading), then a footer linking the
 * author's own page and Atom feeds.
 */
export function authorPage(items: Item[]): Document {
  const html = `<!DOCTYPE html><html><body><div id='content-inner'><div id='dlpage'>
    <h1>Jane Doe's articles on arXiv</h1>
    ${section('', items, 1)}
    <p>The web address for this page and the arXiv author id for Jane Doe is
      <a href="https://arxiv.org/a/doe_j_1">https://arxiv.org/a/doe_j_1</a>. There is also an Atom feed
      available from <a href="https://arxiv.org/a/doe_j_1.atom2">https://arxiv.org/a/doe_j_1.atom2</a>.</p>
  </div></div></body></html>`;
  return new DOMParser().parseFromString(html, 'text/html');
}
