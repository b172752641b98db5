import { PropertySymbol } from 'happy-dom';
import { vi } from 'vitest';
import type { Input, Output } from '../../../lib/messaging/protocol';
import type { ContentMessage, Send } from '../../../lib/content/save-store';

/**
 * Puts a captured arXiv page into the test document, the way a browser would have it when the
 * content script runs (document_end). Its scripts do not run: the test files disable them.
 */
export function showPage(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const imported = document.importNode(parsed.documentElement, true);
  document.documentElement.remove();
  document.append(imported);
}

/**
 * The shadow root of an element, open or closed, as the browser's DevTools reach it (the
 * end-to-end tests read closed roots the same way, through the DevTools protocol). Page scripts
 * see `element.shadowRoot`, which is null for a closed root.
 */
export function anyShadowRoot(element: Element): ShadowRoot | null {
  return (element as unknown as Record<symbol, ShadowRoot | null | undefined>)[PropertySymbol.shadowRoot] ?? null;
}

function shadowRootsIn(root: ParentNode): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (const element of root.querySelectorAll('*')) {
    const shadow = anyShadowRoot(element);
    if (shadow) roots.push(shadow, ...shadowRootsIn(shadow));
  }
  return roots;
}

/**
 * Every element a user or an end-to-end test would take for a Save control (the DESIGN.md
 * contract), in the light DOM and in shadow roots, in page order of their hosts.
 */
export function contractButtons(root: ParentNode = document): HTMLButtonElement[] {
  const selector = 'button[data-paper-radar-save][data-arxiv-id]';
  return [root, ...shadowRootsIn(root)].flatMap((scope) => [...scope.querySelectorAll<HTMLButtonElement>(selector)]);
}

/** Only the controls Paper Radar injected: those inside shadow roots (a page plants light-DOM ones). */
export function injectedButtons(root: ParentNode = document): HTMLButtonElement[] {
  return shadowRootsIn(root).flatMap((scope) => [...scope.querySelectorAll<HTMLButtonElement>('button[data-paper-radar-save]')]);
}

/** The word a reader sees on a control (its check mark and the paper id for screen readers aside). */
export const shownWord = (button: HTMLButtonElement) => button.querySelector('.label')?.textContent ?? '';
/**
 * A click by the reader: the browser marks it trusted, which no page script can. happy-dom has
 * no notion of trust, so the test marks the event as the browser would.
 */
export function userClick(element: Element): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  element.dispatchEvent(event);
}

export const buttonsFor = (id: string) => injectedButtons().filter((button) => button.getAttribute('data-arxiv-id') === id);

/** Lets pending promises, observers and zero-delay timers run. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

export interface FakeBackground {
  send: Send & ReturnType<typeof vi.fn>;
  saved: Set<string>;
  pending: Set<string>;
  subscriptions: Map<string, string[]>;
  /** When set, every message fails with this text, as when the background is not answering. */
  failure: string | null;
  /** Whether the next saves stay pending (metadata not fetched yet). */
  savesPending: boolean;
  calls(type: ContentMessage): unknown[];
}

/** A background that answers the content script's messages from in-memory sets. */
export function fakeBackground(init: { saved?: string[]; pending?: string[]; subscriptions?: Record<string, string[]> } = {}): FakeBackground {
  const background = {
    saved: new Set(init.saved ?? []),
    pending: new Set(init.pending ?? []),
    subscriptions: new Map(Object.entries(init.subscriptions ?? {})),
    failure: null as string | null,
    savesPending: false,
  };
  const handlers: { [K in ContentMessage]: (data: Input<K>) => Output<K> } = {
    getSavedIds: ({ ids }) => ({
      saved: ids.filter((id) => background.saved.has(id)),
      pending: ids.filter((id) => background.pending.has(id)),
    }),
    savePaper: ({ id }) => {
      background.saved.add(id);
      if (background.savesPending) background.pending.add(id);
      return { pending: background.savesPending };
    },
    unsavePaper: ({ id }) => {
      background.saved.delete(id);
      background.pending.delete(id);
      return { ok: true };
    },
    getPaperContext: ({ id }) => ({
      saved: background.saved.has(id),
      pending: background.pending.has(id),
      subscriptions: background.subscriptions.get(id) ?? [],
    }),
  };
  const send = vi.fn(async <K extends ContentMessage>(type: K, data: Input<K>): Promise<Output<K>> => {
    await Promise.resolve();
    if (background.failure !== null) throw new Error(background.failure);
    return (handlers[type] as (data: Input<K>) => Output<K>)(data);
  });
  return Object.assign(background, {
    send: send as FakeBackground['send'],
    calls: (type: ContentMessage) => send.mock.calls.filter(([sent]) => sent === type).map(([, data]) => data),
  });
}
