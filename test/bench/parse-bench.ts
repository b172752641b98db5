import { XMLParser } from 'fast-xml-parser';
import { parseAtomFeed } from '../../lib/arxiv/atom';
import { apiPage } from './api-page';
import type { BenchSizes } from './sizes';
import { median, percentile, round, type BenchResult } from './stats';

const BUDGET_RATIO = 1.3;

/**
 * parseAtomFeed (parse + normalize) against fast-xml-parser alone on the same string. The raw
 * parse reads attributes (`ignoreAttributes: false`), as any parser of arXiv's feed must: the
 * categories and the primary category are attributes. Runs alternate so that both see the
 * same machine load; each run is timed alone after a warm-up.
 */
export function parseBench(sizes: BenchSizes): BenchResult[] {
  const xml = apiPage(sizes.parseEntries);
  const raw = new XMLParser({ ignoreAttributes: false });
  const check = parseAtomFeed(xml);
  if (check.entries.length !== sizes.parseEntries || new Set(check.entries.map((e) => e.id)).size !== sizes.parseEntries) {
    throw new Error(`the benchmark page should hold ${sizes.parseEntries} distinct papers, parseAtomFeed read ${check.entries.length}`);
  }
  for (let i = 0; i < 3; i++) {
    raw.parse(xml);
    parseAtomFeed(xml);
  }
  const ours: number[] = [];
  const theirs: number[] = [];
  const ratios: number[] = [];
  for (let run = 0; run < sizes.parseRuns; run++) {
    // Alternate which goes first, so neither always runs on a freshly collected heap.
    const order = run % 2 === 0 ? (['raw', 'ours'] as const) : (['ours', 'raw'] as const);
    const times: Record<'raw' | 'ours', number> = { raw: 0, ours: 0 };
    for (const which of order) {
      const start = performance.now();
      if (which === 'raw') raw.parse(xml);
      else parseAtomFeed(xml);
      times[which] = performance.now() - start;
    }
    ours.push(times.ours);
    theirs.push(times.raw);
    ratios.push(times.ours / times.raw);
  }
  const ratio = median(ours) / median(theirs);
  const megabytes = (Buffer.byteLength(xml) / 1e6).toFixed(1);
  return [
    {
      name: `parse + normalize a ${sizes.parseEntries}-entry API page`,
      median: round(ratio),
      p95: round(percentile(ratios, 0.95)),
      unit: '×',
      budget: `≤ ${BUDGET_RATIO} × raw parse`,
      pass: ratio <= BUDGET_RATIO,
      runs: sizes.parseRuns,
      note: `median of parseAtomFeed ÷ median of fast-xml-parser \`new XMLParser({ ignoreAttributes: false })\` on the same ${megabytes} MB string, interleaved; p95 is of the per-run ratios`,
    },
    { name: 'parseAtomFeed, same page', median: round(median(ours), 1), p95: round(percentile(ours, 0.95), 1), unit: 'ms', budget: 'report', pass: null, runs: sizes.parseRuns },
    { name: 'raw fast-xml-parser, same page', median: round(median(theirs), 1), p95: round(percentile(theirs, 0.95), 1), unit: 'ms', budget: 'report', pass: null, runs: sizes.parseRuns },
  ];
}
