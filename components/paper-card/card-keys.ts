import { hasCommandModifier, isTypingTarget } from '../common/keys';
import type { OpenTarget } from '../common/services';

/**
 * A card's own shortcuts (j, k, / and ? are the page's, see use-shortcuts.ts). Save, hide,
 * read and expand press the card's own buttons, so a key does exactly what a click does.
 */
export function onCardKey(event: KeyboardEvent, card: HTMLElement, open: (target: OpenTarget) => void): void {
  if (event.defaultPrevented || hasCommandModifier(event) || isTypingTarget(event.target)) return;
  const press = (action: string) => card.querySelector<HTMLElement>(`[data-action="${action}"]`)?.click();
  switch (event.key) {
    case 'o':
      open('background-tab');
      break;
    case 'O':
      open('here');
      break;
    case 'Enter':
      if (event.target !== card) return; // Enter on a link or button inside is theirs
      open('here');
      break;
    case 's':
      press('save');
      break;
    case 'x':
      press('hide');
      break;
    case 'n':
      press('not-interested');
      break;
    case 'm':
      press('read');
      break;
    case 'e':
      press('expand');
      break;
    default:
      return;
  }
  event.preventDefault();
}
