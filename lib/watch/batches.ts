import type { ArxivEntry } from '../arxiv/entry';
import { ARXIV_API_QUERY_URL, MAX_URL_LENGTH, buildIdListUrl } from '../arxiv/query';
import { MAX_API_BYTES } from '../arxiv/client';

/**
 * How the saved papers are split into `id_list` requests: as many ids as fit in one URL
 * (MAX_URL_LENGTH, 4,000 characters: 358 of today’s ids, 231 of the longest old-style ones),
 * unless their answer could come near the cap on what is read of one answer. That answer is
 * estimated from the metadata arXiv sent for the same papers before; a quarter of the cap
 * leaves room for the estimate's error and for new versions that grew, and only libraries of
 * long collaboration papers (thousands of authors each) ever reach it.
 */
export const MAX_ANSWER_ESTIMATE = MAX_API_BYTES / 4;

/** Bytes of XML arXiv sends around an entry's text (700 to 1,000 in the fixtures), and around each author's name. */
const ENTRY_MARKUP = 900;
const AUTHOR_MARKUP = 40;
const AFFILIATION_MARKUP = 50;

/** About how many bytes of XML arXiv sends for this paper. */
export function answerEstimate(paper: ArxivEntry): number {
  let bytes = ENTRY_MARKUP + paper.title.length + paper.summary.length + (paper.comment?.length ?? 0) + (paper.journalRef?.length ?? 0) + (paper.doi?.length ?? 0);
  for (const author of paper.authors) {
    bytes += AUTHOR_MARKUP + author.name.length;
    for (const affiliation of author.affiliations) bytes += AFFILIATION_MARKUP + affiliation.length;
  }
  return bytes;
}

/** The length of `buildIdListUrl` for `count` ids of `idChars` characters in all. */
function urlLength(idChars: number, count: number): number {
  return `${ARXIV_API_QUERY_URL}?id_list=`.length + idChars + (count - 1) + `&max_results=${count}`.length;
}

/** The papers' ids in batches, in the order given; every id once. */
export function idListBatches(papers: readonly ArxivEntry[]): string[][] {
  const batches: string[][] = [];
  let batch: string[] = [];
  let chars = 0;
  let bytes = 0;
  for (const paper of papers) {
    const estimate = answerEstimate(paper);
    const fits = urlLength(chars + paper.id.length, batch.length + 1) <= MAX_URL_LENGTH && bytes + estimate <= MAX_ANSWER_ESTIMATE;
    if (batch.length > 0 && !fits) {
      batches.push(batch);
      batch = [];
      chars = 0;
      bytes = 0;
    }
    batch.push(paper.id);
    chars += paper.id.length;
    bytes += estimate;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** The request for one batch (the ids without versions: arXiv answers with each paper's latest). */
export const batchUrl = (ids: readonly string[]): string => buildIdListUrl([...ids]);
