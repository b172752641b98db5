import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The benchmark is one long measurement, not a test suite: `npm run bench` (BENCH_SMOKE=1 for
// tiny sizes). It runs alone so that nothing else of ours competes for the two cores.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/bench/bench.run.ts'],
    environment: 'node',
    testTimeout: 30 * 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    disableConsoleIntercept: true,
    reporters: ['dot'],
  },
});
