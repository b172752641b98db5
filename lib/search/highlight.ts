import { foldCase } from './words';

export interface TextPart {
  text: string;
  /** A word that starts with one of the query's words. */
  hit: boolean;
}

// A word as search reads one (see isWordCode): letters and digits with their accents, and any
// character beyond the Basic Multilingual Plane (math letters such as 𝑥, emoji).
const WORD = /[\p{L}\p{N}\u{10000}-\u{10FFFF}][\p{L}\p{N}\p{M}\u{10000}-\u{10FFFF}]*/gu;

const isHit = (word: string, prefixes: readonly string[]) => {
  const folded = foldCase(word);
  return prefixes.some((prefix) => folded.startsWith(prefix));
};

/**
 * `text` cut into the words search matched and the rest, for showing why a paper was found.
 * `prefixes` are the query's words as `queryPrefixes` gives them (folded): a word is a hit
 * when its folded form starts with one of them, as in the search itself, so 'transf' marks
 * 'Transformers' and 'weissl' marks 'Weißl'. The parts joined are `text` again.
 */
export function highlightParts(text: string, prefixes: readonly string[]): TextPart[] {
  if (prefixes.length === 0) return [{ text, hit: false }];
  const parts: TextPart[] = [];
  let plainFrom = 0;
  for (const match of text.matchAll(WORD)) {
    if (!isHit(match[0], prefixes)) continue;
    if (match.index > plainFrom) parts.push({ text: text.slice(plainFrom, match.index), hit: false });
    parts.push({ text: match[0], hit: true });
    plainFrom = match.index + match[0].length;
  }
  if (plainFrom < text.length || parts.length === 0) parts.push({ text: text.slice(plainFrom), hit: false });
  return parts;
}

/** Where the first word search matched starts in `text` (as `highlightParts` marks it); -1 for none. */
export function firstHit(text: string, prefixes: readonly string[]): number {
  if (prefixes.length === 0) return -1;
  for (const match of text.matchAll(WORD)) {
    if (isHit(match[0], prefixes)) return match.index;
  }
  return -1;
}
