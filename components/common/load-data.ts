export type PageData = typeof import('./page-data');

let loading: Promise<PageData> | undefined;
let held: Promise<void> | undefined;
let release = () => undefined as void;

/** The database side of the pages; started as the page starts, awaited where it is needed. */
export function loadData(): Promise<PageData> {
  loading ??= (held ?? Promise.resolve()).then(() => import('./page-data'));
  return loading;
}

/**
 * Holds the database side back until `releaseDataAfterPaint`: Dexie is most of the pages'
 * JavaScript, and a first frame painted from the first screen needs none of it.
 */
export function holdData(): void {
  held ??= new Promise<void>((resolve) => (release = resolve));
}

// A page in a background tab gets no frames (and one may paint nothing contentful): it loads its
// data anyway, a moment later.
const HIDDEN_PAGE_WAIT_MS = 250;

/**
 * Lets the database side load once the page's first content is on screen. The first contentful
 * paint is reported when its frame was presented, not when the page handed it over: releasing at
 * the hand-over (the task after the next animation frame) let Dexie's loading and first reads
 * compete with the frame's rasterising. On this project's two-core machine the new tab's first
 * card, without its first-screen cache, came at 1.46–1.65 × a static page's (four paint runs),
 * and at 1.21–1.48 × with this (eight).
 */
export function releaseDataAfterPaint(): void {
  let stop = () => {};
  const done = () => {
    clearTimeout(fallback);
    stop();
    release();
  };
  const fallback = setTimeout(done, HIDDEN_PAGE_WAIT_MS);
  if (typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) setTimeout(done, 0);
    });
    observer.observe({ type: 'paint', buffered: true });
    stop = () => observer.disconnect();
  } else {
    requestAnimationFrame(() => setTimeout(done, 0));
  }
}
