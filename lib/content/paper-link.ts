import type { ParsedArxivId } from '../arxiv/ids';
import { idInPath } from './page-kind';
import { SELECTORS } from './selectors';

const LINK_HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org']);
// A `..` segment, plain or percent-encoded, anywhere in what the page wrote.
const DOT_SEGMENT = /(?:^|[/\\])(?:\.|%2e){2}(?:[/\\?#]|$)/i;

/**
 * The paper an `<a>` on an arXiv page links to, when its href is an abstract link on arxiv.org
 * (`/abs/<id>`, relative or absolute). Look-alikes are null: other hosts
 * (`arxiv.org.evil.com`), path tricks (`/abs/../../etc`), anything parseArxivId rejects, and
 * links inside a save control, which a page can plant.
 */
export function paperFromLink(link: Element, pageUrl: URL): ParsedArxivId | null {
  const href = link.getAttribute('href');
  if (href === null || href.includes('\\') || DOT_SEGMENT.test(href)) return null;
  if (link.closest(SELECTORS.saveControl) !== null) return null;
  let target: URL;
  try {
    target = new URL(href, pageUrl);
  } catch {
    return null;
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return null;
  if (!LINK_HOSTS.has(target.hostname)) return null;
  return idInPath(target.pathname, '/abs/');
}

/** The first abstract link inside `container`, read as above; null when there is none. */
export function firstPaperLink(container: Element, pageUrl: URL): ParsedArxivId | null {
  for (const link of container.querySelectorAll(SELECTORS.link)) {
    const paper = paperFromLink(link, pageUrl);
    if (paper) return paper;
  }
  return null;
}
