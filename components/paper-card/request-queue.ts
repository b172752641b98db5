/** Whether the page is on screen; tests pass their own. */
export interface PageVisibility {
  hidden(): boolean;
  /** Calls back whenever the page is shown or hidden; returns how to stop. */
  onChange(listener: () => void): () => void;
}

export interface TaskQueue {
  /**
   * Runs `task` when its turn comes, after the tasks added before it. When `signal` aborts
   * before the turn, the task never runs and the promise rejects with an AbortError; once
   * started, a task runs to its end.
   */
  run<T>(task: () => Promise<T>, signal: AbortSignal): Promise<T>;
}

interface Waiting {
  start(): Promise<void>;
}

export const documentVisibility = (doc: Document = document): PageVisibility => ({
  hidden: () => doc.visibilityState === 'hidden',
  onChange(listener) {
    doc.addEventListener('visibilitychange', listener);
    return () => doc.removeEventListener('visibilitychange', listener);
  },
});

const abortError = () => new DOMException('The card no longer needs it.', 'AbortError');

/**
 * Extras for cards are asked for one at a time (arXiv allows one request every 3 s for the
 * whole extension, and the model runs one summary at a time), never while the page is hidden,
 * and only for cards still wanted when their turn comes. `beforeEach` waits before each task
 * (idle time, for the model).
 */
export function createTaskQueue(visibility: PageVisibility, beforeEach: () => Promise<void> = async () => undefined): TaskQueue {
  const waiting: Waiting[] = [];
  let busy = false;
  let stopWaitingForPage: (() => void) | undefined;

  const whenShown = () => {
    stopWaitingForPage ??= visibility.onChange(() => {
      if (visibility.hidden()) return;
      stopWaitingForPage?.();
      stopWaitingForPage = undefined;
      void pump();
    });
  };

  async function pump(): Promise<void> {
    if (busy || waiting.length === 0) return;
    if (visibility.hidden()) return whenShown();
    busy = true;
    await beforeEach().catch(() => undefined);
    busy = false;
    if (visibility.hidden()) return whenShown();
    const next = waiting.shift();
    if (!next) return;
    busy = true;
    await next.start();
    busy = false;
    void pump();
  }

  return {
    run<T>(task: () => Promise<T>, signal: AbortSignal) {
      if (signal.aborted) return Promise.reject(abortError());
      return new Promise<T>((resolve, reject) => {
        const item: Waiting = {
          start: async () => {
            signal.removeEventListener('abort', onAbort);
            await Promise.resolve().then(task).then(resolve, reject);
          },
        };
        const onAbort = () => {
          const at = waiting.indexOf(item);
          if (at >= 0) waiting.splice(at, 1);
          reject(abortError());
        };
        signal.addEventListener('abort', onAbort, { once: true });
        waiting.push(item);
        void pump();
      });
    },
  };
}
