/**
 * Virtual time for tests: `sleep` registers a timer, and `run` advances the clock to the next
 * timer only when nothing else can make progress. No test waits for real time.
 */
export class VirtualClock {
  private time: number;
  private timers: { at: number; seq: number; resolve: () => void }[] = [];
  private seq = 0;

  constructor(start: number | Date = Date.UTC(2026, 10, 23, 12)) {
    this.time = typeof start === 'number' ? start : start.getTime();
  }

  now = (): number => this.time;

  sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = { at: this.time + Math.max(0, ms), seq: this.seq++, resolve };
      this.timers.push(timer);
      signal?.addEventListener('abort', () => {
        this.timers = this.timers.filter((t) => t !== timer);
        reject(signal.reason);
      });
    });

  /** Moves the clock forward without firing anything (e.g. time passing while the worker is dead). */
  advance(ms: number): void {
    this.time += ms;
  }

  /** Runs `work` to completion, firing timers in order whenever everything else is idle. */
  async run<T>(work: Promise<T>, maxTimers = 10_000): Promise<T> {
    let settled = false;
    const result = work.finally(() => {
      settled = true;
    });
    for (let fired = 0; ; fired++) {
      await idle();
      if (settled) return result;
      if (fired >= maxTimers) throw new Error('VirtualClock: too many timers');
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift();
      if (!next) {
        await idle();
        if (settled) return result;
        throw new Error('VirtualClock: work is stuck with no timer pending');
      }
      this.time = Math.max(this.time, next.at);
      next.resolve();
    }
  }
}

async function idle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
