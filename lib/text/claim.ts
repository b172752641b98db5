import { bare, DANGLING_ENDS } from './claim-words';
import { trimEndOf } from './trim-end';
import { joinUnits, type Unit, unitsOf } from './claim-units';
import { COMPARISON, EVIDENCE, VERB } from './cue-lexicon';
import { scanCues } from './key-result-cues';
import { COUNTED_NUMBERS, hasQuantity, QUANTITY } from './quantities';

/** The most a claim may hold (the review site's headlines are about 60 characters). */
export const CLAIM_MAX_LENGTH = 160;
// Up to this length a claim keeps the phrases after its last number ("… 2.7x faster | on GPUs"),
// and parentheses; past it, only what it must.
const GLANCE_LENGTH = 120;
const MIN_LENGTH = 24;

// A clause that describes a noun ("The observation, which has …"): its verb is not the claim's.
const RELATIVE = /^(?:which|who|whom|whose|that)\b/i;
// Auxiliaries and verbs that state without a result: "is", "can", "remains", "depends".
const FINITE_VERB =
  /\b(?:is|are|was|were|has|have|had|can|could|will|would|may|might|must|does|do|did|remains?|becomes?|leads?|holds?|depends?|emerges?|arises?|exists?|occurs?|appears?|tends?)\b/;

// Past its first word, a word that may be a verb in the third person or the past: "recognizes", "reached".
const MAYBE_VERB = /\s[a-z]{2,}(?:s|ed)\b/;

/** Whether a part of a claim may state something: a quantity, or what may be its verb. */
export function statesSomething(text: string): boolean {
  const lower = text.toLowerCase();
  return hasQuantity(lower) || FINITE_VERB.test(lower) || MAYBE_VERB.test(lower) || (scanCues(lower) & (VERB | COMPARISON | EVIDENCE)) !== 0;
}

// Phrases that only give examples: the first to go from a long claim.
const EXAMPLES = /^(?:including|such as|e\.g\.|i\.e\.|namely|especially|particularly|notably)\b/i;

interface Part extends Unit {
  /** What it says in numbers (see numberWeight). */
  numbers: number;
}

const countOf = (pattern: RegExp, text: string) => text.match(pattern)?.length ?? 0;

// "(i)", "(2)", "(c)": the mark of an item in a list, not a number of the result.
const ITEM_MARK = /^\((?:[ivx]{1,4}|\d|[a-e])\)$/;

/** How much a text says in numbers: a measured quantity counts 2, any other counted number 1. */
export function numberWeight(text: string): number {
  const lower = text.toLowerCase();
  return 2 * countOf(QUANTITY, lower) + countOf(COUNTED_NUMBERS, lower);
}

function partsOf(text: string): Part[] {
  return unitsOf(text).map((unit) => {
    const own = text.slice(unit.start, unit.end);
    return { ...unit, numbers: ITEM_MARK.test(own) ? 0 : numberWeight(own) };
  });
}

/**
 * The length of the claim `parts` make, as shown (without the full stop a claim does not
 * carry): added up from the units, as it is asked again after every unit left out.
 */
function lengthOf(text: string, parts: readonly Part[]): number {
  const last = parts[parts.length - 1];
  if (!last) return 0;
  let length = 0;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] as Part;
    length += part.end - (index === 0 ? part.start : part.from);
  }
  const lastText = text.slice(parts.length === 1 ? last.start : last.from, last.end);
  return length - (lastText.length - tidyEnd(lastText).length);
}

/**
 * Whether a claim may end right before `parts[index]`: not before what continues a phrase after
 * its parenthesis, nor before a parenthesis that such a continuation follows.
 */
function endsBefore(parts: readonly Part[], index: number): boolean {
  const kind = parts[index]?.kind;
  return kind === undefined || (kind !== 'joined' && !(kind === 'paren' && parts[index + 1]?.kind === 'joined'));
}

/** The claim's last characters tidied: no trailing comma, and no full stop (a claim is a headline). */
function tidyEnd(claim: string): string {
  let end = trimEndOf(claim, ' ,;:');
  if (end.endsWith('.') && !/(?:\b(?:al|etc|e\.g|i\.e|vs)|\b\p{Lu})\.$/u.test(end)) end = end.slice(0, -1).trimEnd();
  return end;
}

