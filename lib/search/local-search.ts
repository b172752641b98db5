import type { PaperSource } from './paper-search';
import { listeners, type SearchClient } from './search-client';
import { SearchHost } from './search-host';

/** Search on the page's own thread, for tests and where workers are unavailable. */
export function createLocalSearch(source: PaperSource, watch?: (onChange: () => void) => () => void): SearchClient {
  const updates = listeners();
  const host = new SearchHost(source, updates.notify);
  const unwatch = watch?.(() => host.storeChanged());
  return {
    build: () => host.build(),
    search: async (query, limit) => host.search(query, limit),
    onUpdate: updates.add,
    close: () => unwatch?.(),
  };
}
