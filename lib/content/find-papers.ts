import type { PageKind } from './page-kind';
import { pageSubject } from './page-subject';
import { firstPaperLink } from './paper-link';
import { SELECTORS } from './selectors';

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
}

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

// Pages that list many papers: each entry holds its own "arXiv:<id>" link.
const ENTRY_SELECTORS: Partial<Record<PageKind, string>> = {
  listing: SELECTORS.listingEntry,
  author: SELECTORS.listingEntry,
  search: SELECTORS.searchEntry,
};

function entrySlots(root: Document | ParentNode, selector: string, url: URL): PaperSlot[] {
  const slots: PaperSlot[] = [];
  for (const entry of root.querySelectorAll(selector)) {
    const paper = firstPaperLink(entry, url);
    if (paper) slots.push({ ...paper, anchor: entry, placement: 'append' });
  }
  return slots;
}

function subjectSlot(root: Document | ParentNode, kind: PageKind, url: URL): PaperSlot[] {
  const subject = pageSubject(root, kind, url);
  if (!subject) return [];
  for (const [selector, placement] of SUBJECT_ANCHORS[kind] ?? []) {
    const anchor = root.querySelector(selector);
    if (anchor && anchor.closest(SELECTORS.saveControl) === null) {
      return [{ ...subject, anchor, placement }];
    }
  }
  return [];
}

/**
 * Every place on an arXiv page of `kind` (see detectPage) where a paper is shown, in page
 * order. Ids come only from arxiv.org `/abs/<id>` links inside each entry's own container
 * (abs and html pages: from the URL), so a paper mentioned in an abstract or comment adds
 * nothing. A page of unexpected shape yields [].
 */
export function findPapers(root: Document | ParentNode, kind: PageKind, url: URL): PaperSlot[] {
  const entrySelector = ENTRY_SELECTORS[kind];
  if (entrySelector !== undefined) return entrySlots(root, entrySelector, url);
  return subjectSlot(root, kind, url);
}
