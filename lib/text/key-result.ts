import { CLAIM_MAX_LENGTH, type Condensed, condense, numberWeight } from './claim';
import { openClaim } from './claim-opening';
import { unitsOf } from './claim-units';
import { bare, first, FORBIDDEN_OPENERS } from './claim-words';
import { clausesOf } from './clauses';
import {
  AIM,
  ANAPHORIC,
  BACKGROUND,
  COMPARISON,
  EVIDENCE,
  MAIN_RESULT,
  METHOD,
  OUTLOOK,
  SCALE,
  VERB,
} from './cue-lexicon';
import { scanCues } from './key-result-cues';
import { countBounds, COUNTED_NUMBER, hasEnumeration, hasQuantity, QUANTITY } from './quantities';
import { splitSentences } from './sentences';
import { systemName } from './system-name';

const MIN_LENGTH = 30;
const MIN_MERIT = 3;

// What each cue adds to a sentence's merit (a measured quantity adds 3 on its own).
const WEIGHTS: ReadonlyArray<readonly [cue: number, weight: number]> = [
  [VERB, 2],
  [EVIDENCE, 2],
  [MAIN_RESULT, 4],
  [COMPARISON, 1],
  [ANAPHORIC, -2],
  [BACKGROUND, -4],
  [AIM, -3],
  [OUTLOOK, -3],
];
// A sentence that says how the work was done, with no number, is method, not finding.
const METHOD_WITHOUT_RESULT: readonly [cue: number, weight: number] = [METHOD, -2];
// Without one of these (or a quantity) no sentence can reach the bar.
const FINDING = VERB | EVIDENCE | MAIN_RESULT;
const WITHOUT_DIGITS = SCALE;

/** Three points for a measured result, up to two more for further ones. */
function quantityScore(lower: string, cues: number): number {
  let count = lower.match(QUANTITY)?.length ?? 0;
  if (cues & WITHOUT_DIGITS) count++;
  count += countBounds(lower);
  return count === 0 ? 0 : 3 + Math.min(count - 1, 2);
}

/** Half a point for a number that is not a year and not part of a name ("h100", "gpt-4", "3d"). */
function numberScore(lower: string): number {
  return COUNTED_NUMBER.test(lower) ? 0.5 : 0;
}

/**
 * How strongly a sentence reads as the paper's finding, from its cues and its place (findings
 * come late in an abstract; the opening sentence is background).
 */
function merit(sentence: string, index: number, count: number): number {
  const lower = sentence.toLowerCase();
  const cues = scanCues(lower) | (hasEnumeration(lower) ? METHOD : 0);
  const quantity = quantityScore(lower, cues);
  if (quantity === 0 && (cues & FINDING) === 0) return 0;
  let total = quantity + numberScore(lower) + index / Math.max(count, 1);
  for (const [cue, weight] of WEIGHTS) if (cues & cue) total += weight;
  if (quantity === 0 && cues & METHOD_WITHOUT_RESULT[0]) total += METHOD_WITHOUT_RESULT[1];
  if (index === 0) total -= 2;
  if (sentence.length < MIN_LENGTH) total -= 3;
  return total;
}

/** Between two findings of equal merit, the one a reader takes in at a glance comes first. */
function brevity(sentence: string): number {
  return sentence.length > 200 ? (sentence.length - 200) / 100 : 0;
}

/** The claim and the sentence of the abstract it was made from. */
export interface KeyResult {
  claim: string;
  sentence: string;
}

