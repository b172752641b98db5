/** Where the time of the last request to arXiv is kept (epoch ms; 0 when none yet). */
export interface RequestSpacingStore {
  getLastRequestAt(): Promise<number>;
  setLastRequestAt(time: number): Promise<void>;
}

/**
 * Serialises requests and keeps them `spacingMs` apart. The time of each request is written
 * before it is sent, so a worker that restarts between two requests still waits; it is written
 * again when the answer is in, so the spacing counts from the end of the previous exchange and
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
    await this.store.setLastRequestAt(this.now());
  }
}
