import { describe, expect, it } from 'vitest';
import { extractKeyResult } from '../../../lib/text/key-result';
import { splitSentences } from '../../../lib/text/sentences';

// 100 KB texts built to make a scanner read them again and again: long runs of the characters
// that regular expressions and loops stop at. A scan that backtracks quadratically takes
// minutes on these and fails by the test's timeout; no time is measured here (see the benchmark).
const SIZE = 100_000;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

const HOSTILE: Record<string, string> = {
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

describe('extractKeyResult on hostile text', () => {
  for (const [name, text] of Object.entries(HOSTILE)) {
    it(`answers on 100 KB of ${name}, within the contract`, () => {
      const claim = extractKeyResult(text);
      if (claim !== null) {
        expect(claim.length).toBeLessThanOrEqual(160);
        expect(claim).toMatch(/^[\p{Lu}\p{N}$\\(]/u);
      }
    });
  }

  it('still finds the result in a long sentence of results', () => {
    expect(extractKeyResult(HOSTILE['one sentence of results'] ?? '')).toMatch(/^The system improves throughput by 32% over the baseline on GPUs\b/);
  });

  it('splits a run of terminal marks once', () => {
    expect(splitSentences(`${fill('!')}x`)).toHaveLength(1);
  });
});
