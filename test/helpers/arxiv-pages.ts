/*
 * arXiv pages no capture exists for, built from a real capture's entries (the capture itself is
 * never edited; see test/fixtures/arxiv/SOURCES.md). Used by the unit tests (happy-dom) and the
 * end-to-end tests (the fake arXiv serves them), so the text is built without a DOM.
 */

/** The `<dt>…</dt> <dd>…</dd>` pair of every entry of a listing capture, in page order. */
export function listingEntries(listingHtml: string): string[] {
  return listingHtml.match(/<dt>[\s\S]*?<\/dt>\s*<dd>[\s\S]*?<\/dd>/g) ?? [];
}

/** The abstract link of an entry: its id. */
export const entryIdOf = (entry: string): string => /href ?="\/abs\/([^"]+)"/.exec(entry)?.[1] ?? '';

const frame = (heading: string, body: string, footer: string) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${heading}</title></head>
<body><div id="content"><div id="content-inner"><div id="dlpage">
<h1>${heading}</h1>
${body}
${footer}
</div></div></div></body></html>`;

const AUTHOR_FOOTER = `<p>The web address for this page and the arXiv author id for Jane Doe is
  <a href="https://arxiv.org/a/doe_j_1">https://arxiv.org/a/doe_j_1</a>. There is also an
  <a href="http://en.wikipedia.org/wiki/Atom_(standard)">Atom</a> feed available from
  <a href="https://arxiv.org/a/doe_j_1.atom2">https://arxiv.org/a/doe_j_1.atom2</a>.</p>`;

/**
 * An author page (/a/<id>) as arxiv.org serves it: each entry's `dt`/`dd` pair inside its own
 * `div.mathjax`, all in one `dl` that has no id; heading and footer as arXiv's author pages
 * have them. The entries are the real ones of `listingHtml` (the /list/cs.CL/recent capture).
 */
export function authorPageHtml(listingHtml: string): string {
  const entries = listingEntries(listingHtml).map((entry) => `<div class="mathjax">\n${entry}\n</div>`);
  return frame("Jane Doe's articles on arXiv", `<dl>\n${entries.join('\n')}\n</dl>`, AUTHOR_FOOTER);
}

/**
 * A list page in markup no selector of Paper Radar knows: every entry an `li` of its own with
 * the id link first, the title and the authors after it, and an abstract that links another
 * paper. The entries' ids and titles are the real ones of `listingHtml`.
 */
export function unknownListHtml(listingHtml: string): string {
  const items = listingEntries(listingHtml).map((entry, i) => {
    const id = entryIdOf(entry);
    const title = /<span class='descriptor'>Title:<\/span>([\s\S]*?)<\/div>/.exec(entry)?.[1]?.trim() ?? '';
    const mention = i % 5 === 0 ? ' It extends <a href="/abs/1706.03762">arXiv:1706.03762</a>.' : '';
    return `<li class="paper"><span class="id"><a href="https://arxiv.org/abs/${id}">arXiv:${id}</a></span>
      <h3 class="paper-title">${title}</h3><p class="summary">An abstract.${mention}</p></li>`;
  });
  return frame('Papers of the week', `<ol class="papers">\n${items.join('\n')}\n</ol>`, '');
}
