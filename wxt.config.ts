import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Extension pages run only their own bundled code (no inline scripts, no eval, no remote code)
// and reach only arXiv: the API and its papers' figures. Inline styles are allowed because the
// math renderer writes style attributes (colours and sizes); where a style could load anything
// from is bounded by img-src and default-src.
const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' https://arxiv.org",
  "connect-src 'self' https://export.arxiv.org https://arxiv.org",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export default defineConfig({
  publicDir: 'assets/public',
  imports: false,
  // The sources archive for addons.mozilla.org: the code and its tests, not local test output.
  zip: { excludeSources: ['test-results/**', 'bench-results.json'] },
  vite: () => ({
    plugins: [preact()],
    build: {
      // A dynamic import on a page otherwise first adds a <link rel="modulepreload"> for each of
      // its chunks: on the new tab some 40 ms of the main thread before the first card (measured
      // in Chromium's profiler), for files the extension reads from its own package anyway. The
      // pages' own modulepreload tags stay.
      modulePreload: { resolveDependencies: (_file: string, deps: string[], { hostType }: { hostType: 'html' | 'js' }) => (hostType === 'html' ? deps : []) },
    },
  }),
  // Firefox gets Manifest V2 (WXT's default for Firefox): under MV3 Firefox does not grant host
  // permissions at install, so Paper Radar could not reach arXiv until the user found the switch.
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Paper Radar',
    description:
      'Watches arXiv for your keywords, authors and categories and shows new papers on every new tab. Everything stays in your browser.',
    // Host access is limited to arXiv: the API (export.arxiv.org) for syncing and id lookups,
    // arxiv.org for the Save buttons and the figures of HTML versions.
    permissions: ['storage', 'alarms', 'notifications', 'contextMenus', 'unlimitedStorage'],
    host_permissions: ['https://export.arxiv.org/*', 'https://arxiv.org/*'],
    action: { default_title: 'Paper Radar' },
    content_security_policy:
      manifestVersion === 3 ? { extension_pages: EXTENSION_PAGES_CSP } : (EXTENSION_PAGES_CSP as never),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'paper-radar@paper-radar.github.io',
              // The first Firefox that reads data_collection_permissions: 140 on desktop, 142 on
              // Android (this key covers both unless gecko_android says otherwise).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
