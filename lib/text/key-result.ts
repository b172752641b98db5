import { clausesOf, SENTENCE_START, withFullStop } from './clauses';
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
import { countBounds, COUNTED_NUMBER, hasEnumeration, QUANTITY } from './quantities';
import { splitSentences } from './sentences';

const MAX_LENGTH = 300;
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

/** The best self-contained clause of an over-long sentence, or null when none will do. */
function bestClause(sentence: string, index: number, count: number): string | null {
  let best: string | null = null;
  let bestMerit = MIN_MERIT;
  for (const clause of clausesOf(sentence)) {
    const clauseMerit = merit(clause, index, count);
    if (clauseMerit >= bestMerit) {
      best = clause;
      bestMerit = clauseMerit;
    }
  }
  return best;
}

/**
 * The one sentence of an abstract that states its main finding, preferring concrete results
 * ("up to 32% faster", "9.65x speedup"); null when no sentence reads as a finding. The answer
 * is a whole sentence of the abstract, or a whole clause of one when the sentence is too long.
 */
export function extractKeyResult(abstract: string): string | null {
  const sentences = splitSentences(abstract);
  const candidates: Array<{ sentence: string; index: number; rank: number }> = [];
  sentences.forEach((sentence, index) => {
    const sentenceMerit = merit(sentence, index, sentences.length);
    if (sentenceMerit >= MIN_MERIT) candidates.push({ sentence, index, rank: sentenceMerit - brevity(sentence) });
  });
  candidates.sort((a, b) => b.rank - a.rank || b.index - a.index);
  for (const { sentence, index } of candidates) {
    // A sentence that starts in lower case is an abstract's own fragment ("and thus …").
    if (!SENTENCE_START.test(sentence)) continue;
    if (sentence.length <= MAX_LENGTH) return withFullStop(sentence);
    const clause = bestClause(sentence, index, sentences.length);
    if (clause) return clause;
  }
  return null;
}
