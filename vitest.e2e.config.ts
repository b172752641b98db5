import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The files that take longest, longest first: on a fresh clone Vitest has no timings and would
 * start them in alphabetical order, leaving the longest for last. Firefox's two installs take
 * the longest; the fault matrices mostly wait out arXiv's 3 s spacing and retry delays, so
 * they share the cores well with the rest.
 */
const LONGEST_FIRST = [
  'firefox',
  'saved-versions',
  'hostile-servers',
  'for-you',
  'reliability-fault-hangs',
  'reliability-faults-first-sync',
  'reliability-faults-metadata',
  'faults',
  'reliability-faults-preview',
  'faults-timeouts',
  'reliability-concurrency',
  'reliability-canary',
];

const rank = (spec: TestSpecification) => {
  const name = /([^/]+)\.e2e\.ts$/.exec(spec.moduleId)?.[1] ?? '';
  const at = LONGEST_FIRST.indexOf(name);
  return at === -1 ? LONGEST_FIRST.length : at;
};

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}

// End-to-end tests drive the built extension (.output/chrome-mv3) in Debian's Chromium;
// firefox.e2e.ts drives the Firefox build and its package in Debian's Firefox ESR.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Six Chromiums share two cores: what a page draws in a few tasks can take longer than the
    // default second. A poll that passes returns at once; this only lengthens a failure.
    expect: { poll: { timeout: 5_000 } },
    fileParallelism: true,
    maxWorkers: 6,
    sequence: { sequencer: LongestFirst },
    reporters: ['default'],
  },
});
