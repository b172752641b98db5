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

/** A subscription's name on chips and in notifications. */
export function labelProblem(label: string): string | null {
  if (label.trim().length <= LIMITS.label) return null;
  return `A name can be at most ${count(LIMITS.label)} characters long; this one has ${count(label.trim().length)}.`;
}

/** Thrown by the library's writes for text over the limits: its message is for the user. */
export class LimitError extends Error {
  override name = 'LimitError';
}
