import type { ShownPaper } from '../messaging/protocol';
import { LIMITS } from '../schema/limits';
import type { PageKind } from './page-kind';
import { SELECTORS } from './selectors';

export type { ShownPaper };

/** Whitespace collapsed, cut to `max` characters (a hostile page's megabyte of title is not read whole). */
function clean(text: string, max: number): string {
  return text.slice(0, 4 * max).replace(/\s+/g, ' ').trim().slice(0, max).trim();
}

/** The text of `element` without its "Title:" label (arXiv puts a `.descriptor` span before the value). */
function valueText(element: Element | null): string {
  if (!element) return '';
  let text = '';
  for (const node of element.childNodes) {
    if (node.nodeType === 1 && (node as Element).matches(SELECTORS.descriptor)) continue;
    text += node.textContent ?? '';
  }
  return clean(text, LIMITS.title);
}

function authorNames(links: Iterable<Element>): string[] {
  const names: string[] = [];
  for (const link of links) {
    if (names.length >= LIMITS.authors) break;
    const name = clean(link.textContent ?? '', LIMITS.authorName);
    if (name !== '') names.push(name);
  }
  return names;
}

const shown = (title: string, authors: string[]): ShownPaper | undefined => (title === '' ? undefined : { title, authors });

/** The `dd` that belongs to a listing entry's `dt`: the next element, when it is one. */
function entryDetails(entry: Element): Element | null {
  const next = entry.nextElementSibling;
  return next?.tagName === 'DD' ? next : null;
}

/**
 * What an arXiv page shows of a paper, kept with a save from the page until arXiv's own answer
 * replaces it, so the Library shows the paper at once instead of a bare id. Text only, never
 * markup; held to the limits every paper is held to.
 *
 * What the page shows of the paper whose entry (or page) this is: listings and author pages
 * (the `dd` after the entry's `dt`), search results, abstract pages, HTML papers (the title
 * only: their author blocks mix names with affiliations). Undefined where the page shows no
 * title, as on a page of unknown markup.
 */
export function shownPaper(root: Document | ParentNode, kind: PageKind, entry: Element): ShownPaper | undefined {
  switch (kind) {
    case 'listing':
    case 'author': {
      const details = entry.tagName === 'DT' ? entryDetails(entry) : null;
      if (!details) return undefined;
      return shown(valueText(details.querySelector(SELECTORS.listingTitle)), authorNames(details.querySelectorAll(SELECTORS.listingAuthors)));
    }
    case 'search': {
      const result = entry.closest(SELECTORS.searchResult);
      if (!result) return undefined;
      return shown(valueText(result.querySelector(SELECTORS.searchTitle)), authorNames(result.querySelectorAll(SELECTORS.searchAuthors)));
    }
    case 'abs':
      return shown(valueText(root.querySelector(SELECTORS.absTitle)), authorNames(root.querySelectorAll(SELECTORS.absAuthors)));
    case 'html':
      return shown(valueText(root.querySelector(SELECTORS.htmlTitle)), []);
  }
}
