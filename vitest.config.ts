import { availableParallelism } from 'node:os';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Tests that render (JSX) or read pages need a DOM (happy-dom); the rest run in plain Node, which
 * starts much faster (happy-dom takes some 0.6 s to load, again for each file).
 */
const NEEDS_DOM = [
  'test/unit/components/**/*.test.tsx',
  'test/unit/content/**/*.test.{ts,tsx}',
  'test/unit/reliability/hostile-pages.test.ts',
  'test/unit/text/math-render.test.ts',
  'test/unit/ui/small-helpers.test.ts',
];

const shared = {
  setupFiles: ['test/unit/setup.ts'],
  restoreMocks: true,
  env: { EXTENSION_TARGET: 'chrome-mv3' },
};

export default defineConfig({
  test: {
    // Vitest leaves one core free by default; on a two-core machine that halves the unit run.
    maxWorkers: availableParallelism(),
    projects: [
      {
        plugins: [WxtVitest(), preact()],
        test: { ...shared, name: 'dom', environment: 'happy-dom', include: NEEDS_DOM },
      },
      {
        // One module graph per worker for the Node files: importing each file's modules afresh
        // cost more than its tests (47 s → 21–28 s for them here). Each test opens its own
        // database (and resets the fake browser where it reads it); a test that builds a
        // background app ends it after (test/helpers/background-apps.ts), or the merges and
        // rankings it asked for would act on the next file's data.
        // The DOM files keep their own graph each: shared, Dexie's change events and pages'
        // live queries outlive the window they were made in.
        plugins: [WxtVitest(), preact()],
        test: { ...shared, name: 'node', environment: 'node', isolate: false, include: ['test/unit/**/*.test.{ts,tsx}'], exclude: NEEDS_DOM },
      },
      {
        // The browser adapters again, built as for Firefox (Manifest V2).
        plugins: [WxtVitest({ browser: 'firefox' }), preact()],
        test: { ...shared, name: 'firefox', environment: 'node', include: ['test/unit/platform/**/*.test.{ts,tsx}'], env: { EXTENSION_TARGET: 'firefox-mv2' } },
      },
    ],
  },
});
