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

// The choices as the last page saw them: cards reserve a figure's place from their first frame
// (settings load after it), so turning figures off costs no layout shift on the next page either.
const LAST_OPTIONS_KEY = 'paper-radar:card-options';
// DEFAULT_SETTINGS' showFigures and aiHeadlines, written out: importing the settings module
// would load it (and WXT's storage) before the first paint.
export const DEFAULT_CARD_OPTIONS: CardOptions = { figures: true, headlines: false };

function lastOptions(storage: Pick<Storage, 'getItem'>): CardOptions {
  try {
    const value: unknown = JSON.parse(storage.getItem(LAST_OPTIONS_KEY) ?? 'null');
    const v = value as Partial<CardOptions> | null;
    return typeof v?.figures === 'boolean' && typeof v.headlines === 'boolean' ? { figures: v.figures, headlines: v.headlines } : DEFAULT_CARD_OPTIONS;
  } catch {
    return DEFAULT_CARD_OPTIONS;
  }
}

function remember(storage: Pick<Storage, 'setItem'>, options: CardOptions): CardOptions {
  try {
    storage.setItem(LAST_OPTIONS_KEY, JSON.stringify(options));
  } catch {
    // Without it the next page lays cards out for the defaults until settings load.
  }
  return options;
}

const settingsSource = (storage: Pick<Storage, 'setItem'>): OptionsSource => ({
  get: async () => remember(storage, cardOptions(await (await settings()).getSettings())),
  watch(listener) {
    let stop: (() => void) | undefined;
    let stopped = false;
    void settings().then(({ watchSettings }) => {
      if (!stopped) stop = watchSettings((s) => listener(remember(storage, cardOptions(s))));
    });
    return () => {
      stopped = true;
      stop?.();
    };
  },
});

// Long enough for a frame's work to finish; short enough that a busy page still gets headlines.
const IDLE_TIMEOUT_MS = 2000;

function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, 100);
  });
}

/** Figures and machine headlines for the new tab's cards, from the real browser. */
export function defaultCardExtras(storage: Pick<Storage, 'getItem' | 'setItem'> = window.localStorage): CardExtras {
  let summarizer: Promise<PaperSummarizer> | undefined;
  return createCardExtras({
    send: sendMessage,
    store: {
      get: async (ids) => (await extrasStore()).getExtras(ids),
      put: async (id, changes) => (await extrasStore()).putExtras(id, changes),
    },
    options: settingsSource(storage),
    lastOptions: lastOptions(storage),
    summarizer: () =>
      (summarizer ??= import('../../lib/text/summarizer').then(({ browserSummarizer, createPaperSummarizer }) =>
        createPaperSummarizer(browserSummarizer()),
      )),
    viewport: intersectionViewport(),
    visibility: documentVisibility(),
    idle,
  });
}
