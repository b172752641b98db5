/**
 * Texts built to make a scanner read them again and again: long runs of the characters that
 * regular expressions and loops stop at. `size` characters of each shape.
 */
export function hostileTexts(size: number): Record<string, string> {
  const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return {
    'digits': fill('1'),
    'digits then a unit': `${fill('9')}x`,
    'decimal points': fill('1.'),
    'terminal marks before a letter': `${fill('!')}x`,
    'math openers without a closer': fill('\\('),
    'dollars': fill('$a '),
    'spaces before an item mark': `${fill(' ')}(i) x`,
    'commas': fill('a, '),
    'reporting frames': fill('We show that '),
    'one sentence of results': fill('The system improves throughput by 32% over the baseline on GPUs '),
    'results joined by and': fill('X improves Y by 5% and '),
    'semicolons': fill('It is 2x faster; '),
    'opening brackets': fill('('),
    'abbreviations': fill('e.g. '),
    'initials': fill('A. '),
  };
}
