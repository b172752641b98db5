import { isKnownCategory } from '../../lib/arxiv/categories';
import { buildSearchQuery, categoryIds, lintQuery, type LintProblem } from '../../lib/arxiv/query';
import { labelProblem } from '../../lib/schema/user-text';
import type { Subscription, SubscriptionKind, SubscriptionQuery } from '../../lib/subscription';

/** A subscription as it is being typed: exclusions are one comma-separated line. */
export interface Draft {
  kind: SubscriptionKind;
  value: string;
  categories: string[];
  exclude: string;
  label: string;
  /**
   * Category ids the user confirmed although arXiv's taxonomy as Paper Radar knows it lacks
   * them (a category newer than the list): only these may be added.
   */
  confirmedCategories: string[];
}

export const EMPTY_DRAFT: Draft = { kind: 'keyword', value: '', categories: [], exclude: '', label: '', confirmedCategories: [] };

export const KIND_NAMES: Record<SubscriptionKind, string> = {
  keyword: 'Keyword',
  author: 'Author',
  category: 'Category',
  raw: 'arXiv query',
};

/** What a subscription of each kind is, said beside the kinds (a placeholder this long was cut in a narrow window). */
export const KIND_HELP: Record<SubscriptionKind, string> = {
  keyword: 'A word or phrase, found in titles and abstracts.',
  author: 'One author: a surname, or a full name.',
  category: 'An arXiv category, or several; or type a name to search.',
  raw: 'arXiv’s search syntax, sent as written.',
};

/** An example of each kind, in the empty field. */
export const KIND_EXAMPLES: Record<SubscriptionKind, string> = {
  keyword: 'graph neural network',
  author: 'Adrian Del Maestro',
  category: 'cs.DC, cs.LG',
  raw: 'au:"del maestro" AND ti:checkerboard',
};

export const splitTerms = (line: string): string[] =>
  line.split(',').map((term) => term.trim()).filter((term) => term !== '');

export function draftQuery(draft: Draft): SubscriptionQuery {
  return { kind: draft.kind, value: draft.value.trim(), categories: draft.categories, exclude: splitTerms(draft.exclude) };
}

export function draftOf(subscription: Subscription): Draft {
  return {
    kind: subscription.kind,
    value: subscription.value,
    categories: [...subscription.categories],
    exclude: subscription.exclude.join(', '),
    label: subscription.label === subscription.value ? '' : subscription.label,
    // Kept as it was confirmed when it was added.
    confirmedCategories: unknownCategories(subscription),
  };
}

/** The category ids of a query that arXiv's taxonomy lacks, as the linter reads them. */
export function unknownCategories(query: SubscriptionQuery): string[] {
  const ids = [...(query.kind === 'category' ? categoryIds(query.value) : []), ...query.categories.flatMap(categoryIds)];
  return [...new Set(ids.filter((id) => !isKnownCategory(id)))];
}

export interface DraftCheck {
  /** The exact `search_query` arXiv will get; null while there is nothing to search for. */
  searchQuery: string | null;
  problems: LintProblem[];
  /** An error: arXiv would refuse the query or read it otherwise than meant. */
  blocked: boolean;
  /** Category ids not in arXiv's taxonomy that the user has not confirmed yet. */
  unconfirmed: string[];
}

/** The query's problems, and the name's: over the limits, it could not be stored or exported. */
function draftProblems(draft: Draft, query: SubscriptionQuery): LintProblem[] {
  const problems = lintQuery(query);
  const label = labelProblem(draft.label);
  if (label === null) return problems;
  const limits = problems.find((problem) => problem.code === 'over-limit');
  if (limits) return problems.map((problem) => (problem === limits ? { ...problem, message: `${problem.message} ${label}` } : problem));
  return [...problems, { severity: 'error', code: 'over-limit', message: label }];
}

/** What the user sees under the input while typing. An empty input is not an error yet. */
export function checkDraft(draft: Draft): DraftCheck {
  const query = draftQuery(draft);
  const unconfirmed = unknownCategories(query).filter((id) => !draft.confirmedCategories.includes(id));
  // An unknown category is only advice to the sync; here it blocks until the user confirms it.
  const problems = draftProblems(draft, query).map((problem) =>
    problem.code === 'unknown-category' && unconfirmed.length > 0 ? { ...problem, severity: 'error' as const } : problem,
  );
  const blocked = problems.some((problem) => problem.severity === 'error');
  const empty = problems.some((problem) => problem.code === 'empty-query');
  return {
    searchQuery: blocked ? null : buildSearchQuery(query),
    problems: empty ? [] : problems,
    blocked,
    unconfirmed: empty ? [] : unconfirmed,
  };
}
