import { useEffect, useRef } from 'preact/hooks';
import { hasCommandModifier, isTypingTarget } from '../common/keys';

const CARD = '[data-testid="paper-card"]';

/** j and k: the next or previous card; past the last one, more cards are loaded. */
export function moveCardFocus(step: 1 | -1): void {
  const cards = Array.from(document.querySelectorAll<HTMLElement>(CARD));
  if (cards.length === 0) return;
  const current = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>(CARD) : null;
  const at = current ? cards.indexOf(current) : -1;
  const next = at < 0 ? (step > 0 ? 0 : cards.length - 1) : at + step;
  if (next >= cards.length) {
    document.querySelector<HTMLElement>('[data-action="more"]')?.click();
    return;
  }
  const card = cards[Math.max(0, next)];
  if (!card) return;
  card.focus({ preventScroll: true });
  card.scrollIntoView?.({ block: 'nearest' });
}

interface PageShortcuts {
  focusSearch?: () => void;
  showHelp?: () => void;
}

/** The page's shortcuts: j/k move between cards, / searches, ? lists every shortcut. */
export function useShortcuts(shortcuts: PageShortcuts): void {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || hasCommandModifier(event) || isTypingTarget(event.target)) return;
      if (event.key === 'j') moveCardFocus(1);
      else if (event.key === 'k') moveCardFocus(-1);
      else if (event.key === '/' && latest.current.focusSearch) latest.current.focusSearch();
      else if (event.key === '?' && latest.current.showHelp) latest.current.showHelp();
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
