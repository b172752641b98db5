/**
 * Text from arXiv made safe as the value of a braced BibTeX field.
 *
 * arXiv titles and names are TeX already ('Schr\"odinger', '{\em ab initio}', '$\alpha$-decay'),
 * so TeX is kept: `$…$` and `$$…$$` math, backslash commands and balanced braces stay as they
 * are. What would break LaTeX or the entry is escaped: `% & # _` and a bare `^` outside math,
 * `% & #` inside it (a `%` would comment out the rest of the line in the .bbl), a `$` that opens
 * no math, a trailing backslash; and every brace without a partner (which would end the field
 * early or swallow the rest of the file) becomes a printed brace. Newlines and control characters
 * become spaces, so no value can start a line of its own.
 */
export function texField(raw: string): string {
  return splitMath(oneLine(raw))
    .map(({ text, math }) =>
      math ? balance(escape(text, MATH_SPECIALS), MATH_BRACES) : balance(escape(text, TEXT_SPECIALS), TEXT_BRACES),
    )
    .join('');
}

/** Collapses all whitespace, line and paragraph separators and control characters to single spaces. */
export function oneLine(raw: string): string {
  return raw
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Part {
  text: string;
  math: boolean;
}

/** Index of the next unescaped `delimiter` at or after `from`, or -1. */
function findDelimiter(text: string, delimiter: string, from: number): number {
  for (let i = from; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text.startsWith(delimiter, i)) return i;
  }
  return -1;
}

function splitMath(text: string): Part[] {
  const parts: Part[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '\\') {
      plain += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch === '$') {
      const delimiter = text.startsWith('$$', i) ? '$$' : '$';
      const close = findDelimiter(text, delimiter, i + delimiter.length);
      if (close > i + delimiter.length) {
        if (plain) parts.push({ text: plain, math: false });
        plain = '';
        parts.push({ text: text.slice(i, close + delimiter.length), math: true });
        i = close + delimiter.length;
        continue;
      }
    }
    plain += ch;
    i += 1;
  }
  if (plain) parts.push({ text: plain, math: false });
  return parts;
}

const TEXT_SPECIALS: Readonly<Record<string, string>> = {
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  _: '\\_',
  $: '\\$',
  '^': '\\textasciicircum{}',
};

// In math, `_` and `^` are TeX; `%`, `&` and `#` still are not.
const MATH_SPECIALS: Readonly<Record<string, string>> = { '%': '\\%', '&': '\\&', '#': '\\#' };

function escape(text: string, specials: Readonly<Record<string, string>>): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (ch === '\\') {
      // A backslash starts a TeX command or escape: keep it with the character it escapes.
      out += i + 1 < text.length ? text.slice(i, i + 2) : '\\textbackslash{}';
      i += 1;
    } else {
      out += specials[ch] ?? ch;
    }
  }
  return out;
}

interface BraceReplacements {
  open: string;
  close: string;
}

const TEXT_BRACES: BraceReplacements = { open: '\\textbraceleft{}', close: '\\textbraceright{}' };
const MATH_BRACES: BraceReplacements = { open: '\\lbrace{}', close: '\\rbrace{}' };

/** Splits into tokens where a backslash and the character after it are one token. */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const take = text[i] === '\\' ? 2 : 1;
    out.push(text.slice(i, i + take));
    i += take - 1;
  }
  return out;
}

/**
 * Replaces every brace without a partner. `{`/`}` pair with each other and `\{`/`\}` with each
 * other; BibTeX counts both kinds alike, and properly nested pairs of either kind balance for it.
 */
function balance(text: string, replacements: BraceReplacements): string {
  const parts = tokens(text);
  const open: number[] = [];
  const unmatched = new Set<number>();
  parts.forEach((token, index) => {
    if (token === '{' || token === '\\{') open.push(index);
    else if (token === '}' || token === '\\}') {
      const top = open.at(-1);
      const partner = token === '}' ? '{' : '\\{';
      if (top !== undefined && parts[top] === partner) open.pop();
      else unmatched.add(index);
    }
  });
  for (const index of open) unmatched.add(index);
  return parts
    .map((token, index) => {
      if (!unmatched.has(index)) return token;
      return token.endsWith('{') ? replacements.open : replacements.close;
    })
    .join('');
}
