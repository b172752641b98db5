import type { Page } from 'playwright-core';

/** A card's abstract or title that moved or changed size after it was first drawn. */
export interface Moved {
  id: string;
  what: string;
  from: string;
  to: string;
}

/**
 * Before the page loads: watches, frame by frame for `ms`, where each card's title and abstract
 * are on the page and how big they are. A figure that comes in beside an abstract narrows it
 * and re-wraps its lines, which the browser's layout-shift score does not count (the paragraph
 * does not move); this does.
 */
export async function watchCardLayout(page: Page, ms = 60_000): Promise<void> {
  await page.addInitScript((watchMs: number) => {
    const seen = new Map<string, string>();
    const moved: { id: string; what: string; from: string; to: string }[] = [];
    (window as unknown as { __moved: typeof moved }).__moved = moved;
    const box = (element: Element | null) => {
      if (!element) return null;
      const r = element.getBoundingClientRect();
      return `${Math.round(r.left)},${Math.round(r.top + window.scrollY)} ${Math.round(r.width)}x${Math.round(r.height)}`;
    };
    const frame = () => {
      for (const card of document.querySelectorAll<HTMLElement>('[data-testid="paper-card"]')) {
        for (const [what, selector] of [['title', '.card__title'], ['abstract', '.card__abstract']] as const) {
          const now = box(card.querySelector(selector));
          if (!now) continue;
          const key = `${card.dataset.arxivId} ${what}`;
          const before = seen.get(key);
          if (before !== undefined && before !== now) moved.push({ id: card.dataset.arxivId ?? '', what, from: before, to: now });
          seen.set(key, now);
        }
      }
      if (performance.now() < watchMs) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, ms);
}

export const movedSoFar = (page: Page): Promise<Moved[]> => page.evaluate(() => (window as unknown as { __moved: Moved[] }).__moved);
