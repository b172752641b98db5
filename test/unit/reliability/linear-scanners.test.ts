import { describe, expect, it } from 'vitest';
import { firstFigureUrl } from '../../../lib/background/figure';
import { contentWords, paperTerms } from '../../../lib/rank/terms';
import { paperSearchText } from '../../../lib/search/paper-text';
import { SegmentBuilder } from '../../../lib/search/segment';
import { highlightParts } from '../../../lib/search/highlight';
import { findCodeLinks } from '../../../lib/text/code-links';
import { scanForKeyResult } from '../../../lib/text/key-result';
import { findMathSpans, splitMath } from '../../../lib/text/math';
import { splitSentences } from '../../../lib/text/sentences';
import { texTextToPlain } from '../../../lib/text/tex-text';
import { attentionPaper } from '../../helpers/fixtures';

/**
 * Hostile text against every scanner of text from arXiv or a page. A scanner must take time in
 * proportion to its input: each is timed on an input and on one eight times longer, and the
 * longer may take at most 24 times as long (8 for linear work, 64 for quadratic), besides an
 * absolute limit far below what a quadratic scan of the longer input takes (seconds). The best of
 * five runs counts, and nothing under 100 ms counts as growth: the machine may be busy.
 */
const GROWTH = 8;

function time(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

function expectLinear(name: string, scan: (text: string) => unknown, hostile: (size: number) => string, size: number): void {
  scan(hostile(size / GROWTH)); // warm up: compile the scanner first
  const small = Math.min(...[0, 1, 2, 3, 4].map(() => time(() => scan(hostile(size / GROWTH)))));
  const large = Math.min(...[0, 1, 2, 3, 4].map(() => time(() => scan(hostile(size)))));
  console.log(`${name}: ${large.toFixed(1)} ms on ${size.toLocaleString('en')} characters (${small.toFixed(1)} ms on an eighth)`);
  expect(large, `${name}, ${size} characters`).toBeLessThan(500);
  expect(large, `${name} grows faster than its input`).toBeLessThan(Math.max(GROWTH * 3 * small, 100));
}

const paper = (summary: string) => ({ ...attentionPaper, summary, title: summary.slice(0, 5000) });

const inputs: [string, (size: number) => string, number][] = [
  ['40,000 unclosed \\(', (n) => '\\('.repeat(n / 2), 80_000],
  ['unclosed $ and $$', (n) => '$a $$b '.repeat(n / 7), 80_000],
  ['"A.\\nB.\\n"', (n) => 'A.\nB.\n'.repeat(n / 6), 20_000],
  ['a run of periods', (n) => `${'.'.repeat(n)}x`, 20_000],
  ['one long word', (n) => 'a'.repeat(n), 100_000],
  ['a repository path of dots', (n) => `github.com/${'./'.repeat(n / 2)}x`, 100_000],
  ['TeX accents and braces', (n) => "{\\'e".repeat(n / 4), 100_000],
];

const scanners: [string, (text: string) => unknown][] = [
  ['findMathSpans', findMathSpans],
  ['splitMath', splitMath],
  ['splitSentences', splitSentences],
  // The whole text, past the 6,000 characters a card looks at: the scan itself must be linear.
  ['scanForKeyResult', (text: string) => scanForKeyResult(text)?.claim ?? null],
  ['findCodeLinks', (text) => findCodeLinks([text])],
  ['texTextToPlain', texTextToPlain],
  ['search index', (text) => new SegmentBuilder().add('x', paperSearchText(paper(text)))],
  ['search highlight', (text) => highlightParts(text, ['a', 'b'])],
  ['ranking terms', (text) => [contentWords(text), paperTerms(paper(text))]],
];

describe('scanning hostile text takes time in proportion to its length', () => {
  for (const [scanner, scan] of scanners) {
    it.each(inputs)(`${scanner}: %s`, (_name, hostile, size) => expectLinear(scanner, scan, hostile, size));
  }

  it('firstFigureUrl: 700 KB of unclosed figures and images', () => {
    const figures = (n: number) => '<figure class="ltx_figure"><img class="ltx_graphics" src="x.png"'.repeat(n / 64);
    expectLinear('firstFigureUrl', (html) => firstFigureUrl(html, 'https://arxiv.org/html/2601.00001v1/'), figures, 700_000);
    const opened = (n: number) => `${'<figure class="ltx_figure">'.repeat(n / 28)}</figure>`;
    expectLinear('firstFigureUrl', (html) => firstFigureUrl(html, 'https://arxiv.org/html/2601.00001v1/'), opened, 700_000);
  });
});
