/// <reference lib="webworker" />
import { getPapers } from '../db/papers';
import { savedAmong } from '../db/library';
import type { StoredPaper } from '../db/schema';
import { storedPapers, watchStoredPapers } from './paper-source';
import { SearchHost } from './search-host';
import type { AnswerCards, FromSearchWorker, SearchAnswer, ToSearchWorker } from './search-protocol';

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

async function cardsOf(ids: string[]): Promise<AnswerCards | undefined> {
  try {
    // Both reads at once: the library is asked about every id, whichever turn out to be gone.
    const [found, saved] = await Promise.all([getPapers(ids), savedAmong(ids)]);
    const papers = found.filter((p): p is StoredPaper => p !== undefined);
    return { papers, saved: saved.filter((id) => papers.some((p) => p.id === id)) };
  } catch {
    return undefined; // the page reads them itself
  }
}

async function answer(seq: number, query: string, limit: number, shown: string | undefined): Promise<void> {
  const result: SearchAnswer = host.search(query, limit);
  if (result.ids.length > 0 && result.ids.join(' ') !== shown) result.cards = await cardsOf(result.ids);
  post({ type: 'result', seq, result });
}

scope.onmessage = (event: MessageEvent<ToSearchWorker>) => {
  const message = event.data;
  if (message.type === 'build') host.build();
  else if (message.type === 'search') void answer(message.seq, message.query, message.limit, message.shown);
};
