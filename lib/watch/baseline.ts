import type { ArxivEntry } from '../arxiv/entry';
import { isWithdrawn } from './withdrawn';

/**
 * A saved paper as arXiv described it when the reader saved it (or last marked its changes as
 * seen): what "changed since saved" compares with. The abstract and the author list are kept as
 * fingerprints, since "changed" is all the mark says of them and a library of 2,000 papers need
 * not hold every abstract twice; the short fields are kept whole, so the mark can name the old
 * title and the journal reference that is new.
 */
export interface SavedBaseline {
  version: number;
  /** arXiv's date of that version (ISO 8601). */
  updated: string;
  title: string;
  summaryPrint: string;
  authorsPrint: string;
  authorCount: number;
  comment?: string;
  journalRef?: string;
  doi?: string;
  /** Already withdrawn when saved: its withdrawal is not news. */
  withdrawn?: true;
}

/**
 * A 53-bit fingerprint of a text (cyrb53): two different abstracts share one about once in 2^53,
 * far too rarely to hide a real revision.
 */
export function textPrint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Names only: an affiliation added to an author is not worth a mark. */
export const authorsPrint = (paper: ArxivEntry): string => textPrint(paper.authors.map((a) => a.name).join('\n'));

export function baselineOf(paper: ArxivEntry): SavedBaseline {
  const baseline: SavedBaseline = {
    version: paper.version,
    updated: paper.updated,
    title: paper.title,
    summaryPrint: textPrint(paper.summary),
    authorsPrint: authorsPrint(paper),
    authorCount: paper.authors.length,
  };
  if (paper.comment !== undefined) baseline.comment = paper.comment;
  if (paper.journalRef !== undefined) baseline.journalRef = paper.journalRef;
  if (paper.doi !== undefined) baseline.doi = paper.doi;
  if (isWithdrawn(paper)) baseline.withdrawn = true;
  return baseline;
}
