import type { SubscriptionQuery } from '../subscription';
import { queryLimitProblems } from '../schema/user-text';
import { asciiSuggestion } from './query-ascii';
import { type ArxivCategory, categoryById, isKnownCategory, searchCategories } from './categories';
import { MAX_RESULTS_PER_CALL, buildQueryUrl, buildSearchQuery, categoryIds } from './query-build';

export type LintCode =
  | 'empty-query'
  | 'unbalanced-quotes'
  | 'unbalanced-parentheses'
  | 'unknown-field'
  | 'hyphen'
  | 'non-ascii'
  | 'lowercase-operator'
  | 'looks-like-query'
  | 'unknown-category'
  | 'url-too-long'
  | 'over-limit';

/** Errors mean arXiv would reject the query or read it otherwise than meant: don't send it. */
export interface LintProblem {
  severity: 'error' | 'warning';
  code: LintCode;
  /** Plain words for a researcher: what is wrong and what to write instead. */
  message: string;
  /** The subscription's value with that advice taken, when the advice is about the value alone. */
  fixedValue?: string;
}

// From the arXiv API manual (section 5.1); the dates take ranges: [202401010000 TO 202402010000].
const KNOWN_FIELDS = new Set([
  'ti', 'au', 'abs', 'co', 'jr', 'cat', 'rn', 'id', 'all', 'submittedDate', 'lastUpdatedDate',
]);
const FIELD_GUESSES: Record<string, string> = {
  title: 'ti', author: 'au', authors: 'au', abstract: 'abs', summary: 'abs', comment: 'co', comments: 'co',
  journal: 'jr', category: 'cat', categories: 'cat', report: 'rn', any: 'all',
};
const FIELD_LIST =
  'ti: (title), au: (author), abs: (abstract), co: (comment), jr: (journal reference), ' +
  'cat: (category), rn: (report number), id: and all: (all of these)';
// Values of these fields are identifiers in which a hyphen is part of the name (hep-th, CERN-TH-2020-001).
const ID_FIELD_VALUES = /\b(?:cat|id|rn):(?:"[^"]*"|[^\s()]+)/g;
const HYPHENATED = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu;
/** Comfortably below what arXiv's servers accept in a request line. */
export const MAX_URL_LENGTH = 4000;

const error = (code: LintCode, message: string): LintProblem => ({ severity: 'error', code, message });
const warning = (code: LintCode, message: string): LintProblem => ({ severity: 'warning', code, message });
const quoted = (items: string[]) => items.map((item) => `"${item}"`).join(', ');
const unique = (items: string[]) => [...new Set(items)];

/** The raw query with every quoted phrase reduced to `""`, so syntax checks ignore phrase text. */
function outsideQuotes(raw: string): string {
  return raw.replace(/"[^"]*(?:"|$)/g, '""');
}

function lintQuotes(raw: string): LintProblem[] {
  const count = raw.split('"').length - 1;
  if (count % 2 === 0) return [];
  const message = 'A double quote (") is missing its partner. Quotes come in pairs around a phrase, like ti:"dark matter".';
  return [error('unbalanced-quotes', message)];
}

function lintParentheses(raw: string): LintProblem[] {
  let depth = 0;
  for (const char of outsideQuotes(raw)) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (depth < 0) {
      return [error('unbalanced-parentheses', 'A closing ")" comes before its opening "(". Remove it or add the missing "(".')];
    }
  }
  if (depth === 0) return [];
  const unclosed = depth === 1 ? 'An opening "(" is' : `${depth} opening "(" are`;
  return [error('unbalanced-parentheses', `${unclosed} never closed. Add the missing ")".`)];
}

