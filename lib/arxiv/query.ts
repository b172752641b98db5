/**
 * Turning a subscription into arXiv API requests, and checking it before anything is sent.
 * Building lives in query-build.ts, checking in query-lint.ts; import from here.
 */
export {
  ARXIV_API_QUERY_URL,
  MAX_RESULTS_PER_CALL,
  buildIdListUrl,
  buildQueryUrl,
  buildSearchQuery,
  categoryIds,
} from './query-build';
export { MAX_URL_LENGTH, lintQuery } from './query-lint';
export type { LintCode, LintProblem } from './query-lint';
export { asciiSuggestion } from './query-ascii';
