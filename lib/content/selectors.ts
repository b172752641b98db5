/**
 * Every CSS selector Paper Radar uses on arxiv.org pages, in one place: when arXiv changes a
 * page, this is the only file to update. Each entry names the page it is for and the fixture
 * (under test/fixtures/arxiv/) that proves it. A selector that matches nothing makes the
 * content script do nothing on that page; it never throws.
 */
export const SELECTORS = {
  /**
   * Listings (/list/<cat>/recent, /pastweek, monthly /YYYY-MM, /new) and author pages (/a/…):
   * one `dt` per paper inside `dl#articles`. On /new every section (new, cross-lists,
   * replacements) is its own `dl#articles`, so the id repeats; the attribute form matches all
   * of them where `#articles` would invite getElementById-style single matches.
   * Proof: html/list_cs.CL_recent.html (one section, 50 `dt`); templates/list__new.html and
   * list__list_macros.html (`item_list` per section; /a/ pages use the same macro).
   */
  listingEntry: 'dl[id="articles"] > dt',

  /**
   * Author pages (/a/<id>) as arxiv.org serves them: each entry's `dt`/`dd` pair wrapped in a
   * `div.mathjax`, inside a `dl` that has no id (issue 17: 0 buttons for 125 papers with
   * listingEntry alone). arxiv-browse's list/author.html template renders listingEntry's shape
   * instead; author pages try both. Proof: the author page test/helpers/arxiv-pages.ts builds
   * from html/list_cs.CL_recent.html's entries to the real structure (see SOURCES.md).
   */
  authorEntry: 'dl > div.mathjax > dt',

  /**
   * In a listing or author entry's `dd` (the sibling after its `dt`): the title, after a
   * "Title:" descriptor, and one link per author. Proof: html/list_cs.CL_recent.html,
   * templates/list__list_macros.html (`list-title`, `list-authors`).
   */
  listingTitle: '.list-title',
  listingAuthors: '.list-authors a',

  /**
   * Search results (/search/…, /search/advanced…): the "arXiv:<id> [pdf, ps, other]" line of
   * each `li.arxiv-result`. Proof: html/search_all_attention.html (50 results).
   */
  searchEntry: 'li.arxiv-result p.list-title',

  /**
   * A search result, its title and its author links, read for what the page shows of a paper.
   * Proof: html/search_all_attention.html.
   */
  searchResult: 'li.arxiv-result',
  searchTitle: 'p.title',
  searchAuthors: 'p.authors a',

  /**
   * Abstract page (/abs/<id>): the link list in the "Access Paper:" box (View PDF, HTML, TeX
   * Source). Proof: html/abs_1706.03762.html, html/abs_1207.7214.html,
   * templates/abs__extra_services.html (`generate_download_links`).
   */
  absAccessList: '.extra-services > .full-text > ul',

  /**
   * Abstract page: the paper title, the fallback anchor when the "Access Paper:" box is gone.
   * Proof: html/abs_1706.03762.html, templates/abs__abs.html.
   */
  absTitle: '#abs h1.title',

  /** Abstract page: one link per author. Proof: html/abs_1706.03762.html (8 authors), templates/abs__abs.html. */
  absAuthors: '#abs div.authors a',

  /** The "Title:" / "Authors:" label arXiv puts before a value; not part of it. Proof: the captures above. */
  descriptor: '.descriptor',

  /**
   * Abstract page: the "(or arXiv:<id>v<n> for this version)" cell, whose link names the
   * version shown when the URL has none. Proof: html/abs_1706.03762.html (v7),
   * html/abs_1207.7214.html (v2), templates/abs__abs.html.
   */
  absThisVersionCell: 'td.arxividv',

  /**
   * HTML paper (/html/<id>): the header's button row ("Back to Abstract", "Download PDF"); its
   * "Back to Abstract" link names the version when the URL has none.
   * No capture exists; the structure is that of arXiv's arxiv-browse template
   * dissemination/article_scaffold/header.html, rebuilt in test/unit/content/html-paper.test.ts.
   */
  htmlHeaderNav: 'header.arxiv-html-header nav.html-header-nav',

  /**
   * HTML paper: the document title LaTeXML writes (`h1.ltx_title_document`), the fallback
   * anchor when the header is missing. Same source and test as htmlHeaderNav.
   */
  htmlTitle: 'h1.ltx_title_document',

  /**
   * Any link; used only inside the containers above, where the first arxiv.org `/abs/<id>`
   * link names the paper (the listing's "arXiv:<id>", the search result's "arXiv:<id>").
   */
  link: 'a[href]',

  /**
   * Paper Radar's own save control (the contract in DESIGN.md). Links inside such an element
   * are never read: a page can plant one, and it is not arXiv's content.
   */
  saveControl: '[data-paper-radar-save]',
} as const;
