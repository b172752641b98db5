/** Where cards are relative to the screen; tests pass their own. */
export interface Viewport {
  /** Calls back with true when the element comes close to the screen (the reader is scrolling to it), false when it moves away. */
  near(element: Element, onChange: (near: boolean) => void): () => void;
  /** Calls back once, when the element has stayed on screen for a moment: the reader looked at it. */
  lookedAt(element: Element, onLooked: () => void): () => void;
}

export interface ViewportOptions {
  /** How far outside the screen a card counts as near (an IntersectionObserver rootMargin). */
  nearMargin?: string;
  /** How long a card stays mostly on screen before it counts as looked at. */
  lookMs?: number;
}

// Half a card on screen is a card being read; a card taller than the screen counts when it fills half of it.
const LOOK_SHARE = 0.5;

function mostlyOnScreen(entry: IntersectionObserverEntry): boolean {
  if (!entry.isIntersecting) return false;
  const screen = entry.rootBounds?.height ?? Infinity;
  return entry.intersectionRatio >= LOOK_SHARE || entry.intersectionRect.height >= screen * LOOK_SHARE;
}

/**
 * One IntersectionObserver per question for all the cards of a page. Without
 * IntersectionObserver nothing is ever near, so nothing is asked for.
 */
export function intersectionViewport({ nearMargin = '150px 0px', lookMs = 1200 }: ViewportOptions = {}): Viewport {
  const nearCallbacks = new Map<Element, (near: boolean) => void>();
  const lookCallbacks = new Map<Element, (onScreen: boolean) => void>();
  let nearObserver: IntersectionObserver | undefined;
  let lookObserver: IntersectionObserver | undefined;
  const supported = typeof IntersectionObserver === 'function';

  return {
    near(element, onChange) {
      if (!supported) return () => undefined;
      nearObserver ??= new IntersectionObserver(
        (entries) => entries.forEach((entry) => nearCallbacks.get(entry.target)?.(entry.isIntersecting)),
        { rootMargin: nearMargin },
      );
      nearCallbacks.set(element, onChange);
      nearObserver.observe(element);
      return () => {
        nearCallbacks.delete(element);
        nearObserver?.unobserve(element);
      };
    },
    lookedAt(element, onLooked) {
      if (!supported) return () => undefined;
      lookObserver ??= new IntersectionObserver(
        (entries) => entries.forEach((entry) => lookCallbacks.get(entry.target)?.(mostlyOnScreen(entry))),
        { threshold: [0, 0.25, LOOK_SHARE, 0.75] },
      );
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stop = () => {
        clearTimeout(timer);
        lookCallbacks.delete(element);
        lookObserver?.unobserve(element);
      };
      lookCallbacks.set(element, (onScreen) => {
        clearTimeout(timer);
        if (!onScreen) return;
        timer = setTimeout(() => {
          stop();
          onLooked();
        }, lookMs);
      });
      lookObserver.observe(element);
      return stop;
    },
  };
}
