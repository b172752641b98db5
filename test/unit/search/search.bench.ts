/**
 * Local timing check for search over 50,000 papers (run: npx vitest bench test/unit/search --run).
 * Not a test: timings depend on the machine. It prints the index build time and the p50/p95/max
 * of every keystroke of a few typed queries.
 */
import { bench, describe } from 'vitest';
import { paperSearchText } from '../../../lib/search/paper-text';
import { SearchIndex } from '../../../lib/search/search-index';
import { SegmentBuilder } from '../../../lib/search/segment';
import { PaperSearchEngine } from '../../../lib/search/paper-search';
import { syntheticPapers } from './synthetic-papers';

const QUERIES = [
  'attention',
  'graph neural network',
  'quantum error correction',
  'heterogeneous gpu cholesky',
  'del maestro',
  'zzzz nothing',
  'a',
  'transformer inference latency speedup',
];
const SEGMENT_SIZE = 2500;
const keystrokes = QUERIES.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));

const papers = syntheticPapers(50_000);
let started = performance.now();
const index = new SearchIndex();
let slowestSegment = 0;
for (let from = 0; from < papers.length; from += SEGMENT_SIZE) {
  const segmentStarted = performance.now();
  const builder = new SegmentBuilder();
  for (const paper of papers.slice(from, from + SEGMENT_SIZE)) builder.add(paper.id, paperSearchText(paper));
  index.addSegment(builder.finish());
  slowestSegment = Math.max(slowestSegment, performance.now() - segmentStarted);
}
const buildMs = performance.now() - started;

const times = keystrokes.map((q) => {
  started = performance.now();
  index.search(q, 50);
  return performance.now() - started;
});
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(2);
console.log(
  `50,000 papers: index built in ${buildMs.toFixed(0)} ms (slowest ${SEGMENT_SIZE}-paper segment ${slowestSegment.toFixed(0)} ms); ` +
    `${times.length} keystrokes: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`,
);

// Before the index is built, the same keystrokes are answered by scanning the papers read so far.
const waiting: (() => void)[] = [];
const scanning = new PaperSearchEngine(
  { allIds: async () => papers.map((p) => p.id), papers: async (ids) => ids.map((_, i) => papers[i]) },
  { readSize: papers.length, pause: () => new Promise<void>((resolve) => waiting.push(resolve)) },
);
void scanning.build();
await new Promise((resolve) => setTimeout(resolve, 0));
const scanTimes = keystrokes.map((q) => {
  started = performance.now();
  scanning.search(q, 50);
  return performance.now() - started;
});
scanTimes.sort((a, b) => a - b);
const scanAt = (p: number) => scanTimes[Math.min(scanTimes.length - 1, Math.floor(p * scanTimes.length))]!.toFixed(2);
console.log(`while indexing (scan of 50,000 read papers): p50 ${scanAt(0.5)} ms, p95 ${scanAt(0.95)} ms, max ${scanAt(1)} ms`);

describe('search over 50,000 papers', () => {
  let i = 0;
  bench('one keystroke', () => {
    index.search(keystrokes[i++ % keystrokes.length]!, 50);
  });
});
