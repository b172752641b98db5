import { browser } from 'wxt/browser';
import { sendMessage } from '../../lib/messaging';
import { createLocalSearch, createWorkerSearch, type SearchClient } from '../../lib/search/search-client';
import { storedPapers, watchStoredPapers } from '../../lib/search/paper-source';
import type { OpenTarget, Services } from './services';

function open(url: string, target: OpenTarget): void {
  if (target === 'here') window.location.assign(url);
  else void browser.tabs.create({ url, active: target === 'new-tab' });
}

function createSearch(): SearchClient {
  return typeof Worker === 'function' ? createWorkerSearch() : createLocalSearch(storedPapers, watchStoredPapers);
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
