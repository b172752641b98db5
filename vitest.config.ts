import { availableParallelism } from 'node:os';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Tests that render (JSX) or read pages need a DOM (happy-dom); the rest run in plain Node, which
 * starts much faster.
 */
const NEEDS_DOM = [
  'test/unit/components/**/*.test.tsx',
  'test/unit/content/**/*.test.{ts,tsx}',
  'test/unit/reliability/hostile-pages.test.ts',
  'test/unit/text/math-render.test.ts',
  'test/unit/ui/small-helpers.test.ts',
];
/**
 * Files that need modules of their own (with a window, as DOM files have it): one loads a page's
 * start-up module afresh for each test; one watches math arrive after temml loads (in a shared
 * graph an earlier file has loaded it); one replaces a module of lib/db with `vi.mock`; one forges
 * 200 persisted `pageshow` events, each of which would make the Dexie an earlier file loaded open
 * one more BroadcastChannel (every later write then re-ran each live query some 200 times). In a
 * browser a page's events never reach an extension page's Dexie.
 */
const FRESH_MODULES = [
  'test/unit/components/common/load-data.test.ts',
  'test/unit/components/math/math-text.test.tsx',
  'test/unit/components/library/library-view.test.tsx',
  'test/unit/content/run-save-controls.test.ts',
];

// The captured arXiv pages link stylesheets and scripts: happy-dom neither fetches nor runs them.
const PAGES_ARE_DATA = {
  disableCSSFileLoading: true,
  disableJavaScriptFileLoading: true,
  disableJavaScriptEvaluation: true,
  handleDisabledFileLoadingAsSuccess: true,
};

const shared = {
  // V8's semi-spaces (where new objects live) up to 64 MB instead of 16: the files make many
  // short-lived objects (pages, cards, database records), garbage collection took a sixth of the
  // DOM files' CPU time, and the unit run went from 46–51 s to 40–44 s here.
  execArgv: ['--max-semi-space-size=64'],
  setupFiles: ['test/unit/setup.ts'],
  restoreMocks: true,
  env: { EXTENSION_TARGET: 'chrome-mv3' },
};

const dom = {
  ...shared,
  setupFiles: [...shared.setupFiles, 'test/helpers/dom-page-reset.ts'],
  environment: 'happy-dom',
  environmentOptions: { happyDOM: { settings: PAGES_ARE_DATA } },
};

export default defineConfig({
  test: {
    // Vitest leaves one core free by default; on a two-core machine that halves the unit run.
    maxWorkers: availableParallelism(),
    projects: [
      {
        // One window and one module graph per worker for the DOM files, as for the Node files
        // below: loading happy-dom and each file's modules afresh took some 0.6 s per file, and
        // more than half of the DOM files' time. Each file finds the page empty
        // (test/helpers/dom-page-reset.ts).
        plugins: [WxtVitest(), preact()],
        test: { ...dom, name: 'dom', isolate: false, include: NEEDS_DOM, exclude: FRESH_MODULES },
      },
      {
        plugins: [WxtVitest(), preact()],
        test: { ...dom, name: 'dom-fresh', include: FRESH_MODULES },
      },
      {
        // One module graph per worker for the Node files: importing each file's modules afresh
        // cost more than its tests (47 s → 21–28 s for them here). Each test opens its own
        // database (and resets the fake browser where it reads it); a test that builds a
        // background app ends it after (test/helpers/background-apps.ts), or the merges and
        // rankings it asked for would act on the next file's data.
        plugins: [WxtVitest(), preact()],
        test: { ...shared, name: 'node', environment: 'node', isolate: false, include: ['test/unit/**/*.test.{ts,tsx}'], exclude: [...NEEDS_DOM, ...FRESH_MODULES] },
      },
      {
        // The browser adapters again, built as for Firefox (Manifest V2).
        plugins: [WxtVitest({ browser: 'firefox' }), preact()],
        test: { ...shared, name: 'firefox', environment: 'node', include: ['test/unit/platform/**/*.test.{ts,tsx}'], env: { EXTENSION_TARGET: 'firefox-mv2' } },
      },
    ],
  },
});
