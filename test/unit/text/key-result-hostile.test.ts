import { describe, expect, it } from 'vitest';
import { extractKeyResult } from '../../../lib/text/key-result';
import { splitSentences } from '../../../lib/text/sentences';
import { hostileTexts } from '../../helpers/hostile-texts';

// 100 KB of each hostile shape. A scan that backtracks quadratically takes minutes on these and
// fails by the test's timeout; no time is measured here (the benchmark does: npm run bench).
const SIZE = 100_000;
const HOSTILE = hostileTexts(SIZE);
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

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
