import { browser } from 'wxt/browser';
import { sendMessage } from '../../lib/messaging';
import { createLocalSearch, createWorkerSearch, type SearchClient } from '../../lib/search/search-client';
import type { PaperSource } from '../../lib/search/paper-search';
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

function createSearch(): SearchClient {
  if (typeof Worker === 'function') return createWorkerSearch();
  return createLocalSearch(lazyStoredPapers, (onChange) => {
    let stop: (() => void) | undefined;
    let stopped = false;
    void paperSource().then(({ watchStoredPapers }) => {
      if (!stopped) stop = watchStoredPapers(onChange);
    });
    return () => {
      stopped = true;
      stop?.();
    };
  });
}

/** The real world, for the extension's own pages. */
export function defaultServices(options: { keyResult?: (abstract: string) => string | null } = {}): Services {
  let search: SearchClient | undefined;
  return {
    send: sendMessage,
    now: Date.now,
    copyText: (text) => navigator.clipboard.writeText(text),
    open,
    openOptions: () => void browser.runtime.openOptionsPage(),
    openDigest: (subscriptionId) => {
      const hash = subscriptionId ? `#sub=${encodeURIComponent(subscriptionId)}` : '';
      void browser.tabs.create({ url: browser.runtime.getURL(`/newtab.html${hash}`) });
    },
    keyResult: options.keyResult ?? (() => null),
    search: () => (search ??= createSearch()),
    storage: window.localStorage,
  };
}
