import { sendMessage } from '../../lib/messaging';
import { loadData } from '../common/load-data';
import type { Settings } from '../../lib/settings';
import type { PaperSummarizer } from '../../lib/text/summarizer';
import { createCardExtras, type CardExtras, type CardOptions, type OptionsSource } from './card-extras';
import { documentVisibility } from './request-queue';
import { intersectionViewport } from './viewport';

// Each of these loads after the first paint: cards are drawn without them. The store waits
// for the page's own database side (loadData), so it never loads Dexie ahead of the cards.
const extrasStore = () => loadData().then(() => import('../../lib/db/extras'));
const settings = () => import('../../lib/settings');

const cardOptions = (s: Settings): CardOptions => ({ figures: s.showFigures, headlines: s.aiHeadlines });

const settingsSource: OptionsSource = {
  get: async () => cardOptions(await (await settings()).getSettings()),
  watch(listener) {
    let stop: (() => void) | undefined;
    let stopped = false;
    void settings().then(({ watchSettings }) => {
      if (!stopped) stop = watchSettings((s) => listener(cardOptions(s)));
    });
    return () => {
      stopped = true;
      stop?.();
    };
  },
};

// Long enough for a frame's work to finish; short enough that a busy page still gets headlines.
const IDLE_TIMEOUT_MS = 2000;

function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, 100);
  });
}

/** Figures and machine headlines for the new tab's cards, from the real browser. */
export function defaultCardExtras(): CardExtras {
  let summarizer: Promise<PaperSummarizer> | undefined;
  return createCardExtras({
    send: sendMessage,
    store: {
      get: async (ids) => (await extrasStore()).getExtras(ids),
      put: async (id, changes) => (await extrasStore()).putExtras(id, changes),
    },
    options: settingsSource,
    summarizer: () =>
      (summarizer ??= import('../../lib/text/summarizer').then(({ browserSummarizer, createPaperSummarizer }) =>
        createPaperSummarizer(browserSummarizer()),
      )),
    viewport: intersectionViewport(),
    visibility: documentVisibility(),
    idle,
  });
}
