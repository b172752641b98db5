import { LIMITS } from './limits';

/*
 * The limits on what a user types into the library (lib/schema/limits.ts), said in plain words
 * where the user types and checked again before anything is stored, so that no tag or note can
 * make a backup its own import refuses.
 */

const count = (n: number) => n.toLocaleString('en');

/** What is wrong with a tag as typed (trimmed), or null when it fits. */
export function tagProblem(tag: string): string | null {
  if (tag.length <= LIMITS.tag) return null;
  return `A tag can be at most ${count(LIMITS.tag)} characters long; this one has ${count(tag.length)}.`;
}

/** What is wrong with a paper's tags as a whole, or null when they fit. */
export function tagsProblem(tags: readonly string[]): string | null {
  for (const tag of tags) {
    const problem = tagProblem(tag);
    if (problem) return problem;
  }
  if (tags.length > LIMITS.tags) return `A paper can have at most ${count(LIMITS.tags)} tags.`;
  return null;
}

export function noteProblem(note: string): string | null {
  if (note.length <= LIMITS.note) return null;
  return `A note can be at most ${count(LIMITS.note)} characters long; this one has ${count(note.length)}. Shorten it to save it.`;
}

/** What a subscription watches, as far as the limits go (lib/arxiv/query-lint.ts says the rest). */
interface QueryParts {
  value: string;
  categories: readonly string[];
  exclude: readonly string[];
}

/** What in a subscription's query is over the limits, each in a sentence; none when it fits. */
export function queryLimitProblems(q: QueryParts): string[] {
  const problems: string[] = [];
  if (q.value.length > LIMITS.query) problems.push(`What a subscription watches can be at most ${count(LIMITS.query)} characters long; this has ${count(q.value.length)}.`);
  if (q.exclude.length > LIMITS.terms) problems.push(`At most ${count(LIMITS.terms)} words or phrases can be left out; this leaves out ${count(q.exclude.length)}.`);
  const long = q.exclude.find((term) => term.length > LIMITS.term);
  if (long !== undefined) problems.push(`A word or phrase to leave out can be at most ${count(LIMITS.term)} characters long; one has ${count(long.length)}.`);
  if (q.categories.length > LIMITS.terms) problems.push(`A subscription can be limited to at most ${count(LIMITS.terms)} categories.`);
  return problems;
}

/** A subscription's name on chips and in notifications. */
export function labelProblem(label: string): string | null {
  if (label.trim().length <= LIMITS.label) return null;
  return `A name can be at most ${count(LIMITS.label)} characters long; this one has ${count(label.trim().length)}.`;
}

/** Thrown by the library's writes for text over the limits: its message is for the user. */
export class LimitError extends Error {
  override name = 'LimitError';
}
