import type { FromSearchWorker, SearchAnswer, ToSearchWorker } from './search-protocol';

/** What pages use to search every stored paper. */
export interface SearchClient {
  /** Starts reading and indexing (e.g. when the search box gets focus); harmless to repeat. */
  build(): void;
  /** `shown`: the ids of the cards shown now, joined by spaces (the worker reads other ones for the page). */
  search(query: string, limit: number, shown?: string): Promise<SearchAnswer>;
  /** `listener` runs when results may have changed (more papers read, a new index). */
  onUpdate(listener: () => void): () => void;
  close(): void;
}

export function listeners() {
  const set = new Set<() => void>();
  return {
    add(listener: () => void) {
      set.add(listener);
      return () => void set.delete(listener);
    },
    notify: () => set.forEach((listener) => listener()),
  };
}

/** Search in a worker: the page stays responsive while 50,000 papers are indexed. */
export function createWorkerSearch(): SearchClient {
  const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module', name: 'paper-radar-search' });
  const pending = new Map<number, (result: SearchAnswer) => void>();
  const updates = listeners();
  let seq = 0;
  const send = (message: ToSearchWorker) => worker.postMessage(message);
  worker.onmessage = (event: MessageEvent<FromSearchWorker>) => {
    const message = event.data;
    if (message.type === 'update') return updates.notify();
    pending.get(message.seq)?.(message.result);
    pending.delete(message.seq);
  };
  return {
    build: () => send({ type: 'build' }),
    search: (query, limit, shown) =>
      new Promise((resolve) => {
        seq += 1;
        pending.set(seq, resolve);
        send({ type: 'search', seq, query, limit, shown });
      }),
    onUpdate: updates.add,
    close: () => worker.terminate(),
  };
}
