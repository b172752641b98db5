import { availableParallelism } from 'node:os';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const shared = {
  environment: 'happy-dom',
  setupFiles: ['test/unit/setup.ts'],
  restoreMocks: true,
};

export default defineConfig({
  test: {
    // Vitest leaves one core free by default; on a two-core machine that halves the unit run.
    maxWorkers: availableParallelism(),
    projects: [
      {
        plugins: [WxtVitest(), preact()],
        test: { ...shared, name: 'chrome', include: ['test/unit/**/*.test.{ts,tsx}'], env: { EXTENSION_TARGET: 'chrome-mv3' } },
      },
      {
        // The browser adapters again, built as for Firefox (Manifest V2).
        plugins: [WxtVitest({ browser: 'firefox' }), preact()],
        test: { ...shared, name: 'firefox', include: ['test/unit/platform/**/*.test.{ts,tsx}'], env: { EXTENSION_TARGET: 'firefox-mv2' } },
      },
    ],
  },
});
