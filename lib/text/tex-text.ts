// Authors write TeX outside math too; these are the common pieces whose meaning is plain text.
const ESCAPED_SYMBOL = /\\([$%&#_{}])/g;
const FONT_COMMAND = /\\(?:textbf|textit|textsl|textsc|textrm|textsf|texttt|textup|textmd|emph|underline)\{([^{}\\]*)\}/g;
const ACCENT = /\\(['`^"~=.])(?:\{(\p{L})\}|(\p{L}))/gu;
// Accents named by a letter (`Erd\H{o}s`, `\v{C}ech`) take their letter in braces.
const LETTER_ACCENT = /\\([Hcvuk])\{(\p{L})\}/gu;
// `{\'e}` leaves `{é}` behind; braces after a command name are its argument and stay.
const BRACED_LETTER = /(?<![\p{L}\\])\{(\p{L}\p{M}*)\}/gu;
/**
 * Symbols written as commands in text (`275 {\deg}C`, `Stra\ss e`, `1, \ldots, n`): braced, with
 * empty braces, or bare. `\deg` is math's "deg" to TeX, but written outside math it is meant as
 * the degree sign.
 */
const SYMBOLS: Record<string, string> = {
  deg: '°',
  textdegree: '°',
  ldots: '…',
  dots: '…',
  textellipsis: '…',
  textendash: '–',
  textemdash: '—',
  textpm: '±',
  texttimes: '×',
  textmu: 'µ',
  textasciitilde: '~',
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  aa: 'å',
  AA: 'Å',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  l: 'ł',
  L: 'Ł',
};
const SYMBOL_NAMES = Object.keys(SYMBOLS).sort((a, b) => b.length - a.length).join('|');
const SYMBOL = new RegExp(`\\{\\\\(${SYMBOL_NAMES})\\}|\\\\(${SYMBOL_NAMES})(?:\\{\\}|(?![A-Za-z])( ?))`, 'g');
/** Letters written as commands: a bare one takes the space after it, as TeX does (`Stra\ss e`); a symbol keeps it (`1, \ldots, n`, `a \ldots and b`). */
const isLetter = (symbol: string) => /\p{L}/u.test(symbol);
const COMBINING: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  H: '\u030B',
  c: '\u0327',
  v: '\u030C',
  u: '\u0306',
  k: '\u0328',
};

/** Text outside math as a reader should see it: `\%` → `%`, `\textit{x}` → `x`, `R\'{e}nyi` → `Rényi`, `{\deg}C` → `°C`. */
export function texTextToPlain(text: string): string {
  if (!text.includes('\\')) return text;
  return text
    .replace(FONT_COMMAND, '$1')
    .replace(ACCENT, (_match, accent: string, braced?: string, bare?: string) =>
      `${braced ?? bare ?? ''}${COMBINING[accent] ?? ''}`.normalize('NFC'),
    )
    .replace(LETTER_ACCENT, (_match, accent: string, letter: string) => `${letter}${COMBINING[accent] ?? ''}`.normalize('NFC'))
    .replace(SYMBOL, (_match, braced?: string, bare?: string, space = '') => {
      const symbol = SYMBOLS[braced ?? bare ?? ''] ?? '';
      return isLetter(symbol) ? symbol : symbol + space;
    })
    .replace(BRACED_LETTER, '$1')
    .replace(ESCAPED_SYMBOL, '$1');
}
