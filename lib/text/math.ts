import { texTextToPlain } from './tex-text';

export interface TextSegment {
  kind: 'text';
  text: string;
}

export interface MathSegment {
  kind: 'math';
  tex: string;
  display: boolean;
  /** The source as written, delimiters included: what a reader sees if rendering fails. */
  raw: string;
}

export type Segment = TextSegment | MathSegment;

/** Where one math span sits in the source text (end is exclusive, delimiters included). */
export interface MathSpan {
  start: number;
  end: number;
  tex: string;
  display: boolean;
}

// Most titles and abstracts have no math at all; they never run the scanner.
const MATH_HINT = /\$|\\[([]/;
const DIGIT = /[0-9]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

/**
 * Where a search for each closing delimiter found none, from there to the end: a later opener
 * looks no further (text with many openers and no closer is read once, not once per opener).
 */
type Misses = Map<string, number>;

/** The next `delimiter` at or after `from`, skipping backslash escapes; -1 when there is none. */
function findCloser(text: string, from: number, delimiter: string, misses: Misses): number {
  if (from >= (misses.get(delimiter) ?? Infinity)) return -1;
  for (let i = from; i < text.length; i++) {
    if (text.startsWith(delimiter, i)) return i;
    if (text[i] === '\\') i++;
  }
  misses.set(delimiter, from);
  return -1;
}

function delimited(text: string, start: number, opener: string, closer: string, display: boolean, misses: Misses): MathSpan | null {
  const closeAt = findCloser(text, start + opener.length, closer, misses);
  if (closeAt < 0) return null;
  const tex = text.slice(start + opener.length, closeAt);
  if (tex.trim() === '') return null;
  return { start, end: closeAt + closer.length, tex, display };
}

/**
 * `$…$` is math only when it looks like math rather than money (pandoc's rule): the opening `$`
 * has a non-space on its right, the closing `$` a non-space on its left and no digit after it.
 * A span that opens on a digit must not run into a word either ("$5 and 10$ms").
 */
function inlineDollar(text: string, start: number, misses: Misses): MathSpan | null {
  const first = text[start + 1];
  if (first === undefined || SPACE.test(first)) return null;
  const closeAt = findCloser(text, start + 1, '$', misses);
  if (closeAt < 0) return null;
  const before = text[closeAt - 1] ?? ' ';
  const after = text[closeAt + 1] ?? '';
  if (SPACE.test(before) || DIGIT.test(after) || after === '$') return null;
  if (DIGIT.test(first) && LETTER_OR_DIGIT.test(after)) return null;
  return { start, end: closeAt + 1, tex: text.slice(start + 1, closeAt), display: false };
}

function spanAt(text: string, i: number, misses: Misses): MathSpan | null {
  const c = text[i];
  const next = text[i + 1];
  if (c === '$') return next === '$' ? delimited(text, i, '$$', '$$', true, misses) : inlineDollar(text, i, misses);
  if (c === '\\' && next === '(') return delimited(text, i, '\\(', '\\)', false, misses);
  if (c === '\\' && next === '[') return delimited(text, i, '\\[', '\\]', true, misses);
  return null;
}

/** Every math span in `text`, in order; escaped dollars and unbalanced delimiters are not math. */
export function findMathSpans(text: string): MathSpan[] {
  const spans: MathSpan[] = [];
  if (!MATH_HINT.test(text)) return spans;
  // Only `$` and `\` can open math or escape an opener; jump from one to the next.
  const marks = /[$\\]/g;
  const misses: Misses = new Map();
  for (let mark = marks.exec(text); mark; mark = marks.exec(text)) {
    const i = mark.index;
    const found = spanAt(text, i, misses);
    if (found) {
      spans.push(found);
      marks.lastIndex = found.end;
    } else if (text[i] === '\\' || (text[i] === '$' && text[i + 1] === '$')) {
      // Skip what a backslash escapes; an unclosed `$$` is text as a whole, and its second `$`
      // must not open inline math.
      marks.lastIndex = i + 2;
    }
  }
  return spans;
}

/** Whether `text` holds math worth loading the renderer for. */
export function hasMath(text: string): boolean {
  return findMathSpans(text).length > 0;
}

/**
 * Cuts `text` into plain text and math. Text segments are ready to show: simple TeX escapes
 * and font commands outside math (`\%`, `\$`, `\textbf{…}`, `R\'{e}nyi`) become plain text.
 */
export function splitMath(text: string): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  const pushText = (end: number) => {
    if (end > at) segments.push({ kind: 'text', text: texTextToPlain(text.slice(at, end)) });
  };
  for (const found of findMathSpans(text)) {
    pushText(found.start);
    segments.push({ kind: 'math', tex: found.tex, display: found.display, raw: text.slice(found.start, found.end) });
    at = found.end;
  }
  pushText(text.length);
  return segments;
}
