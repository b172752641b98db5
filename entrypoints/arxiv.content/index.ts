import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runSaveControls } from '../../lib/content/run-save-controls';
import { sendMessage } from '../../lib/messaging';

export default defineContentScript({
  matches: ['https://arxiv.org/*', 'https://www.arxiv.org/*'],
  runAt: 'document_end',
  main(ctx) {
    runSaveControls({
      document,
      window,
      runtime: browser.runtime,
      send: sendMessage,
      onInvalidated: (cleanup) => ctx.onInvalidated(cleanup),
    });
  },
});
