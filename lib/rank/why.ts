import type { LinearModel } from './svm';
import type { SparseVector } from './vocabulary';

export interface LikedPaper {
  id: string;
  title: string;
  vector: SparseVector;
}

/** Above this cosine a paper is plainly like a saved one: the reader recognises the saved title faster than words. */
const LIKE_SIMILARITY = 0.3;
const TITLE_CHARS = 50;

/** A term as a reader writes it: "au:vaswani a" → "A. Vaswani", "cat:cs.lg" → "cs.LG". */
export function displayTerm(term: string): string {
  if (term.startsWith('au:')) {
    const [last, initial] = term.slice(3).split(' ');
    const name = (last ?? '').replace(/^./, (c) => c.toUpperCase());
    return initial ? `${initial.toUpperCase()}. ${name}` : name;
  }
  if (term.startsWith('cat:')) return term.slice(4).replace(/\.([a-z]+)$/, (_, sub: string) => `.${sub.toUpperCase()}`);
  return term;
}

/**
 * A term as the paper writes it: its first occurrence in the text, with the case and the ending
 * the authors used ("cps" → "CPS", "test suite" → "test suites"); as the term itself when it is
 * not there as such (a stem, an author).
 */
export function asWritten(term: string, text: string): string {
  if (term.includes(':')) return displayTerm(term);
  const lower = text.toLowerCase();
  // The first occurrence that starts a word: "AI" in "trained an AI model", not the "ai" of "trained".
  for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
    if (at > 0 && /[\p{L}\p{N}]/u.test(text[at - 1]!)) continue;
    let end = at + term.length;
    while (end < text.length && end - at < term.length + 3 && /\p{L}/u.test(text[end]!)) end++;
    return text.slice(at, end);
  }
  return term;
}

function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.idx.length && j < b.idx.length) {
    if (a.idx[i] === b.idx[j]) sum += a.val[i++]! * b.val[j++]!;
    else if (a.idx[i]! < b.idx[j]!) i++;
    else j++;
  }
  return sum;
}

/**
 * Two chosen words the paper writes side by side, as the one phrase a reader sees ("artificial
 * intelligence", not "artificial, intelligence"); the others as they are.
 */
function phrases(chosen: readonly string[], text: string): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  for (const term of chosen) {
    const at = isWord(term) ? out.findIndex((before) => isWord(before) && phraseOf(lower, before, term) !== undefined) : -1;
    if (at < 0) out.push(term);
    else out[at] = phraseOf(lower, out[at]!, term)!;
  }
  return out;
}

const isWord = (term: string) => /^[\p{L}\p{N}-]+$/u.test(term);
const isLetterOrDigit = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** The two words as the text writes them side by side, in its order; undefined when it does not. */
const phraseOf = (lower: string, a: string, b: string) => [`${a} ${b}`, `${b} ${a}`].find((phrase) => writes(lower, phrase));

/**
 * Whether the text has the phrase as whole words, the last one perhaps in its plural (terms are
 * singular: lib/rank/terms.ts): "test suite" in "test suites", not "ai model" in "thai model" nor
 * "model ai" in "model aims". Linear: a few scans of the text.
 */
function writes(lower: string, phrase: string): boolean {
  for (let at = lower.indexOf(phrase); at >= 0; at = lower.indexOf(phrase, at + 1)) {
    const end = at + phrase.length;
    const after = lower[end] === 's' ? end + 1 : end;
    if (!isLetterOrDigit(lower[at - 1]) && !isLetterOrDigit(lower[after])) return true;
  }
  return false;
}

/** The words of a term; an author or a category is one ("au:vaswani a"). */
const wordsOf = (term: string) => (term.includes(':') ? [term] : term.split(' '));

/**
 * A word of three letters or fewer that the paper writes, as a whole word, only in lower case
 * beside a hyphen: a piece of a hyphenated word ("art" of "state-of-the-art", "pre" of
 * "pre-trained"), meaningless alone. An acronym ("AI", "GAN") or a word standing alone ("bugs")
 * stays. Linear: one scan of the text per occurrence found.
 */
function isFragment(term: string, text: string): boolean {
  if (term.length > 3 || !isWord(term)) return false;
  const lower = text.toLowerCase();
  let piece = false;
  for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
    const end = at + term.length;
    const after = lower[end] === 's' && !isLetterOrDigit(lower[end + 1]) ? end + 1 : end;
    if (isLetterOrDigit(lower[at - 1]) || isLetterOrDigit(lower[after])) continue; // inside another word
    if (text.slice(at, end) !== term || (lower[at - 1] !== '-' && lower[after] !== '-')) return false;
    piece = true;
  }
  return piece;
}

/**
 * Why a paper ranks where it does, in one short line: "Like “<saved title>”" when it is close
 * to one saved paper, else the two or three terms that weighed most for it.
 */
export function whyLine(id: string, vector: SparseVector, model: LinearModel, terms: readonly string[], liked: readonly LikedPaper[], text = ''): string {
  let closest: LikedPaper | undefined;
  let best = LIKE_SIMILARITY;
  for (const paper of liked) {
    if (paper.id === id) continue;
    const similarity = cosine(vector, paper.vector);
    if (similarity > best) [best, closest] = [similarity, paper];
  }
  if (closest) {
    const title = closest.title.length > TITLE_CHARS ? `${closest.title.slice(0, TITLE_CHARS - 1).trimEnd()}…` : closest.title;
    return `Like “${title}”, which you saved`;
  }
  const weighed: [string, number][] = [];
  for (let k = 0; k < vector.idx.length; k++) {
    const contribution = model.weights[vector.idx[k]!]! * vector.val[k]!;
    if (contribution > 0) weighed.push([terms[vector.idx[k]!]!, contribution]);
  }
  weighed.sort((a, b) => b[1] - a[1]);
  const chosen: string[] = [];
  for (const [term] of weighed) {
    // A term sharing a word with a chosen one adds nothing ("graph neural", "graph"), or reads as
    // a cut phrase ("deep learning", "testing deep").
    if (chosen.some((c) => wordsOf(c).some((word) => wordsOf(term).includes(word)))) continue;
    if (isFragment(term, text)) continue;
    chosen.push(term);
    if (chosen.length === 3) break;
  }
  const shown = [...new Map(phrases(chosen, text).map((term) => asWritten(term, text)).map((written) => [written.toLowerCase(), written])).values()];
  return shown.length === 0 ? 'Close to papers you saved' : `Close to your saves: ${shown.join(', ')}`;
}

