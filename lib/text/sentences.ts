import { findMathSpans } from './math';

// Words that end in a period without ending the sentence. Lower-cased, period included.
const ABBREVIATIONS = new Set([
  'e.g.', 'i.e.', 'cf.', 'vs.', 'al.', 'approx.', 'resp.', 'fig.', 'figs.', 'eq.', 'eqs.', 'sec.', 'secs.',
  'ref.', 'refs.', 'no.', 'nos.', 'vol.', 'pp.', 'ch.', 'chap.', 'app.', 'thm.', 'def.', 'prop.', 'lem.',
  'dr.', 'prof.', 'mr.', 'mrs.', 'st.', 'inc.', 'ltd.', 'co.', 'jr.', 'sr.', 'viz.', 'ca.', 'esp.', 'incl.',
]);

const TERMINAL = new Set(['.', '!', '?']);
const TERMINALS = /[.!?]/g;
const CLOSING = new Set(['"', "'", ')', ']', '\u201d', '\u2019']);
// What may start the next sentence: a capital, a digit, math, a TeX command, or an opening mark.
const SENTENCE_START = /[\p{Lu}\p{N}$\\"'(\[\u201c\u2018]/u;

const WORD_OPENERS = new Set(['(', '[', '{', '"', "'", '\u201c']);
/** No abbreviation is longer: looking further back for one would make the split quadratic. */
const LONGEST_ABBREVIATION = 12;

/** The word ending at `end` (inclusive of its final period), lower-cased; at most a short word's length is looked at. */
function wordBefore(text: string, end: number): string {
  let start = end;
  const limit = Math.max(0, end - LONGEST_ABBREVIATION);
  while (start > limit && !WORD_OPENERS.has(text[start - 1] ?? ' ') && !/\s/.test(text[start - 1] ?? ' ')) start--;
  return text.slice(start, end + 1).toLowerCase();
}

const INITIAL = /^\p{Lu}\.$/u;

function isAbbreviation(text: string, dot: number): boolean {
  const word = wordBefore(text, dot);
  if (ABBREVIATIONS.has(word)) return true;
  // Dotted letters throughout: `i.i.d.`, `U.S.`.
  if (/^(?:\p{L}\.){2,4}$/u.test(word)) return true;
  // An initial, when next to another one ("A. J. Han Vinck"); a lone "size N." ends a sentence.
  if (!INITIAL.test(text.slice(dot - 1, dot + 1)) || /\p{L}/u.test(text[dot - 2] ?? '')) return false;
  const previous = text.slice(Math.max(0, dot - 4), dot - 1).trimEnd();
  return INITIAL.test(previous.slice(-2)) || /^\s+\p{Lu}\./u.test(text.slice(dot + 1, dot + 5));
}

/** Where the sentence that has a terminal mark at `at` ends (exclusive), or -1 if it does not end there. */
function boundaryAfter(text: string, at: number): number {
  // Runs of marks and spaces are looked at only so far: prose has short ones, and following a
  // run of thousands from each of its marks would make the split quadratic.
  let end = at + 1;
  while (end < text.length && end - at < 16 && (TERMINAL.has(text[end] ?? '') || CLOSING.has(text[end] ?? ''))) end++;
  if (end >= text.length) return text.length;
  if (!/\s/.test(text[end] ?? '')) return -1;
  let next = end;
  while (next < text.length && next - end < 16 && /\s/.test(text[next] ?? '')) next++;
  if (!SENTENCE_START.test(text[next] ?? '')) return -1;
  if (text[at] === '.' && isAbbreviation(text, at)) return -1;
  return end;
}

/**
 * Splits prose into sentences without breaking on abbreviations ("e.g.", "et al.", "Fig. 3"),
 * decimals ("9.65x") or anything inside math (`$p < .05$`).
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const spans = findMathSpans(text);
  let spanIndex = 0;
  let start = 0;
  for (const match of text.matchAll(TERMINALS)) {
    const at = match.index;
    if (at < start) continue;
    while ((spans[spanIndex]?.end ?? Infinity) <= at) spanIndex++;
    if ((spans[spanIndex]?.start ?? Infinity) <= at) continue;
    const end = boundaryAfter(text, at);
    if (end < 0) continue;
    sentences.push(text.slice(start, end).trim());
    start = end;
  }
  sentences.push(text.slice(start).trim());
  return sentences.filter((sentence) => sentence !== '');
}
