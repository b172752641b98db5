import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The benchmark is one long measurement, not a test suite: `npm run bench` (BENCH_SMOKE=1 for
// tiny sizes). It runs alone so that nothing else of ours competes for the two cores: first the
// design's budgets (bench.run.ts), then 100,000 papers through the built extension (scale.run.ts).
// `npm run bench -- bench.run` or `-- scale.run` runs one of them.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/bench/bench.run.ts', 'test/bench/scale.run.ts'],
    environment: 'node',
    testTimeout: 30 * 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    disableConsoleIntercept: true,
    reporters: ['dot'],
  },
});
