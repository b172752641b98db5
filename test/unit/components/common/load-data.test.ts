import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * When a page's database side (Dexie, most of its JavaScript) starts loading: after the first
 * cards are on screen, never while their frame is still being drawn. Paint reports, animation
 * frames and the clock are stand-ins here. Each test loads the module afresh, as a page does (the
 * file runs with modules of its own: vitest.config.ts).
 */
type LoadData = typeof import('../../../../components/common/load-data');
type PaintReport = (list: { getEntriesByName(name: string): unknown[] }) => void;

let reports: PaintReport[];
let frames: (() => void)[];
let observed: unknown[];
// The real clock, for the module loading that the page's timers do not drive.
const realTimeout = globalThis.setTimeout;
const realPause = (ms: number) => new Promise((resolve) => realTimeout(resolve, ms));

class FakePaintObserver {
  static supportedEntryTypes = ['element', 'paint'];
  constructor(private readonly report: PaintReport) {}
  observe(options: unknown) {
    observed.push(options);
    reports.push(this.report);
  }
  disconnect() {
    reports = reports.filter((report) => report !== this.report);
  }
}

async function startPage(): Promise<{ loaded: () => boolean; release: () => void }> {
  vi.resetModules();
  vi.doMock('../../../../components/common/page-data', () => ({ database: 'loaded' }));
  const { holdData, loadData, releaseDataAfterPaint }: LoadData = await import('../../../../components/common/load-data');
  holdData();
  let loaded = false;
  void loadData().then(() => (loaded = true));
  return { loaded: () => loaded, release: releaseDataAfterPaint };
}

/** Whether the database side has loaded, given real time for the loading but none on the page's clock (its fallback never fires meanwhile). */
async function loadsWithoutWaiting(page: { loaded: () => boolean }): Promise<boolean> {
  await vi.advanceTimersByTimeAsync(1); // the task the page queues after the paint or frame
  for (let i = 0; i < 100 && !page.loaded(); i++) await realPause(10);
  return page.loaded();
}

/** Whether the database side has loaded once time on the page's clock has passed (and some real time, for the loading). */
async function loadedAfter(page: { loaded: () => boolean }, ms: number): Promise<boolean> {
  await vi.advanceTimersByTimeAsync(ms);
  await realPause(50);
  return page.loaded();
}

const presentFirstContent = () => reports.forEach((report) => report({ getEntriesByName: (name) => (name === 'first-contentful-paint' ? [{}] : []) }));
const drawFrame = () => frames.splice(0).forEach((frame) => frame());

beforeEach(() => {
  reports = [];
  frames = [];
  observed = [];
  vi.useFakeTimers();
  vi.stubGlobal('requestAnimationFrame', (frame: () => void) => frames.push(frame));
  vi.stubGlobal('PerformanceObserver', FakePaintObserver);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.doUnmock('../../../../components/common/page-data');
});

describe('the database side of a page', () => {
  it('loads once the first content has been presented, not when its frame is handed over', async () => {
    const page = await startPage();
    page.release();
    drawFrame();
    expect(await loadedAfter(page, 100)).toBe(false);
    presentFirstContent();
    expect(await loadsWithoutWaiting(page)).toBe(true);
    // A first paint reported before the page started watching counts too.
    expect(observed).toEqual([{ type: 'paint', buffered: true }]);
  });

  it('loads anyway, a moment later, in a tab that paints nothing (opened in the background)', async () => {
    const page = await startPage();
    page.release();
    expect(await loadedAfter(page, 200)).toBe(false);
    expect(await loadedAfter(page, 60)).toBe(true);
  });

  it('loads after the next frame in a browser that reports no paints', async () => {
    vi.stubGlobal('PerformanceObserver', undefined);
    const page = await startPage();
    page.release();
    expect(await loadedAfter(page, 10)).toBe(false);
    drawFrame();
    expect(await loadsWithoutWaiting(page)).toBe(true);
  });
});
