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

  /** Lets everything run for `ms` of virtual time, firing only the timers due by then. */
  async runFor(ms: number): Promise<void> {
    const until = this.time + ms;
    for (;;) {
      for (let i = 0; i < 20; i++) await idle();
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers[0];
      if (!next || next.at > until) break;
      this.timers.shift();
      this.time = Math.max(this.time, next.at);
      next.resolve();
    }
    this.time = Math.max(this.time, until);
  }

  /** Runs `work` to completion, firing timers in order whenever everything else is idle. */
  async run<T>(work: Promise<T>, maxTimers = 10_000): Promise<T> {
    let settled = false;
    const result = work.finally(() => {
      settled = true;
    });
    // The caller sees a rejection when it awaits `run`; until then it is not "unhandled".
    result.catch(() => undefined);
    for (let fired = 0; ; fired++) {
      await idle();
      if (settled) return result;
      if (fired >= maxTimers) throw new Error('VirtualClock: too many timers');
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      // A timer set for ever (a request that can never time out) never fires.
      const next = this.timers[0]?.at === Infinity ? undefined : this.timers.shift();
      if (!next) {
        // IndexedDB work (fake-indexeddb) may need many more turns of the event loop.
        const finite = () => this.timers.some((t) => t.at !== Infinity);
        for (let i = 0; i < 200 && !settled && !finite(); i++) await idle();
        if (settled) return result;
        if (finite()) continue;
        throw new Error('VirtualClock: work is stuck with no timer pending');
      }
      this.time = Math.max(this.time, next.at);
      next.resolve();
    }
  }
}

async function idle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
