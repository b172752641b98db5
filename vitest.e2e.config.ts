import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The order files start in (the rest follow, alphabetically). The fault matrices mostly wait,
 * on arXiv's 3 s spacing and on retry delays (two minutes each, a fifth of it work): started
 * together first, they wait beside one file that works, and the working files have the two
 * cores to themselves after them. Longest first (the matrices among the rest) took 385–435 s
 * here; matrices first, 360 s. Fewer workers fought less over the cores (4: 621 core-seconds
 * against 772) but left them idle while the matrices waited (391–418 s).
 */
const ORDER = [
  'reliability-fault-hangs',
  'reliability-faults-first-sync',
  'reliability-faults-metadata',
  'faults',
  'reliability-faults-preview',
  'firefox',
  'digest',
  'figures',
  'saved-versions',
  'faults-timeouts',
  'for-you',
  'browser-sync',
  'reliability-concurrency',
  'hostile-servers',
  'reliability-canary',
  'accessibility',
];

const rank = (spec: TestSpecification) => {
  const name = /([^/]+)\.e2e\.ts$/.exec(spec.moduleId)?.[1] ?? '';
  const at = ORDER.indexOf(name);
  return at === -1 ? ORDER.length : at;
};

class InOrder extends BaseSequencer {
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
    sequence: { sequencer: InOrder },
    reporters: ['default'],
  },
});
