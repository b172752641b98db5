import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Host access is limited to arXiv: the API (export.arxiv.org) for the sync engine and
// arxiv.org for the Save buttons, the HTML versions' figures and id_list lookups.
export default defineConfig({
  publicDir: 'assets/public',
  imports: false,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'Paper Radar',
    description:
      'Watches arXiv for your keywords, authors and categories and shows new papers on every new tab. Everything stays in your browser.',
    permissions: ['storage', 'alarms', 'notifications', 'contextMenus', 'unlimitedStorage'],
    host_permissions: ['https://export.arxiv.org/*', 'https://arxiv.org/*'],
    action: { default_title: 'Paper Radar' },
  },
});
