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

class FakePaintObserver {
  static supportedEntryTypes = ['element', 'paint'];
  constructor(private readonly report: PaintReport) {}
  observe() {
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

const presentFirstContent = () => reports.forEach((report) => report({ getEntriesByName: (name) => (name === 'first-contentful-paint' ? [{}] : []) }));
const drawFrame = () => frames.splice(0).forEach((frame) => frame());

beforeEach(() => {
  reports = [];
  frames = [];
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
    await vi.advanceTimersByTimeAsync(100);
    expect(page.loaded()).toBe(false);
    presentFirstContent();
    await vi.waitFor(async () => {
      await vi.advanceTimersByTimeAsync(1);
      expect(page.loaded()).toBe(true);
    });
  });

  it('loads anyway, a moment later, in a tab that paints nothing (opened in the background)', async () => {
    const page = await startPage();
    page.release();
    await vi.advanceTimersByTimeAsync(200);
    expect(page.loaded()).toBe(false);
    await vi.waitFor(async () => {
      await vi.advanceTimersByTimeAsync(60);
      expect(page.loaded()).toBe(true);
    });
  });

  it('loads after the next frame in a browser that reports no paints', async () => {
    vi.stubGlobal('PerformanceObserver', undefined);
    const page = await startPage();
    page.release();
    await vi.advanceTimersByTimeAsync(10);
    expect(page.loaded()).toBe(false);
    drawFrame();
    await vi.waitFor(async () => {
      await vi.advanceTimersByTimeAsync(1);
      expect(page.loaded()).toBe(true);
    });
  });
});
