import { browser } from 'wxt/browser';
import { sendMessage } from '../../lib/messaging';
import type { PaperSearchResult, PaperSource } from '../../lib/search/paper-search';
import { createWorkerSearch, type SearchClient } from '../../lib/search/search-client';
import { hashOf } from '../../lib/ui/route';
import { savedChangesUrl } from '../../lib/notify/saved-changes';
import type { CardExtras } from '../paper-card/card-extras';
import type { OpenTarget, Services } from './services';

function open(url: string, target: OpenTarget): void {
  if (target === 'here') window.location.assign(url);
  else void browser.tabs.create({ url, active: target === 'new-tab' });
}

// Without workers, search runs on the page; its database side loads when it is first used.
const paperSource = () => import('../../lib/search/paper-source');
const lazyStoredPapers: PaperSource = {
  allIds: async () => (await paperSource()).storedPapers.allIds(),
  papers: async (ids) => (await paperSource()).storedPapers.papers(ids),
};

function watchLazily(onChange: () => void): () => void {
  let stop: (() => void) | undefined;
  let stopped = false;
  void paperSource().then(({ watchStoredPapers }) => {
    if (!stopped) stop = watchStoredPapers(onChange);
  });
  return () => {
    stopped = true;
    stop?.();
  };
}

/** The engine on the page itself, loaded when first used. */
function lazyLocalSearch(): SearchClient {
  const client = import('../../lib/search/local-search').then(({ createLocalSearch }) =>
    createLocalSearch(lazyStoredPapers, watchLazily),
  );
  return {
    build: () => void client.then((c) => c.build()),
    search: async (query, limit): Promise<PaperSearchResult> => (await client).search(query, limit),
    onUpdate: (listener) => {
      let stop: (() => void) | undefined;
      void client.then((c) => (stop = c.onUpdate(listener)));
      return () => stop?.();
    },
    close: () => void client.then((c) => c.close()),
  };
}

function createSearch(): SearchClient {
  return typeof Worker === 'function' ? createWorkerSearch() : lazyLocalSearch();
}

/** The real world, for the extension's own pages. */
export function defaultServices(options: { keyResult?: Services['keyResult']; cardExtras?: CardExtras } = {}): Services {
  let search: SearchClient | undefined;
  return {
    send: sendMessage,
    now: Date.now,
    copyText: (text) => navigator.clipboard.writeText(text),
    open,
    openOptions: () => void browser.runtime.openOptionsPage(),
    openDigest: (subscriptionId) => {
      const hash = hashOf(subscriptionId ? { view: 'digest', filter: subscriptionId } : { view: 'digest' });
      void browser.tabs.create({ url: browser.runtime.getURL(`/newtab.html${hash}`) });
    },
    openLibrary: () => void browser.tabs.create({ url: browser.runtime.getURL(`/newtab.html${hashOf({ view: 'library' })}`) }),
    openChangedSaves: () => void browser.tabs.create({ url: savedChangesUrl() }),
    keyResult: options.keyResult ?? (() => null),
    search: () => (search ??= createSearch()),
    cardExtras: options.cardExtras,
    storage: window.localStorage,
  };
}
