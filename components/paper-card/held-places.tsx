import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A card that leaves its list at a click (Hide, Not interested, a removal from the Library) keeps
 * its place, as tall as it was, until the pointer moves off it: the card below does not slide up
 * under the pointer, where the next click would hide or remove it too. As Chrome's tab strip
 * keeps a closed tab's width while the pointer stays on it. A key (x, n, s) holds nothing: the
 * focus goes on to the next card, and the list closes up at once.
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
  /** What the card stood in while it was still there. */
  place: HTMLElement;
  /** Set once its card has left: from then on only the pointer (or the card's return) ends it. */
  left?: true;
}

/** A click made with a mouse, pen or finger: one from a key (Enter, Space, or a shortcut's `click()`) counts none. */
export const byPointer = (event: MouseEvent): boolean => event.detail > 0;

const holds = new Map<string, Hold>();
const listeners = new Set<() => void>();

/**
 * The pointer moved off a held place (or off a card about to leave, or that stayed because its
 * action failed): every place held is given up, and the lists close up.
 */
function onPointerMove(event: PointerEvent): void {
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest('.held-place')) return;
  if ([...holds.values()].some((hold) => !hold.left && target && hold.place.contains(target))) return;
  holds.clear();
  document.removeEventListener('pointermove', onPointerMove);
  listeners.forEach((listener) => listener());
}

/**
 * Holds the place of the paper `id` (its list's element for it: `from`, or the element around it
 * marked `data-place`) for when it leaves, at a click.
 */
export function holdPlace(id: string, from: HTMLElement, leaving: Leaving): void {
  const place = from.closest<HTMLElement>('[data-place]') ?? from;
  const { marginTop, marginBottom } = getComputedStyle(place);
  holds.set(id, { height: place.getBoundingClientRect().height, margin: `${marginTop} 0 ${marginBottom}`, text: SAID[leaving], place });
  document.addEventListener('pointermove', onPointerMove);
}

/**
 * `items` with the ones that left while their place was held put back where they were; `held`
 * says which they are, to be drawn as held places.
 */
export function useHeldPlaces<T>(items: readonly T[], idOf: (item: T) => string): { items: readonly T[]; held: ReadonlyMap<string, Hold> } {
  const [, setDrawn] = useState(0);
  useEffect(() => {
    const redraw = () => setDrawn((n) => n + 1);
    listeners.add(redraw);
    return () => void listeners.delete(redraw);
  }, []);
  const previous = useRef<readonly T[]>(items);
  if (holds.size === 0) return { items: (previous.current = items), held: new Map() };

  const ids = items.map(idOf);
  const present = new Set(ids);
  const result = [...items];
  const held = new Map<string, Hold>();
  previous.current.forEach((item, i) => {
    const id = idOf(item);
    const hold = holds.get(id);
    if (present.has(id) || !hold) return;
    // After the nearest one before it that is still in the list (or first).
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const before = result.findIndex((shown) => idOf(shown) === idOf(previous.current[j]!));
      if (before !== -1) {
        at = before + 1;
        break;
      }
    }
    result.splice(at, 0, item);
    hold.left = true;
    held.set(id, hold);
  });
  // A card that came back (Undo) is drawn again.
  for (const [id, hold] of holds) if (hold.left && present.has(id)) holds.delete(id);
  previous.current = result;
  return { items: result, held };
}

/** Where a card was, as tall as it was, saying what became of it (the message at the bottom says it to a screen reader, with Undo). */
export function HeldPlace({ hold }: { hold: Hold }) {
  return (
    <div class="held-place" style={{ height: `${hold.height}px`, margin: hold.margin }} aria-hidden="true">
      {hold.text}
    </div>
  );
}
