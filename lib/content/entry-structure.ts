import type { ParsedArxivId } from '../arxiv/ids';
import { paperFromLink } from './paper-link';
import { SELECTORS } from './selectors';

/** Links read at most: a page of 2,000 entries has a few per entry. */
const MAX_LINKS = 20_000;
/** Ancestors that make a link's place in the page (its "shape"). */
const SHAPE_DEPTH = 3;

/** An entry's own link, found by the shape of the page; where its control goes. */
export interface EntryLink extends ParsedArxivId {
  link: Element;
}

/** "arXiv:2608.12278", "2608.12278v2", "arXiv:hep-th/9711200": what an entry's own link says. */
function namesItsPaper(link: Element, id: string): boolean {
  const text = (link.textContent ?? '').trim();
  if (text.length > 60) return false;
  const bare = text.replace(/^arxiv:\s*/i, '').replace(/v\d+$/, '');
  return bare === id;
}

/** Tag and classes of the link and its nearest ancestors: the same for every entry of a list. */
function shapeOf(link: Element): string {
  const parts: string[] = [];
  let node: Element | null = link;
  for (let depth = 0; node && depth <= SHAPE_DEPTH; depth += 1, node = node.parentElement) {
    parts.push(`${node.tagName}.${[...node.classList].sort().join('.')}`);
  }
  return parts.join('<');
}

/**
 * The entries of a page that lists papers in markup Paper Radar has no selector for, found by
 * their structure: each entry's own link names its paper ("arXiv:<id>", as on every arXiv list),
 * and entries repeat one shape, so the links of the most common shape are the entries' (a
 * paper a comment or an abstract mentions sits elsewhere in its entry, in another shape). Each
 * link is read once: linear in the page's links.
 */
export function entryLinks(root: Document | ParentNode, pageUrl: URL): EntryLink[] {
  const found: { entry: EntryLink; shape: string }[] = [];
  const counts = new Map<string, number>();
  let read = 0;
  for (const link of root.querySelectorAll(SELECTORS.link)) {
    if (++read > MAX_LINKS) break;
    const paper = paperFromLink(link, pageUrl);
    if (!paper || !namesItsPaper(link, paper.id)) continue;
    const shape = shapeOf(link);
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
    found.push({ entry: { ...paper, link }, shape });
  }
  let common = '';
  let most = 0;
  for (const [shape, count] of counts) {
    if (count > most) [common, most] = [shape, count];
  }
  return found.filter(({ shape }) => shape === common).map(({ entry }) => entry);
}
