// Bidirectional overrides and invisible characters could reorder or hide what a card says.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
// What a model adds around its answer even when asked for plain text.
const LABEL = /^(?:headline|title|tl;?dr|summary)\s*:\s*/i;
const LINE_MARKER = /^\s*(?:#{1,6}\s+|[-*•]\s+|>\s*|\d+[.)]\s+)/;
// Emphasis only where markdown would see it: `snake__case` and `a*b*c` are left alone.
const EMPHASIS = /(?<![\p{L}\p{N}_*`])(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1(?![\p{L}\p{N}_*`])/gu;
const WORD = /[\p{L}\p{N}]/u;
const QUOTES: readonly (readonly [string, string])[] = [
  ['"', '"'],
  ['“', '”'],
  ["'", "'"],
  ['‘', '’'],
];

function unquote(text: string): string {
  for (const [open, close] of QUOTES) {
    if (text.length > 2 && text.startsWith(open) && text.endsWith(close) && !text.slice(1, -1).includes(close)) {
      return text.slice(1, -1).trim();
    }
  }
  return text;
}

/** Cuts at the last word boundary that fits, with an ellipsis. */
function shorten(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(' ');
  const head = space > maxLength / 2 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * A model's answer as one plain line a card can show: markdown markers, labels, wrapping
 * quotes and invisible characters removed, whitespace collapsed, at most `maxLength`
 * characters. With `firstLineOnly`, anything after the first line is dropped (a headline is
 * one line). Null when no word is left. Markup is not removed: the card shows it as text.
 */
export function cleanMachineText(text: string, maxLength: number, firstLineOnly = false): string | null {
  const lines = text
    .replace(INVISIBLE, '')
    .split(/\r?\n/)
    .map((line) => line.replace(LINE_MARKER, '').trim())
    .filter((line) => line !== '');
  const joined = (firstLineOnly ? lines.slice(0, 1) : lines).join(' ');
  const cleaned = unquote(joined.replace(EMPHASIS, '$2').replace(/\s+/g, ' ').trim().replace(LABEL, ''));
  return WORD.test(cleaned) ? shorten(cleaned, maxLength) : null;
}
