import type { ParsedArxivId } from '../arxiv/ids';
import { type PageKind, paperInPageUrl } from './page-kind';
import { firstPaperLink } from './paper-link';
import { SELECTORS } from './selectors';

// Where the page itself names the version it shows, for URLs that carry none.
const SHOWN_VERSION: Partial<Record<PageKind, string>> = {
  abs: SELECTORS.absThisVersionCell,
  html: SELECTORS.htmlHeaderNav,
};

/**
 * The paper an abs or html page is about: the id from the URL, and the version from the URL
 * or else from the page ("for this version", "Back to Abstract"). Null on other pages and
 * when the URL names no paper. The page never changes the id, only fills in its version.
 */
export function pageSubject(root: Document | ParentNode, kind: PageKind, url: URL): ParsedArxivId | null {
  const fromUrl = paperInPageUrl(kind, url);
  if (!fromUrl || fromUrl.version !== undefined) return fromUrl;
  const selector = SHOWN_VERSION[kind];
  const container = selector === undefined ? null : root.querySelector(selector);
  const shown = container ? firstPaperLink(container, url) : null;
  if (shown?.id !== fromUrl.id || shown.version === undefined) return fromUrl;
  return { id: fromUrl.id, version: shown.version };
}
