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
 * The places where math can open or close, read once from left to right: `\(`, `\)`, `\[`,
 * `\]` and every `$` that no backslash escapes (a backslash escapes the character after it).
 */
interface Mark {
  at: number;
  kind: '(' | ')' | '[' | ']' | '$';
}

function marksOf(text: string): Mark[] {
  const marks: Mark[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 36 /* $ */) marks.push({ at: i, kind: '$' });
    else if (c === 92 /* \ */) {
      const next = text[i + 1];
      if (next === '(' || next === ')' || next === '[' || next === ']') marks.push({ at: i, kind: next });
      i++;
    }
  }
  return marks;
}

/**
 * For every mark, the index of the next mark of each closing kind after it (marks.length when
 * there is none): built from right to left, so finding a closer is one lookup, not a scan. Text
 * with thousands of unclosed openers is read in linear time.
 */
function nextMarks(marks: Mark[]) {
  const n = marks.length;
  const next = { ')': new Int32Array(n + 1), ']': new Int32Array(n + 1), $: new Int32Array(n + 1), $$: new Int32Array(n + 1) };
  for (const kind of [')', ']', '$', '$$'] as const) next[kind][n] = n;
  for (let k = n - 1; k >= 0; k--) {
    for (const kind of [')', ']', '$', '$$'] as const) next[kind][k] = next[kind][k + 1]!;
    const mark = marks[k]!;
    if (mark.kind === ')' || mark.kind === ']') next[mark.kind][k] = k;
    if (mark.kind === '$') {
      next.$[k] = k;
      const following = marks[k + 1];
      if (following?.kind === '$' && following.at === mark.at + 1) next.$$[k] = k;
    }
  }
  return next;
}

/**
 * `$…$` is math only when it looks like math rather than money (pandoc's rule): the opening `$`
 * has a non-space on its right, the closing `$` a non-space on its left and no digit after it.
 * A span that opens on a digit must not run into a word either ("$5 and 10$ms").
 */
function inlineDollar(text: string, start: number, closeAt: number): MathSpan | null {
  const first = text[start + 1];
  if (first === undefined || SPACE.test(first) || closeAt < 0) return null;
  const before = text[closeAt - 1] ?? ' ';
  const after = text[closeAt + 1] ?? '';
  if (SPACE.test(before) || DIGIT.test(after) || after === '$') return null;
  if (DIGIT.test(first) && LETTER_OR_DIGIT.test(after)) return null;
  return { start, end: closeAt + 1, tex: text.slice(start + 1, closeAt), display: false };
}

function delimited(text: string, start: number, openerLength: number, closeAt: number, closerLength: number, display: boolean): MathSpan | null {
  if (closeAt < 0) return null;
  const tex = text.slice(start + openerLength, closeAt);
  if (tex.trim() === '') return null;
  return { start, end: closeAt + closerLength, tex, display };
}

/** Every math span in `text`, in order; escaped dollars and unbalanced delimiters are not math. Linear in the text's length. */
export function findMathSpans(text: string): MathSpan[] {
  const spans: MathSpan[] = [];
  if (!MATH_HINT.test(text)) return spans;
  const marks = marksOf(text);
  const next = nextMarks(marks);
  const at = (k: number) => (k < marks.length ? marks[k]!.at : -1);
  for (let k = 0; k < marks.length; k++) {
    const mark = marks[k]!;
    let found: MathSpan | null = null;
    let skipTo = k;
    if (mark.kind === '(') found = delimited(text, mark.at, 2, at(next[')'][k + 1]!), 2, false);
    else if (mark.kind === '[') found = delimited(text, mark.at, 2, at(next[']'][k + 1]!), 2, true);
    else if (mark.kind === '$' && next.$$[k] === k) {
      found = delimited(text, mark.at, 2, at(next.$$[k + 2]!), 2, true);
      // An unclosed `$$` is text as a whole: its second `$` must not open inline math.
      skipTo = k + 1;
    } else if (mark.kind === '$') found = inlineDollar(text, mark.at, at(next.$[k + 1]!));
    if (found) {
      spans.push(found);
      while (k + 1 < marks.length && marks[k + 1]!.at < found.end) k++;
    } else k = skipTo;
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
