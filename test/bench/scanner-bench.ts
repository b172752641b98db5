import { firstFigureUrl } from '../../lib/background/figure';
import { splitMath } from '../../lib/text/math';
import { splitSentences } from '../../lib/text/sentences';
import type { BenchSizes } from './sizes';
import { median, round, type BenchResult } from './stats';

const BUDGET_MS = 50;

/**
 * The hostile inputs that once stalled a scanner (seconds each), at the sizes that did: each
 * must finish within the budget. Growth with size is checked by the unit tests
 * (test/unit/reliability/linear-scanners.test.ts); this is the absolute time, in Node.
 */
const CASES: { name: string; input: () => string; scan: (text: string) => unknown }[] = [
  { name: 'math: 40,000 unclosed \\(', input: () => '\\('.repeat(40_000), scan: splitMath },
  { name: 'sentences: 20,000 characters of "A.\\nB.\\n"', input: () => 'A.\nB.\n'.repeat(20_000 / 6), scan: splitSentences },
  {
    name: 'figure lookup: 700 KB of unclosed figures',
    input: () => '<figure class="ltx_figure"><img class="ltx_graphics" src="x.png"'.repeat(700_000 / 64),
    scan: (html) => firstFigureUrl(html, 'https://arxiv.org/html/2601.00001v1/'),
  },
];

export function scannerBench(sizes: BenchSizes): BenchResult[] {
  const runs = sizes.smoke ? 1 : 9;
  return CASES.map(({ name, input, scan }) => {
    const text = input();
    scan(text); // compiled before it is timed
    const samples = Array.from({ length: runs }, () => {
      const start = performance.now();
      scan(text);
      return performance.now() - start;
    });
    return { name, median: round(median(samples), 1), p95: null, unit: 'ms', budget: `< ${BUDGET_MS} ms`, pass: median(samples) < BUDGET_MS, runs };
  });
}