// How a claim may start: a capital, a digit, math, a TeX command, a mark, or a name in mixed case ("eBPF").
const CLAIM_START = /^(?:[\p{Lu}\p{N}$\\("'\u201c\u2018\[~<>\u00b1\u2248]|\p{Ll}+\p{Lu})/u;
const SUBORDINATE_START = /^(?:while|whereas|although|though|because|since)\s+/i;

// A claim is made from a sentence's first thousand characters and its first parts: an abstract's
// sentences are shorter (arXiv allows 1,920 characters in all), and hostile text costs no more.
const SENTENCE_LIMIT = 1000;
const MAX_PARTS = 12;
const within = (sentence: string) => (sentence.length > SENTENCE_LIMIT ? sentence.slice(0, sentence.lastIndexOf(' ', SENTENCE_LIMIT) + 1 || SENTENCE_LIMIT).trimEnd() : sentence);

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Brackets and math delimiters in pairs: a claim never ends inside a parenthesis. */
function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    if (depth < 0) return false;
  }
  return depth === 0 && (text.replace(/\\\$/g, '').split('$').length - 1) % 2 === 0;
}

function standsAlone(claim: string): boolean {
  return claim.length <= CLAIM_MAX_LENGTH && CLAIM_START.test(claim) && !FORBIDDEN_OPENERS.has(bare(first(claim))) && balanced(claim);
}

interface Candidate extends Condensed {
  score: number;
}

/** The best claim from one sentence or one of its parts ("…; …", "(i) …, (ii) …"); null when none stands alone. */
function claimFrom(whole: string, name: string | null, verbFirst = false): Candidate | null {
  const sentence = within(whole);
  let best: Candidate | null = null;
  for (const part of [sentence, ...clausesOf(sentence).slice(0, MAX_PARTS)]) {
    const opened = openClaim(part, name, verbFirst);
    const condensed = opened === null ? null : condense(opened);
    if (condensed === null || !standsAlone(condensed.claim)) continue;
    // The numbers it keeps first; of two claims that keep the same, the shorter.
    const score = numberWeight(condensed.claim) - condensed.claim.length / 80;
    if (!best || score > best.score) best = { ...condensed, score };
  }
  return best;
}

/** A claim from a whole sentence; one that starts in lower case is a fragment ("and thus …", "al. show"). */
const fromSentence = (sentence: string, name: string | null) => (CLAIM_START.test(sentence) ? claimFrom(sentence, name) : null);

/**
 * The claim of a measured result no whole sentence gave: from the first unit of the sentence
 * that holds a number ("While X remains 3x faster, …" gives "X remains 3x faster").
 */
function claimAround(whole: string, name: string | null): Candidate | null {
  const sentence = within(whole);
  const lower = sentence.toLowerCase();
  const measured = unitsOf(sentence).filter((unit) => unit.kind !== 'paren' && hasQuantity(lower.slice(unit.start, unit.end)));
  for (const unit of measured.slice(0, MAX_PARTS)) {
    const found = claimFrom(capitalized(sentence.slice(unit.start).replace(SUBORDINATE_START, '')), name, true);
    if (found && hasQuantity(found.claim)) return found;
  }
  return null;
}

/** A sentence that states a measured result: a quantity, or a number with a verb of a result. */
function isMeasured(sentence: string): boolean {
  const lower = sentence.toLowerCase();
  return hasQuantity(lower) || (COUNTED_NUMBER.test(lower) && (scanCues(lower) & VERB) !== 0);
}

/**
 * How much of an abstract the claim is looked for in: arXiv's longest (1,920 characters), as
 * much as a card's preview shows. Each card looks once as it is drawn, and in a page that has
 * just opened that code is still cold: on a Library of 20,000-character abstracts, 6,000
 * characters each held a task 28–57 ms in Chromium traces.
 */
export const SCANNED_CHARS = 2_000;

/**
 * The abstract's main finding as a card's headline: the clause that carries its main measured
 * result, at most 160 characters, cut where a clause or phrase ends, opening with its own
 * subject; with the sentence it came from. Null only when the abstract states no finding.
 */
export function findKeyResult(abstract: string): KeyResult | null {
  // arXiv's abstracts are at most 1,920 characters; a longer text is searched in its opening,
  // so that a page of such cards (a hostile feed can send 20,000 characters each) draws at once.
  return scanForKeyResult(abstract.length > SCANNED_CHARS ? abstract.slice(0, SCANNED_CHARS) : abstract);
}

/** `findKeyResult` over the whole text, however long: linear in its length (see the bench). */
export function scanForKeyResult(abstract: string): KeyResult | null {
  const sentences = splitSentences(abstract);
  const name = systemName(abstract);
  const ranked = sentences
    .map((sentence, index) => {
      const sentenceMerit = merit(sentence, index, sentences.length);
      return { sentence, index, merit: sentenceMerit, rank: sentenceMerit - brevity(sentence) };
    })
    .sort((a, b) => b.rank - a.rank || b.index - a.index);
  // Findings in order of merit; then, as a measured result always gets a claim, any sentence that states one.
  const candidates = [
    ...ranked.filter((candidate) => candidate.merit >= MIN_MERIT),
    ...ranked.filter((candidate) => candidate.merit < MIN_MERIT && isMeasured(candidate.sentence)),
  ];
  // A claim that lost every number of its sentence waits: a later sentence may keep its own.
  let fallback: KeyResult | null = null;
  for (const make of [fromSentence, claimAround]) {
    for (const { sentence } of candidates) {
      const found = make(sentence, name);
      if (!found) continue;
      if (found.numbers === 0 || found.kept > 0) return { claim: found.claim, sentence };
      fallback ??= { claim: found.claim, sentence };
    }
    if (fallback) return fallback;
  }
  return null;
}

/**
 * The claim of the abstract's main finding (see findKeyResult), looked for in the whole text
 * however long (in linear time); null when it states none.
 */
export function extractKeyResult(abstract: string): string | null {
  return scanForKeyResult(abstract)?.claim ?? null;
}
