// Authors write TeX outside math too; these are the common pieces whose meaning is plain text.
const ESCAPED_SYMBOL = /\\([$%&#_{}])/g;
const FONT_COMMAND = /\\(?:textbf|textit|textsl|textsc|textrm|textsf|texttt|textup|textmd|emph|underline)\{([^{}\\]*)\}/g;
const ACCENT = /\\(['`^"~=.])(?:\{(\p{L})\}|(\p{L}))/gu;
// `{\'e}` leaves `{é}` behind; braces after a command name are its argument and stay.
const BRACED_LETTER = /(?<![\p{L}\\])\{(\p{L}\p{M}*)\}/gu;
const COMBINING: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
};

/** Text outside math as a reader should see it: `\%` → `%`, `\textit{x}` → `x`, `R\'{e}nyi` → `Rényi`. */
export function texTextToPlain(text: string): string {
  if (!text.includes('\\')) return text;
  return text
    .replace(FONT_COMMAND, '$1')
    .replace(ACCENT, (_match, accent: string, braced?: string, bare?: string) =>
      `${braced ?? bare ?? ''}${COMBINING[accent] ?? ''}`.normalize('NFC'),
    )
    .replace(BRACED_LETTER, '$1')
    .replace(ESCAPED_SYMBOL, '$1');
}