function endsWhole(claim: string): boolean {
  const last = claim.slice(claim.lastIndexOf(' ') + 1);
  return !DANGLING_ENDS.has(bare(last)) && !/[(\[{-]$/.test(claim);
}

/**
 * The units kept: everything up to the last one with a number, then what follows it in the
 * same phrase, then phrases while the claim is short enough to take in at a glance. Without a
 * number the whole sentence is kept: its cuts are where claims lose their verb.
 */
function leadingParts(text: string, parts: Part[]): Part[] {
  const last = parts.reduce((found, part, index) => (part.numbers > 0 ? index : found), -1);
  if (last < 0) return [...parts];
  let end = last;
  while (!endsBefore(parts, end + 1)) end++;
  let kept = parts.slice(0, end + 1);
  for (let next = end + 1; next < parts.length; next++) {
    const part = parts[next] as Part;
    if (part.kind !== 'phrase' && part.kind !== 'joined') break;
    const longer = parts.slice(0, next + 1);
    if (lengthOf(text, longer) > GLANCE_LENGTH) break;
    if (endsBefore(parts, next + 1)) kept = longer;
  }
  return kept;
}

/** How many units from `index` on belong to its phrase: a clause takes its phrases and parentheses along. */
function groupLength(kept: readonly Part[], index: number): number {
  if (kept[index]?.kind === 'paren') return 1;
  let end = index + 1;
  while (end < kept.length && ['phrase', 'paren', 'joined'].includes((kept[end] as Part).kind)) end++;
  return end - index;
}

/** Leaves out the last unit that passes `test`, with its phrase, when none of it has a number; false when none can go. */
function dropOne(kept: Part[], test: (part: Part) => boolean): boolean {
  for (let index = kept.length - 1; index > 0; index--) {
    if (!test(kept[index] as Part)) continue;
    const length = groupLength(kept, index);
    if (kept.slice(index, index + length).some((part) => part.numbers > 0)) continue;
    kept.splice(index, length);
    return true;
  }
  return false;
}

/** Drops units from the end down to a place where a claim may end, at most `max` characters long. */
function cutEnd(text: string, parts: readonly Part[], kept: Part[], max: number): void {
  const endsAfter = (part: Part | undefined) => part !== undefined && endsBefore(parts, parts.indexOf(part) + 1);
  while (kept.length > 1 && (lengthOf(text, kept) > max || !endsWhole(tidyEnd(joinUnits(text, kept))) || !endsAfter(kept[kept.length - 1]))) {
    kept.pop();
  }
}

export interface Condensed {
  claim: string;
  /** What the sentence says in numbers, and what the claim kept of it (see numberWeight). */
  numbers: number;
  kept: number;
}

/**
 * A claim of at most 160 characters from a sentence that already opens with its own subject,
 * cut only where a clause or phrase ends: the parts with numbers first, then what leaves the
 * claim shortest. Null when no such cut leaves a claim that says something.
 */
export function condense(sentence: string): Condensed | null {
  const text = sentence.trim();
  const parts = partsOf(text);
  const kept = leadingParts(text, parts);
  const own = (part: Part) => text.slice(part.start, part.end);
  const isParen = (part: Part) => part.kind === 'paren';
  if (lengthOf(text, kept) > GLANCE_LENGTH) while (dropOne(kept, isParen));
  const shortenings: Array<(part: Part) => boolean> = [
    isParen,
    (part) => part.kind === 'clause' && EXAMPLES.test(own(part)),
    (part) => part.kind === 'clause',
  ];
  for (const [index, test] of shortenings.entries()) {
    // Without numbers, the end goes before any clause in the middle: that clause may hold the verb.
    if (index === 2 && !kept.some((part) => part.numbers > 0)) cutEnd(text, parts, kept, CLAIM_MAX_LENGTH);
    while (lengthOf(text, kept) > CLAIM_MAX_LENGTH && dropOne(kept, test));
  }
  // Still too long: the last units go, numbers or not, down to a place where the claim may end.
  cutEnd(text, parts, kept, CLAIM_MAX_LENGTH);
  const claim = tidyEnd(joinUnits(text, kept));
  if (claim.length > CLAIM_MAX_LENGTH || claim.length < MIN_LENGTH || !endsWhole(claim)) return null;
  if (!kept.some((part) => !RELATIVE.test(own(part)) && statesSomething(own(part)))) return null;
  const sum = (list: readonly Part[]) => list.reduce((total, part) => total + part.numbers, 0);
  return { claim, numbers: sum(parts), kept: sum(kept) };
}
