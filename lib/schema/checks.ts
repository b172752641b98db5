import * as v from 'valibot';

/**
 * The building blocks of every schema, each with the message a user reads when it does not fit
 * ("library[3].paper.title: text of 1200 characters; at most 1000 are allowed").
 */

/** What a value is, in words: "text", "a list", "the number 42". */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : 'a number';
  if (typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}

/**
 * A plain object with exactly these fields (optional ones may be missing). Unknown fields are
 * refused rather than ignored: that also keeps `__proto__` and `constructor` out.
 */
export function record<const E extends v.ObjectEntries>(entries: E, unknownField = 'not a field Paper Radar knows') {
  return v.strictObject(entries, (issue) => {
    if (issue.expected === 'Object') return `expected an object, found ${describe(issue.input)}`;
    return issue.expected === 'never' ? unknownField : 'missing';
  });
}

export const text = (max: number) =>
  v.pipe(
    v.string((issue) => `expected text, found ${describe(issue.input)}`),
    v.maxLength(max, (issue) => `text of ${issue.input.length} characters; at most ${max} are allowed`),
  );

/** Text with something in it besides spaces (kept as given). */
export const nonEmptyText = (max: number) =>
  v.pipe(
    text(max),
    v.check((value) => value.trim() !== '', 'empty'),
  );

/** A list of at most `max` items, its length checked before any item is read. */
export const list = <const T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(
    v.array(v.unknown(), (issue) => `expected a list, found ${describe(issue.input)}`),
    v.maxLength(max, (issue) => `a list of ${issue.input.length} items; at most ${max} are allowed`),
    v.array(item),
  );

export const boolean = () => v.boolean((issue) => `expected true or false, found ${describe(issue.input)}`);

export const integer = (min: number, max: number) =>
  v.pipe(
    v.number((issue) => `expected a whole number, found ${describe(issue.input)}`),
    v.integer((issue) => `expected a whole number, found ${describe(issue.input)}`),
    v.minValue(min, (issue) => `expected a whole number from ${min} to ${max}, found ${issue.input}`),
    v.maxValue(max, (issue) => `expected a whole number from ${min} to ${max}, found ${issue.input}`),
  );

// The latest moment a JavaScript Date can hold (year 275760): anything beyond is not a date.
const MAX_EPOCH_MS = 8.64e15;

/** A moment as epoch milliseconds: not negative, not beyond what a Date holds. */
export const epochMs = () =>
  v.pipe(
    v.number((issue) => `expected a time in milliseconds, found ${describe(issue.input)}`),
    v.integer((issue) => `expected a time in milliseconds, found ${describe(issue.input)}`),
    v.check((value) => value >= 0 && value <= MAX_EPOCH_MS, (issue) => `not a real date (${String(issue.input)})`),
  );

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date and time, as arXiv and Date#toISOString write them. */
export const isoDate = () =>
  v.pipe(
    text(40),
    v.check((value) => ISO_DATE.test(value) && Number.isFinite(Date.parse(value)), (issue) => `expected a date such as 2017-06-12T17:57:34Z, found "${String(issue.input)}"`),
  );

export const oneOf = <const T extends readonly string[]>(allowed: T) =>
  v.picklist(allowed, (issue) => `expected one of ${allowed.map((a) => `"${a}"`).join(', ')}, found ${describe(issue.input)}`);

/** One thing wrong with an input: where (`library[3].paper.title`) and what. */
export interface Problem {
  path: string;
  message: string;
}

/** `['library', 3, 'paper', 'title']` → `library[3].paper.title`. */
export function pathOf(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    path = typeof key === 'number' ? `${path}[${key}]` : path === '' ? String(key) : `${path}.${String(key)}`;
  }
  return path;
}

export const problemsOf = (issues: readonly v.BaseIssue<unknown>[]): Problem[] => issues.map((issue) => ({ path: pathOf(issue), message: issue.message }));

/** Paths within one item, for checks that look across fields (`paper.id` of a library item). */
export function fieldPath(input: Record<string, unknown>, ...keys: string[]): [v.ObjectPathItem, ...v.ObjectPathItem[]] {
  let value: unknown = input;
  const items = keys.map((key) => {
    const parent = value as Record<string, unknown>;
    value = parent?.[key];
    return { type: 'object', origin: 'value', input: parent, key, value } as v.ObjectPathItem;
  });
  return items as [v.ObjectPathItem, ...v.ObjectPathItem[]];
}
