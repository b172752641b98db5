import { BackgroundApp, type AppOptions } from '../../lib/background/app';
import type { VirtualClock } from './virtual-clock';

const built: { app: BackgroundApp; clock: VirtualClock }[] = [];

/** A background app on a virtual clock, to be ended by `stopApps` after the test. */
export function backgroundApp(clock: VirtualClock, fetch: AppOptions['fetch']): BackgroundApp {
  const app = new BackgroundApp({ fetch, now: clock.now, sleep: clock.sleep });
  built.push({ app, clock });
  return app;
}

/**
 * Ends the apps the test built: the work they set off finishes, and the merges and rankings they
 * asked for go. Node test files share one module graph per worker, so an app left running would
 * merge or rank from the next file's database. Call it from each file's `afterEach`.
 */
export async function stopApps(): Promise<void> {
  const ended = await Promise.allSettled(built.splice(0).map(({ app, clock }) => clock.run(app.stop())));
  for (const result of ended) if (result.status === 'rejected') throw result.reason;
}
