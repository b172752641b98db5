import type { SubscriptionQuery } from '../subscription';
import { parseArxivId } from './ids';

export const ARXIV_API_QUERY_URL = 'https://export.arxiv.org/api/query';
/** arXiv serves at most this many results per call. */
export const MAX_RESULTS_PER_CALL = 2000;

/**
 * Text made safe to put between double quotes: arXiv's query language has no escape for a
 * quote inside a phrase, so quotes become spaces; runs of spaces collapse to one.
 */
export function toPhrase(text: string): string {
  return text.replace(/"/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The category ids in a category subscription's value: `cs.DC`, or several (`cs.DC, cs.LG`). */
export function categoryIds(value: string): string[] {
  return value.split(/[\s,]+/).filter((id) => id !== '');
}

const inTitleOrAbstract = (phrase: string) => [`ti:"${phrase}"`, `abs:"${phrase}"`];

/**
 * The manual's own example is `au:del_maestro`; a quoted phrase (`au:"del maestro"`) finds the
 * same papers and also works for a full name (`au:"adrian del maestro"`). A surname alone
 * matches every way a name is written (initials or not); a full name only that spelling.
 * "Surname, Given" is turned around because a phrase must follow the order on the paper.
 */
function authorPhrase(name: string): string {
  const parts = name.split(',').map((part) => part.trim());
  const [surname, given] = parts;
  if (parts.length === 2 && surname && given) return toPhrase(`${given} ${surname}`);
  return toPhrase(name.replace(/,/g, ' '));
}

/** The subscription's own condition, before categories and exclusions; '' when empty. */
function baseQuery(q: SubscriptionQuery): string {
  switch (q.kind) {
    case 'keyword': {
      const phrase = toPhrase(q.value);
      return phrase ? inTitleOrAbstract(phrase).join(' OR ') : '';
    }
    case 'author': {
      const phrase = authorPhrase(q.value);
      return phrase ? `au:"${phrase}"` : '';
    }
    case 'category':
      return categoryIds(q.value)
        .map((id) => `cat:${id}`)
        .join(' OR ');
    case 'raw':
      return q.value.trim();
  }
}

const anyOf = (terms: string[]) => (terms.length === 1 ? (terms[0] ?? '') : `(${terms.join(' OR ')})`);

/**
 * The arXiv `search_query` (not yet URL-encoded) for a subscription. Run `lintQuery` first:
 * this throws a RangeError when there is nothing to search for.
 *
 * With categories or exclusions the base is parenthesised, so a raw query's own OR cannot
 * leak out: `(<base>) AND (cat:a OR cat:b) ANDNOT (ti:"x" OR abs:"x")`. Only AND and ANDNOT
 * join the parts, and both narrow the result, so the outcome does not depend on how arXiv
 * associates them.
 */
export function buildSearchQuery(q: SubscriptionQuery): string {
  const base = baseQuery(q);
  if (!base) throw new RangeError('Nothing to search for: enter a keyword, author, category or query.');
  const categories = q.categories.flatMap(categoryIds).map((id) => `cat:${id}`);
  const excluded = q.exclude.map(toPhrase).filter((phrase) => phrase !== '').flatMap(inTitleOrAbstract);
  if (categories.length === 0 && excluded.length === 0) return base;
  let query = `(${base})`;
  if (categories.length > 0) query += ` AND ${anyOf(categories)}`;
  if (excluded.length > 0) query += ` ANDNOT ${anyOf(excluded)}`;
  return query;
}

function checkPaging(start: number, maxResults: number): void {
  if (!Number.isSafeInteger(start) || start < 0) throw new RangeError(`start must be a whole number, got ${start}`);
  if (!Number.isSafeInteger(maxResults) || maxResults < 1 || maxResults > MAX_RESULTS_PER_CALL) {
    throw new RangeError(`maxResults must be between 1 and ${MAX_RESULTS_PER_CALL}, got ${maxResults}`);
  }
}

/** A search request, newest submissions first. */
export function buildQueryUrl(params: { searchQuery: string; start: number; maxResults: number }): string {
  checkPaging(params.start, params.maxResults);
  const search = new URLSearchParams({
    search_query: params.searchQuery,
    start: String(params.start),
    max_results: String(params.maxResults),
    sortBy: 'submittedDate',
    sortOrder: 'descending',
  });
  return `${ARXIV_API_QUERY_URL}?${search.toString()}`;
}

/**
 * A lookup of papers by id (with or without version). Ids are checked and written in arXiv's
 * canonical form first: one malformed id would turn the whole answer into an error feed.
 */
export function buildIdListUrl(ids: string[]): string {
  const canonical = ids.map((input) => {
    const parsed = parseArxivId(input);
    if (!parsed) throw new RangeError(`"${input}" is not an arXiv id`);
    return parsed.version === undefined ? parsed.id : `${parsed.id}v${parsed.version}`;
  });
  const unique = [...new Set(canonical)];
  if (unique.length === 0) throw new RangeError('No arXiv ids to look up');
  if (unique.length > MAX_RESULTS_PER_CALL) throw new RangeError(`At most ${MAX_RESULTS_PER_CALL} ids per request`);
  // Canonical ids hold only letters, digits, '.', '-', 'v' and '/', all allowed as they are in a
  // query string; the comma is arXiv's own separator.
  return `${ARXIV_API_QUERY_URL}?id_list=${unique.join(',')}&max_results=${unique.length}`;
}
