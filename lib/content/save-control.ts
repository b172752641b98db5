import { LONGEST_LABEL, type ControlView } from './save-state';
import { CONTROL_CSS } from './styles';
import type { Theme } from './theme';

/**
 * How a control sits in the page: in a line of links (listing, search, HTML paper header), as
 * an item of a list (the abs page's "Access Paper:" list), or on its own line (after a title).
 */
export type Layout = 'inline' | 'list-item' | 'block';

export interface SaveControl {
  readonly id: string;
  /** What goes into the page: the shadow host, or the `li` holding it in a list. */
  readonly element: HTMLElement;
  /** The contract button (DESIGN.md), inside the host's closed shadow root. */
  readonly button: HTMLButtonElement;
  render(view: ControlView, theme: Theme): void;
  /** Names the subscriptions that matched the paper (abstract pages); none leaves the line empty. */
  showSubscriptions(labels: readonly string[]): void;
}

const SHOWN_LABELS = 5;

function subscriptionsText(labels: readonly string[]): string {
  const shown = labels.slice(0, SHOWN_LABELS).join(', ');
  const more = labels.length - SHOWN_LABELS;
  return `In your Paper Radar feed: ${shown}${more > 0 ? ` and ${more} more` : ''}`;
}

interface ButtonParts {
  button: HTMLButtonElement;
  /** The word on the button: Save, Saved, Saving…, Retry. */
  label: HTMLSpanElement;
  /** A check mark beside "Saved", for the eye only. */
  mark: HTMLSpanElement;
}

/**
 * The button's name is its visible word and then, for a screen reader on a listing of fifty
 * papers, which paper it is ("Saved arXiv:1706.03762"): the name starts with what is on screen,
 * so a voice user can say it (WCAG 2.5.3). `aria-pressed` says whether the paper is saved.
 */
function createButton(doc: Document, id: string, onPress: () => void): ButtonParts {
  const button = doc.createElement('button');
  button.type = 'button';
  button.setAttribute('data-paper-radar-save', '');
  button.setAttribute('data-arxiv-id', id);
  button.setAttribute('aria-pressed', 'false');
  const mark = doc.createElement('span');
  mark.className = 'mark';
  mark.setAttribute('aria-hidden', 'true');
  const label = doc.createElement('span');
  label.className = 'label';
  const which = doc.createElement('span');
  which.className = 'which';
  which.textContent = ` arXiv:${id}`;
  button.append(mark, label, which);
  button.addEventListener('click', (event) => {
    event.preventDefault();
    // Only the reader's own click or key acts: a click a page script dispatches is not trusted.
    if (event.isTrusted) onPress();
  });
  return { button, label, mark };
}

/**
 * A Save control for paper `id`: a `span` host with a closed shadow root holding its own styles
 * and the button. A span cannot be claimed by a page's custom element definition; the shadow
 * root keeps the page's styles out and ours in, and, closed, keeps the page's scripts from
 * reading the control (whether the paper is saved, the subscriptions it matched) or reaching
 * its button. What the page can measure, the host's size, is the same in every state: the
 * button is as wide as its longest label, and the line naming subscriptions (abstract pages,
 * `withContext`) is always there, one line high. Null when the host cannot take a shadow root.
 */
export function createSaveControl(doc: Document, id: string, layout: Layout, onPress: () => void, withContext = false): SaveControl | null {
  const host = doc.createElement('span');
  let shadow: ShadowRoot;
  try {
    shadow = host.attachShadow({ mode: 'closed' });
  } catch {
    return null;
  }
  const style = doc.createElement('style');
  style.textContent = CONTROL_CSS;
  const root = doc.createElement('span');
  root.className = `root ${layout}`;
  root.style.setProperty('--pr-label-ch', String(LONGEST_LABEL));
  const { button, label, mark } = createButton(doc, id, onPress);
  const context = doc.createElement('span');
  context.className = 'context';
  root.append(button);
  if (withContext) root.append(context);
  shadow.append(style, root);

  let element: HTMLElement = host;
  if (layout === 'list-item') {
    element = doc.createElement('li');
    element.append(host);
  }
  return {
    id,
    element,
    button,
    render(view, theme) {
      root.setAttribute('data-theme', theme);
      button.setAttribute('data-state', view.state);
      button.setAttribute('aria-pressed', String(view.pressed));
      button.setAttribute('aria-busy', String(view.busy));
      button.title = view.title;
      label.textContent = view.text;
      mark.textContent = view.state === 'saved' || view.state === 'pending' ? '\u2713\u00a0' : '';
    },
    showSubscriptions(labels) {
      context.textContent = labels.length === 0 ? '' : subscriptionsText(labels);
    },
  };
}
