import { useEffect, useRef, useState } from 'preact/hooks';
import { withHeld } from '../../lib/ui/held-places';

/**
 * A card that leaves its list at a click (Hide, Not interested, a removal from the Library) keeps
 * its place, as tall as it was, while the pointer stays over the column of cards: neither the
 * second click nor the way down to the next card meets a card that slid up under the pointer.
 * The places are given up when the pointer leaves the column (to the side, the header, out of
 * the window), as Chrome's tab strip keeps a closed tab's width until the pointer leaves the
 * strip, and when they are scrolled out of the window or the tab is left. A key (x, n, s) or a
 * tap holds nothing: the focus goes on to the next card, and the list closes up at once.
 */
export type Leaving = 'hide' | 'not-interested' | 'remove';

const SAID: Record<Leaving, string> = {
  hide: 'Hidden.',
  'not-interested': 'Not interested: fewer papers like it.',
  remove: 'Removed from your library.',
};

export interface Hold {
  /** The card's box, margins included: the place takes exactly its room. */
  height: number;
  margin: string;
  text: string;
  /** What the card stood in: while it is on the page, the card has not left yet. */
  place: HTMLElement;
}

/**
 * A click made with a mouse or a pen. A click from a key (Enter, Space, a shortcut's `click()`)
 * has no `detail`; a tap leaves no pointer over the page to slide anything under.
 */
export const byPointer = (event: MouseEvent): boolean => event.detail > 0 && (event as Partial<PointerEvent>).pointerType !== 'touch';

const holds = new Map<string, Hold>();
const listeners = new Set<() => void>();

/** Whether `x` lies within the column of `element`. */
const inColumn = (element: Element, x: number) => {
  const box = element.getBoundingClientRect();
  return x >= box.left && x <= box.right;
};

/**
 * The pointer moved, or was pressed: below the page's header, over the column of the cards (a
 * held place's, or a card's about to leave or that stayed because its action failed), or over
 * the message at the bottom (its Undo), every place is kept; anywhere else, every one is given
 * up and the lists close up.
 */
function onPointer(event: PointerEvent): void {
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest('.toast')) return;
  if (target?.closest('.topbar')) return release();
  const columns = [...document.querySelectorAll('.held-place'), ...[...holds.values()].flatMap((hold) => (hold.place.isConnected ? [hold.place] : []))];
  if (columns.some((column) => inColumn(column, event.clientX))) return;
  release();
}

/**
 * The page scrolled (the wheel, keys, j/k): places now wholly out of the window are given up.
 * Chromium's scroll anchoring keeps the cards in view where they are as the places above close.
 */
function onScroll(): void {
  const top = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
  let gone = false;
  for (const place of document.querySelectorAll<HTMLElement>('.held-place')) {
    const box = place.getBoundingClientRect();
    if (box.bottom > top && box.top < window.innerHeight) continue;
    gone = holds.delete(place.dataset.held ?? '') || gone;
  }
  if (holds.size === 0) release();
  else if (gone) listeners.forEach((listener) => listener());
}

function onHidden(): void {
  if (document.visibilityState === 'hidden') release();
}

function release(): void {
  holds.clear();
  document.removeEventListener('pointermove', onPointer);
  document.removeEventListener('pointerdown', onPointer);
  document.documentElement.removeEventListener('pointerleave', release);
  window.removeEventListener('scroll', onScroll);
  document.removeEventListener('visibilitychange', onHidden);
  listeners.forEach((listener) => listener());
}

/** Holds the place of the paper `id`, whose card is `card`, for when it leaves. */
export function holdPlace(id: string, card: HTMLElement, leaving: Leaving): void {
  // The element its list marks as the card's place, when it is more than the card (the Library's entry: the card with its tags and note).
  const place = card.closest<HTMLElement>('[data-place]') ?? card;
  const { marginTop, marginBottom } = getComputedStyle(place);
  holds.set(id, { height: place.getBoundingClientRect().height, margin: `${marginTop} 0 ${marginBottom}`, text: SAID[leaving], place });
  document.addEventListener('pointermove', onPointer);
  document.addEventListener('pointerdown', onPointer);
  // Out of the window, or the tab left.
  document.documentElement.addEventListener('pointerleave', release);
  document.addEventListener('visibilitychange', onHidden);
  window.addEventListener('scroll', onScroll, { passive: true });
}

/** The paper leaves otherwise (a key): a place held for it by an earlier click is not drawn. */
export function dropPlace(id: string): void {
  holds.delete(id);
}

/**
 * `items` with the ones that left while their places were held put back where they were, and
 * those places, to be drawn as `HeldPlace`s. A new `list` (another filter, order or search)
 * puts nothing back: the places were the old list's.
 */
export function useHeldPlaces<T>(items: readonly T[], idOf: (item: T) => string, list: string): { items: readonly T[]; held: ReadonlyMap<string, Hold> } {
  const [, setDrawn] = useState(0);
  useEffect(() => {
    const redraw = () => setDrawn((n) => n + 1);
    listeners.add(redraw);
    return () => void listeners.delete(redraw);
  }, []);
  const drawn = useRef({ list, items });
  const previous = drawn.current.list === list ? drawn.current.items : items;
  if (holds.size === 0) {
    drawn.current = { list, items };
    return { items, held: new Map() };
  }
  const present = new Set(items.map(idOf));
  // A card that came back (Undo) is drawn anew: the place held for it is no longer its.
  for (const [id, hold] of holds) if (present.has(id) && !hold.place.isConnected) holds.delete(id);
  const shown = withHeld(previous, items, (id) => holds.has(id), idOf);
  drawn.current = { list, items: shown };
  const held = new Map(shown.flatMap((item) => (present.has(idOf(item)) ? [] : [[idOf(item), holds.get(idOf(item))!] as const])));
  return { items: shown, held };
}

/** Where a card was, as tall as it was, saying what became of it (the message at the bottom says it to a screen reader, with Undo). */
export function HeldPlace({ id, hold }: { id: string; hold: Hold }) {
  return (
    <div class="held-place" data-held={id} style={{ height: `${hold.height}px`, margin: hold.margin }} aria-hidden="true">
      {hold.text}
    </div>
  );
}
