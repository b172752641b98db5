// Most of arXiv's text is ASCII: it takes the fast path and skips Unicode normalization.
const NON_ASCII = /[^\u0000-\u007f]/;
const MARKS = /\p{M}+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const nonAsciiWordCodes = new Map<number, boolean>();

/** Letters that keep their shape under NFD, written as people type them on an ASCII keyboard. */
const ASCII_SPELLING: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const NO_DECOMPOSITION = /[ßæœøłđðþı]/g;

/**
 * Lower case without accents, so 'Schrödinger' and 'schrodinger' find each other, and
 * 'Weißl', 'Łukasz' and 'Søren' are found as 'weissl', 'lukasz' and 'soren'.
 */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(NO_DECOMPOSITION, (letter) => ASCII_SPELLING[letter]!);
}

/**
 * Whether a UTF-16 code unit of folded text belongs to a word: letters and digits. Both halves
 * of a surrogate pair count (math alphanumerics such as 𝑥 are letters).
 */
export function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
  if (code >= 0xd800 && code <= 0xdfff) return true;
  let known = nonAsciiWordCodes.get(code);
  if (known === undefined) {
    known = LETTER_OR_DIGIT.test(String.fromCharCode(code));
    nonAsciiWordCodes.set(code, known);
  }
  return known;
}

/**
 * The words of a text as search sees them: folded, split at anything that is not a letter or
 * a digit. TeX commands give their names ('\alpha' → 'alpha'), hyphenated words their parts.
 */
export function searchWords(text: string): string[] {
  const folded = foldCase(text);
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    const inWord = i < folded.length && isWordCode(folded.charCodeAt(i));
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      words.push(folded.slice(start, i));
      start = -1;
    }
  }
  return words;
}
