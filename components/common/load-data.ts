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

// A page in a background tab gets no frames: it loads its data anyway, a moment later.
const HIDDEN_PAGE_WAIT_MS = 250;

/** Lets the database side load once the frame after now has been painted. */
export function releaseDataAfterPaint(): void {
  const fallback = setTimeout(release, HIDDEN_PAGE_WAIT_MS);
  requestAnimationFrame(() =>
    setTimeout(() => {
      clearTimeout(fallback);
      release();
    }, 0),
  );
}
