import { scanForKeyResult } from '../../lib/text/key-result';
import { hostileTexts } from '../helpers/hostile-texts';
import type { BenchSizes } from './sizes';
import { round, type BenchResult } from './stats';

// Ten times the text should take about ten times as long; a scan that reads text again for
// each character takes a hundred times as long. The fastest of a few runs is taken (a garbage
// collection in one run says nothing about the scan), and none counts as under 0.2 ms (timer
// noise on 10 KB would make any ratio).
const SMALL = 10_000;
const LARGE = 100_000;
const BUDGET_RATIO = 30;
const FLOOR_MS = 0.2;

function timeOf(text: string, runs: number): number {
  let fastest = Infinity;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    scanForKeyResult(text);
    fastest = Math.min(fastest, performance.now() - start);
  }
  return Math.max(fastest, FLOOR_MS);
}

/**
 * The key result on hostile text (see test/helpers/hostile-texts.ts): for each shape, 100 KB
 * against 10 KB of it. The budget is on the worst ratio, which says whether any scan is more
 * than linear; the slowest 100 KB is reported.
 */
export function keyResultBench(sizes: BenchSizes): BenchResult[] {
  const runs = sizes.smoke ? 1 : 7;
  const small = hostileTexts(SMALL);
  const large = hostileTexts(LARGE);
  for (const text of Object.values(small)) scanForKeyResult(text); // warm-up
  let worst = { shape: '', ratio: 0 };
  let slowest = { shape: '', ms: 0 };
  for (const shape of Object.keys(large)) {
    const smallMs = timeOf(small[shape] ?? '', runs);
    const largeMs = timeOf(large[shape] ?? '', runs);
    if (largeMs / smallMs > worst.ratio) worst = { shape, ratio: largeMs / smallMs };
    if (largeMs > slowest.ms) slowest = { shape, ms: largeMs };
  }
  return [
    {
      name: 'key result: 100 KB of hostile text against 10 KB of it, worst shape',
      median: round(worst.ratio, 1),
      p95: null,
      unit: '×',
      budget: `≤ ${BUDGET_RATIO} × (linear 10 ×, quadratic 100 ×)`,
      pass: worst.ratio <= BUDGET_RATIO,
      runs,
      note: `fastest of ${runs} runs of each size; ${Object.keys(large).length} shapes (runs of digits, terminal marks, math openers, brackets, frames…); the worst was "${worst.shape}"`,
    },
    {
      name: 'key result: 100 KB of hostile text, slowest shape',
      median: round(slowest.ms, 1),
      p95: null,
      unit: 'ms',
      budget: 'report',
      pass: null,
      runs,
      note: `"${slowest.shape}"`,
    },
  ];
}
