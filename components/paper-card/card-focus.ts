// Where the focus goes as cards leave a list and come back.
import type { StoredPaper } from '../../lib/db/schema';
import type { CardMode } from './card-actions';
import { dropPlace, holdPlace, type Leaving } from './held-places';

const cards = () => Array.from(document.querySelectorAll<HTMLElement>('[data-testid="paper-card"]'));

/**
 * Where focus goes when a card leaves the list: the next card, which moves up into the place of
 * the one that left, so the page does not scroll to it; the last card gives it to the one before;
 * the only card, to the papers' region.
 */
export function focusNeighbour(card: HTMLElement | null): void {
  if (!card || !card.contains(document.activeElement)) return;
  const all = cards();
  const at = all.indexOf(card);
  const next = all[at + 1];
  const before = all[at - 1];
  if (next) next.focus({ preventScroll: true });
  else if (before) before.focus();
  else document.getElementById('main')?.focus({ preventScroll: true });
}

/**
 * A card hidden in the feed, or removed from the Library, leaves the list; hidden in search
 * results it stays, marked, and keeps the focus.
 */
function onHidden(card: HTMLElement | null, mode: CardMode): void {
  if (mode === 'feed' || mode === 'library') focusNeighbour(card);
  else if (card?.contains(document.activeElement)) card.focus({ preventScroll: true });
}

/**
 * A card leaves its list, or is hidden in search results (where it stays): the focus moves as
 * `onHidden` says, and a card that leaves at a click keeps its place (held-places.tsx).
 */
export function leave(card: HTMLElement | null, paper: StoredPaper, mode: CardMode, leaving?: Leaving): void {
  if (leaving && mode !== 'search' && card) holdPlace(paper.id, card, leaving);
  else dropPlace(paper.id);
  onHidden(card, mode);
}

/** How long an Undo's card is waited for, to give it the focus back. */
const RETURN_WAIT_MS = 5000;

/**
 * What an Undo does with the focus: the card it brings back gets it again, as if it had never
 * left, unless the reader has moved on meanwhile (the focus is no longer where the card's
 * leaving put it, `leftTo`, nor lost with the message's button). Call when the card left.
 */
export function focusOnReturn(id: string): () => void {
  const leftTo = document.activeElement;
  const movedOn = () => {
    const active = document.activeElement;
    return active !== leftTo && active !== document.body && !active?.closest('.toast');
  };
  return () => {
    // True once there is nothing left to wait for: the card is back (and focused), or the reader moved on.
    const take = () => {
      if (movedOn()) return true;
      const card = cards().find((c) => c.dataset.arxivId === id);
      if (!card) return false;
      if (!card.contains(document.activeElement)) card.focus();
      return true;
    };
    if (take()) return;
    const watch = new MutationObserver(() => take() && stop());
    const timer = setTimeout(() => stop(), RETURN_WAIT_MS);
    const stop = () => {
      watch.disconnect();
      clearTimeout(timer);
    };
    watch.observe(document.body, { childList: true, subtree: true });
  };
}
