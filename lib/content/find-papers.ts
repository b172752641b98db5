import { entryLinks } from './entry-structure';
import type { PageKind } from './page-kind';
import { pageSubject } from './page-subject';
import { firstPaperLink } from './paper-link';
import { SELECTORS } from './selectors';
import { shownPaper, type ShownPaper } from './shown-paper';

/** Where the save control goes relative to `anchor`, as in `Element.append/after/prepend`. */
export type Placement = 'append' | 'after' | 'prepend';

/**
 * One place on the page where a paper is shown and a save control belongs. A paper listed
 * twice on a page (/new: new and replacements) has one slot per place.
 */
export interface PaperSlot {
  /** Base id, no version: '2608.12278', 'hep-th/9711200'. */
  id: string;
  /** The version the page names, when it names one. */
  version?: number;
  /**
   * The element next to the paper's own actions: the listing's `dt` (after "[pdf, html,
   * other]"), the search result's "arXiv:<id> [pdf, ps, other]" line, the abs page's
   * "Access Paper:" list (a `ul`: wrap the control in an `li`), the HTML paper's header
   * button row, or, failing those, the title (placement 'after').
   */
  anchor: Element;
  placement: Placement;
  /** What the page shows of the paper (title, authors), when it shows them. */
  shown?: ShownPaper;
}

/** arXiv's longest pages list 2,000 papers; a page with more is not one of arXiv's. */
export const MAX_SLOTS = 2000;

type AnchorChoice = readonly [selector: string, placement: Placement];

// Preferred anchor first; the title is the fallback when arXiv drops the action box.
const SUBJECT_ANCHORS: Partial<Record<PageKind, readonly AnchorChoice[]>> = {
  abs: [
    [SELECTORS.absAccessList, 'append'],
    [SELECTORS.absTitle, 'after'],
  ],
  html: [
    [SELECTORS.htmlHeaderNav, 'append'],
    [SELECTORS.htmlTitle, 'after'],
  ],
};

// Pages that list many papers: each entry holds its own "arXiv:<id>" link. Listings and author
// pages come in both shapes (see SELECTORS.authorEntry).
const LISTED = `${SELECTORS.listingEntry}, ${SELECTORS.authorEntry}`;
const ENTRY_SELECTORS: Partial<Record<PageKind, string>> = {
  listing: LISTED,
  author: LISTED,
  search: SELECTORS.searchEntry,
};

function entrySlots(root: Document | ParentNode, kind: PageKind, selector: string, url: URL, max: number): PaperSlot[] {
  const slots: PaperSlot[] = [];
  for (const entry of root.querySelectorAll(selector)) {
    if (slots.length >= max) break;
    const paper = firstPaperLink(entry, url);
    if (paper) slots.push({ ...paper, anchor: entry, placement: 'append', shown: shownPaper(root, kind, entry) });
  }
  return slots;
}

/**
 * A list page whose markup no selector knows: its entries' own links, found by their structure
 * (entry-structure.ts). The control goes at the end of the element holding the link, or right
 * after the link where that element holds several entries' links.
 */
function structuralSlots(root: Document | ParentNode, url: URL, max: number): PaperSlot[] {
  const links = entryLinks(root, url).slice(0, max);
  const perParent = new Map<Element | null, number>();
  for (const { link } of links) perParent.set(link.parentElement, (perParent.get(link.parentElement) ?? 0) + 1);
  return links.map(({ link, ...paper }) => {
    const parent = link.parentElement;
    return parent && perParent.get(parent) === 1 ? { ...paper, anchor: parent, placement: 'append' } : { ...paper, anchor: link, placement: 'after' };
  });
}

function subjectSlot(root: Document | ParentNode, kind: PageKind, url: URL): PaperSlot[] {
  const subject = pageSubject(root, kind, url);
  if (!subject) return [];
  for (const [selector, placement] of SUBJECT_ANCHORS[kind] ?? []) {
    const anchor = root.querySelector(selector);
    if (anchor && anchor.closest(SELECTORS.saveControl) === null) {
      return [{ ...subject, anchor, placement, shown: shownPaper(root, kind, anchor) }];
    }
  }
  return [];
}

/**
 * Every place on an arXiv page of `kind` (see detectPage) where a paper is shown, in page
 * order, at most `max` (MAX_SLOTS). Ids come only from arxiv.org `/abs/<id>` links inside each entry's
 * own container (abs and html pages: from the URL), so a paper mentioned in an abstract or
 * comment adds nothing. The selectors of the known templates come first; a list page they find
 * nothing on is read by its structure. A page of unexpected shape yields [].
 */
export function findPapers(root: Document | ParentNode, kind: PageKind, url: URL, max = MAX_SLOTS): PaperSlot[] {
  const entrySelector = ENTRY_SELECTORS[kind];
  if (entrySelector === undefined) return subjectSlot(root, kind, url);
  const slots = entrySlots(root, kind, entrySelector, url, max);
  return slots.length > 0 ? slots : structuralSlots(root, url, max);
}
