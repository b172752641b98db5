import * as v from 'valibot';
import { isBaseArxivId } from '../arxiv/ids';
import type { ArxivEntry } from '../arxiv/entry';
import { describe, integer, isoDate, list, record, text } from './checks';
import { LIMITS } from './limits';

// An arXiv category id: cs.DC, hep-th, math-ph, q-bio.NC, cond-mat.stat-mech, or a retired one.
const CATEGORY_ID = /^[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]+(?:-[a-z]+)?)?$/;

export const categoryId = () =>
  v.pipe(
    text(40),
    v.check((value) => CATEGORY_ID.test(value), (issue) => `"${String(issue.input)}" is not an arXiv category`),
  );

export const paperId = () =>
  v.pipe(
    text(40),
    v.check((value) => isBaseArxivId(value), (issue) => `"${String(issue.input).slice(0, 60)}" is not an arXiv id (such as 1706.03762 or hep-th/9711200, without version)`),
  );

/** A link to one of arXiv's own pages: nothing else may end up behind a card's title. */
const arxivUrl = (page: 'abs' | 'pdf') =>
  v.pipe(
    text(LIMITS.url),
    v.check((value) => value.startsWith(`https://arxiv.org/${page}/`), `expected a link starting with https://arxiv.org/${page}/`),
  );

export const AuthorSchema = record({
  name: text(LIMITS.authorName),
  affiliations: list(text(LIMITS.affiliation), LIMITS.affiliations),
});

/** A paper as arXiv describes it (the `ArxivEntry` of DESIGN.md), every field checked. */
export const EntrySchema = record({
  id: paperId(),
  version: integer(1, LIMITS.version),
  title: text(LIMITS.title),
  summary: text(LIMITS.summary),
  authors: list(AuthorSchema, LIMITS.authors),
  published: isoDate(),
  updated: isoDate(),
  primaryCategory: v.union([v.literal(''), categoryId()], (issue) => `expected text, found ${describe(issue.input)}`),
  // Besides arXiv's categories, a paper lists its MSC and ACM classes here ('35', 'I.2.7').
  categories: list(text(LIMITS.category), LIMITS.categories),
  comment: v.optional(text(LIMITS.comment)),
  journalRef: v.optional(text(LIMITS.journalRef)),
  doi: v.optional(text(LIMITS.doi)),
  absUrl: arxivUrl('abs'),
  pdfUrl: arxivUrl('pdf'),
});


// The contract's ArxivEntry (lib/arxiv/entry.ts) and what this schema reads are the same type.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameType: Same<v.InferOutput<typeof EntrySchema>, ArxivEntry> = true;
void sameType;
