import { parseArxivId, type ParsedArxivId } from '../arxiv/ids';

/** The arxiv.org pages that get Save buttons. */
export type PageKind = 'abs' | 'listing' | 'search' | 'author' | 'html';

const ARXIV_HOSTS = new Set(['arxiv.org', 'www.arxiv.org']);

// /list/<archive or category>/<new|recent|pastweek|YYYY-MM|YYMM>, e.g. /list/astro-ph.CO/2026-08.
const LISTING_PATH = /^\/list\/[a-z-]+(?:\.[a-z-]+)?\/(?:new|recent|pastweek|\d{4}-\d{2}|\d{4})\/?$/i;
// /search, /search/, /search/advanced, /search/cs (author links on abs pages scope the archive).
const SEARCH_PATH = /^\/search(?:\/[a-z-]*)?\/?$/i;
// /a/<author id> or its .html page; the .atom/.atom2/.json feeds are not pages.
const AUTHOR_PATH = /^\/a\/[a-z0-9_-]+(?:\.html)?\/?$/i;
// What may follow the id of an HTML paper: nothing, a slash, or the document's own file name.
const HTML_TAIL = /^(?:\/|\/[\w.-]+\.html)?$/;

/**
 * The id a path names after its prefix (`/abs/`, `/html/`), when the rest of the path is only
 * that id: new ids are one segment, old ones (`hep-th/9711200`) two.
 */
export function idInPath(pathname: string, prefix: string, tail: RegExp = /^\/?$/): ParsedArxivId | null {
  if (!pathname.startsWith(prefix)) return null;
  const segments = pathname.slice(prefix.length).split('/');
  for (const length of [1, 2]) {
    const head = segments.slice(0, length).join('/');
    const rest = segments.length > length ? `/${segments.slice(length).join('/')}` : '';
    const parsed = tail.test(rest) ? parseArxivId(head) : null;
    if (parsed) return parsed;
  }
  return null;
}

/** The paper an abs or html page's URL names; the version only when the URL has one. */
export function paperInPageUrl(kind: PageKind, url: URL): ParsedArxivId | null {
  if (kind === 'abs') return idInPath(url.pathname, '/abs/');
  if (kind === 'html') return idInPath(url.pathname, '/html/', HTML_TAIL);
  return null;
}

/** Which kind of arXiv page `url` is, or null for pages Paper Radar leaves alone. */
export function detectPage(url: URL): PageKind | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!ARXIV_HOSTS.has(url.hostname)) return null;
  if (paperInPageUrl('abs', url)) return 'abs';
  if (paperInPageUrl('html', url)) return 'html';
  const path = url.pathname;
  if (LISTING_PATH.test(path)) return 'listing';
  if (SEARCH_PATH.test(path)) return 'search';
  if (AUTHOR_PATH.test(path)) return 'author';
  return null;
}
