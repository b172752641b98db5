/// <reference lib="webworker" />
import { storedPapers, watchStoredPapers } from './paper-source';
import { SearchHost } from './search-host';
import type { FromSearchWorker, ToSearchWorker } from './search-protocol';

// Reading and indexing 50,000 abstracts takes seconds: here they never hold up the page.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromSearchWorker) => scope.postMessage(message);

// Updates come in bursts while reading; one message per task is plenty for the page.
let updateQueued = false;
function update(): void {
  if (updateQueued) return;
  updateQueued = true;
  setTimeout(() => {
    updateQueued = false;
    post({ type: 'update' });
  }, 50);
}

const host = new SearchHost(storedPapers, update);
watchStoredPapers(() => host.storeChanged());

scope.onmessage = (event: MessageEvent<ToSearchWorker>) => {
  const message = event.data;
  if (message.type === 'build') host.build();
  else if (message.type === 'search') post({ type: 'result', seq: message.seq, result: host.search(message.query, message.limit) });
};
