import type { Page } from 'playwright-core';

/**
 * When the first card's title was painted (Element Timing, `elementtiming="paper-card"`), in
 * ms since the page's navigation started: the same clock for the extension's pages and the
 * static ones.
 */
export async function firstCardPaint(page: Page, timeoutMs = 30_000): Promise<number> {
  return page.evaluate(
    (timeout) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no card painted within ${timeout} ms on ${location.href}`)), timeout);
        const observer = new PerformanceObserver((list) => {
          const entry = list.getEntries().find((e) => (e as PerformanceEntry & { identifier: string }).identifier === 'paper-card') as
            | (PerformanceEntry & { renderTime: number })
            | undefined;
          if (!entry) return;
          clearTimeout(timer);
          observer.disconnect();
          resolve(entry.renderTime || entry.startTime);
        });
        observer.observe({ type: 'element', buffered: true });
      }),
    timeoutMs,
  );
}
