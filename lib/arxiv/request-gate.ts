/** Where the time of the last request to arXiv is kept (epoch ms; 0 when none yet). */
export interface RequestSpacingStore {
  getLastRequestAt(): Promise<number>;
  setLastRequestAt(time: number): Promise<void>;
  /** Until when arXiv asked for no request (its Retry-After; epoch ms, 0 when it did not). */
  getHeldUntil(): Promise<number>;
  setHeldUntil(time: number): Promise<void>;
}

/** The longest wait arXiv's Retry-After is taken for: a clock set back must not silence Paper Radar for days. */
export const MAX_HOLD_MS = 6 * 60 * 60_000;

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

  /** arXiv answered with a Retry-After: no request, from any caller or worker, until then. */
  async holdUntil(until: number): Promise<void> {
    const now = this.now();
    if (until > now) await this.store.setHeldUntil(Math.min(until, now + MAX_HOLD_MS));
  }

  /**
   * How long arXiv's Retry-After still asks to wait, in ms (0 when it asked nothing). More than
   * was ever stored says the clock was set back since: that hold is over.
   */
  async heldFor(): Promise<number> {
    const left = (await this.store.getHeldUntil()) - this.now();
    return left > MAX_HOLD_MS ? 0 : Math.max(0, left);
  }

  /**
   * Runs `task` in its turn, spaced from the request before. When its turn comes while arXiv
   * asks to wait (an answer to a request queued before it said so), `whenHeld` answers instead.
   */
  run<T>(task: () => Promise<T>, whenHeld?: (heldMs: number) => T): Promise<T> {
    const turn = this.queue.then(async () => {
      const held = whenHeld ? await this.heldFor() : 0;
      if (held > 0) return whenHeld!(held);
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
