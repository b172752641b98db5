import type { PaperSearchResult } from './paper-search';

/** Messages between a page and its search worker. */
export type ToSearchWorker = { type: 'build' } | { type: 'search'; seq: number; query: string; limit: number };

export type FromSearchWorker =
  | { type: 'result'; seq: number; result: PaperSearchResult }
  /** More papers became searchable, or the index was rebuilt: ask again. */
  | { type: 'update' };
