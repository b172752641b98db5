import type { StoredPaper } from '../db/schema';
import type { PaperSearchResult } from './paper-search';

/**
 * The papers of an answer's ids, read by the worker along with the answer, so the page draws
 * the cards without a read of its own: one hop between threads less per keystroke.
 */
export interface AnswerCards {
  papers: StoredPaper[];
  /** Of those, the ids in the library. */
  saved: string[];
}

/** An answer; `cards` when the worker read the papers of its ids. */
export type SearchAnswer = PaperSearchResult & { cards?: AnswerCards };

/** Messages between a page and its search worker. */
export type ToSearchWorker =
  | { type: 'build' }
  /** `shown`: the ids of the cards the page shows now, joined by spaces; those need no read. */
  | { type: 'search'; seq: number; query: string; limit: number; shown?: string };

export type FromSearchWorker =
  | { type: 'result'; seq: number; result: SearchAnswer }
  /** More papers became searchable, or the index was rebuilt: ask again. */
  | { type: 'update' };