function lintFields(raw: string): LintProblem[] {
  const fields = [...outsideQuotes(raw).matchAll(/(?:^|[\s(])([A-Za-z_]+):/g)].map((match) => match[1] ?? '');
  return unique(fields.filter((field) => !KNOWN_FIELDS.has(field))).map((field) => {
    const lower = field.toLowerCase();
    const guess = KNOWN_FIELDS.has(lower) ? lower : FIELD_GUESSES[lower];
    const hint = guess ? `Write ${guess}: instead.` : `arXiv knows ${FIELD_LIST}.`;
    return error('unknown-field', `"${field}:" is not a field arXiv can search. ${hint}`);
  });
}

function lintOperators(raw: string): LintProblem[] {
  const tokens = outsideQuotes(raw).split(/[\s()]+/).filter((token) => token !== '');
  const between = tokens.slice(1, -1);
  const lowercase = between.filter((token) => /^(?:and|or|andnot)$/i.test(token) && token !== token.toUpperCase());
  if (lowercase.length === 0) return [];
  const words = unique(lowercase);
  return [
    warning(
      'lowercase-operator',
      `arXiv only understands AND, OR and ANDNOT in capitals; ${quoted(words)} ${words.length === 1 ? 'is' : 'are'} ` +
        `searched as ordinary words. Write ${words.map((word) => word.toUpperCase()).join(', ')} to combine terms.`,
    ),
  ];
}

function lintRawSyntax(raw: string): LintProblem[] {
  return [...lintQuotes(raw), ...lintParentheses(raw), ...lintFields(raw), ...lintOperators(raw)];
}

const nonAsciiWords = (text: string) =>
  text
    .split(/[\s"()]+/)
    .filter((word) => /[^\x00-\x7F]/.test(word))
    .map((word) => word.replace(/^[A-Za-z]+:/, ''));

/** `value` with each of `words` replaced, or undefined when a word has no replacement. */
function replaceWords(value: string, words: string[], replacement: (word: string) => string | null): string | undefined {
  let fixed = value;
  for (const word of words) {
    const instead = replacement(word);
    if (instead === null) return undefined;
    fixed = fixed.split(word).join(instead);
  }
  return fixed === value ? undefined : fixed;
}

function lintNonAscii(q: SubscriptionQuery): LintProblem[] {
  const words = unique([q.value, ...q.categories, ...q.exclude].flatMap(nonAsciiWords));
  if (words.length === 0) return [];
  const fixes = words.map((word) => {
    const ascii = asciiSuggestion(word);
    return ascii ? `"${ascii}" instead of "${word}"` : `leave out "${word}"`;
  });
  const message =
    "arXiv’s search only takes plain letters without accents and answers anything else with an error. " +
    `Write ${fixes.join(', ')}.`;
  const inValueOnly = words.every((word) => !q.categories.concat(q.exclude).some((text) => text.includes(word)));
  const fixedValue = inValueOnly && q.kind !== 'raw' ? replaceWords(q.value, words, (word) => asciiSuggestion(word) || null) : undefined;
  return [{ ...error('non-ascii', message), ...(fixedValue ? { fixedValue } : {}) }];
}

/**
 * Hyphens are checked even inside quotes. The manual says nothing about them, but arXiv's own
 * tracker (arXiv/arxiv-search#322) shows `non-invasive` read as "non NOT invasive", and users
 * of the aRxiv client (ropensci/aRxiv#52) saw `ti:"COVID-19"` find a small fraction of the
 * papers the website finds. With a space instead (`"non invasive"`) the search does find the
 * papers that write the hyphen, so that is the advice. A warning, not an error: the query runs.
 */
function lintHyphens(q: SubscriptionQuery): LintProblem[] {
  const searched = { keyword: q.value, author: q.value, category: '', raw: q.value.replace(ID_FIELD_VALUES, ' ') }[q.kind];
  const words = unique([searched, ...q.exclude].flatMap((text) => text.match(HYPHENATED) ?? []));
  if (words.length === 0) return [];
  const fixes = words.map((word) => `"${word.replace(/-/g, ' ')}" instead of "${word}"`).join(', ');
  const message =
    `arXiv’s search reads a hyphen as "NOT", even inside quotes, so ${quoted(words)} would miss most of the ` +
    `papers you want. Write ${fixes}: that still finds the papers written with the hyphen.`;
  const inValueOnly = words.every((word) => !q.exclude.some((text) => text.includes(word)));
  const fixedValue = inValueOnly && q.kind !== 'raw' ? replaceWords(q.value, words, (word) => word.replace(/-/g, ' ')) : undefined;
  return [{ ...warning('hyphen', message), ...(fixedValue ? { fixedValue } : {}) }];
}

/** The category a user most likely meant by `text`: the id in other case ('CS.lg'), or the first whose name it starts ('distributed'). */
function meantCategory(text: string): ArxivCategory | undefined {
  const lower = text.toLowerCase();
  return categoryById(lower) ?? searchCategories(text, 1)[0];
}

const named = (category: ArxivCategory) => `"${category.id}" (${category.name})`;

/**
 * Categories are checked against arXiv's taxonomy (lib/arxiv/categories.ts): a subscription to
 * an id arXiv does not have silently finds nothing. The advice is the category the user most
 * likely meant, taken from the ids and the names. A warning here, so that a subscription kept
 * from before (or a category newer than the list) still syncs; the options page asks the user
 * to confirm an unknown one before it is added.
 */
function lintCategories(q: SubscriptionQuery): LintProblem[] {
  const inValue = q.kind === 'category' ? categoryIds(q.value) : [];
  const unknown = unique([...inValue, ...q.categories.flatMap(categoryIds)].filter((id) => !isKnownCategory(id)));
  if (unknown.length === 0) return [];
  // A value of words only ("machine learning") is a name: the whole of it says what was meant.
  const wholeName = q.kind === 'category' && inValue.length > 1 && inValue.every((id) => !isKnownCategory(id)) ? meantCategory(q.value) : undefined;
  const meant = new Map(unknown.flatMap((id) => {
    const category = meantCategory(id);
    return category ? [[id, category] as const] : [];
  }));
  const which = unknown.length === 1 ? `"${unknown[0]}" is not one of arXiv’s categories` : `${quoted(unknown)} are not arXiv categories`;
  const advice = wholeName
    ? `Did you mean ${named(wholeName)}?`
    : meant.size > 0
      ? `Did you mean ${[...meant].map(([id, category]) => (unknown.length === 1 ? named(category) : `${named(category)} for "${id}"`)).join(', ')}?`
      : 'Categories look like cs.DC, math.GT or hep-th (see arxiv.org/category_taxonomy).';
  const fixedValue = wholeName
    ? wholeName.id
    : inValue.length > 0 && inValue.every((id) => isKnownCategory(id) || meant.has(id)) && unknown.every((id) => inValue.includes(id))
      ? inValue.map((id) => meant.get(id)?.id ?? id).join(', ')
      : undefined;
  const message = `${which}: a subscription to ${unknown.length === 1 ? 'it' : 'them'} would find nothing. ${advice}`;
  return [{ ...warning('unknown-category', message), ...(fixedValue ? { fixedValue } : {}) }];
}

/** Keyword and author subscriptions are searched as one phrase: syntax in them is searched as words. */
function lintLooksLikeQuery(q: SubscriptionQuery): LintProblem[] {
  if (q.kind !== 'keyword' && q.kind !== 'author') return [];
  const syntax = /(?:^|[\s(])(?:ti|au|abs|co|jr|cat|rn|id|all):|\s(?:AND|OR|ANDNOT)\s/;
  if (!syntax.test(q.value)) return [];
  const message =
    `This looks like arXiv search syntax, but a ${q.kind} is searched as one phrase. ` +
    'Choose the raw arXiv query type to use it as written.';
  return [warning('looks-like-query', message)];
}

function lintLength(q: SubscriptionQuery): LintProblem[] {
  // The URL is percent-encoded ASCII, so its length is its size in bytes.
  const url = buildQueryUrl({ searchQuery: buildSearchQuery(q), start: 0, maxResults: MAX_RESULTS_PER_CALL });
  if (url.length <= MAX_URL_LENGTH) return [];
  const message =
    `This query is too long for arXiv (${url.length} characters once encoded; about ${MAX_URL_LENGTH} fit). ` +
    'Split it into several subscriptions or remove some terms.';
  return [error('url-too-long', message)];
}

/**
 * Paper Radar's own limits (lib/schema/limits.ts), which every stored and exported
 * subscription is held to: said while typing, so that a backup always imports.
 */
function lintLimits(q: SubscriptionQuery): LintProblem[] {
  const problems = queryLimitProblems(q);
  return problems.length === 0 ? [] : [error('over-limit', problems.join(' '))];
}

// Quotes, brackets and commas alone search for nothing.
const isEmpty = (q: SubscriptionQuery) => !/[\p{L}\p{N}]/u.test(q.value);

const EMPTY_MESSAGES: Record<SubscriptionQuery['kind'], string> = {
  keyword: 'Enter a word or phrase to watch for.',
  author: 'Enter an author name, for example "Del Maestro" or "Adrian Del Maestro".',
  category: 'Enter an arXiv category, for example cs.DC or hep-th.',
  raw: 'Enter an arXiv query, for example au:"del maestro" AND ti:checkerboard.',
};

/**
 * Problems in a subscription's query, found before anything is sent to arXiv. Errors block
 * sending; warnings are advice. An empty list means the query is fine.
 */
export function lintQuery(q: SubscriptionQuery): LintProblem[] {
  if (isEmpty(q)) return [error('empty-query', EMPTY_MESSAGES[q.kind])];
  // Nothing else is read of a query over the limits: it could be as long as a hostile file makes it.
  const overLimit = lintLimits(q);
  if (overLimit.length > 0) return overLimit;
  const problems = [
    ...(q.kind === 'raw' ? lintRawSyntax(q.value) : []),
    ...lintNonAscii(q),
    ...lintHyphens(q),
    ...lintLooksLikeQuery(q),
    ...lintCategories(q),
  ];
  // Only a query that could be sent has a length worth measuring.
  if (problems.every((problem) => problem.severity === 'warning')) problems.push(...lintLength(q));
  return problems;
}
