/** Where the time of the last request to arXiv is kept (epoch ms; 0 when none yet). */
export interface RequestSpacingStore {
  getLastRequestAt(): Promise<number>;
  setLastRequestAt(time: number): Promise<void>;
}

/**
 * Stored while a request is out: the exchange has not ended. A worker that dies mid-exchange
 * leaves it behind, and the next worker then waits a whole spacing from its own start (the
 * connection closed, at the latest, when the old worker died).
 */
const EXCHANGE_OPEN = Number.MAX_SAFE_INTEGER;

/**
 * Serialises requests and keeps them `spacingMs` apart. Before a request is sent the store
 * says an exchange is open, so a worker that restarts mid-request still waits; when the answer
 * is in, the time is written, so the spacing counts from the end of the previous exchange and
 * holds as arXiv sees it, whatever the network's delays.
 */
export class RequestGate {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: RequestSpacingStore,
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly spacingMs: number,
  ) {}

  run<T>(task: () => Promise<T>): Promise<T> {
    const turn = this.queue.then(async () => {
      await this.waitForSpacing();
      try {
        return await task();
      } finally {
        await this.store.setLastRequestAt(this.now());
      }
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitForSpacing(): Promise<void> {
    const last = await this.store.getLastRequestAt();
    const now = this.now();
    // A clock set back must not block requests for longer than one spacing.
    const wait = Math.min(this.spacingMs, last + this.spacingMs - now);
    if (wait > 0) await this.sleep(wait);
    await this.store.setLastRequestAt(EXCHANGE_OPEN);
  }
}
