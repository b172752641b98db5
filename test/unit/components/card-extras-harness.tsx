import { render, screen } from '../../helpers/dom-testing';
import { vi } from 'vitest';
import { PaperCard } from '../../../components/paper-card/paper-card';
import { createCardExtras, type CardOptions } from '../../../components/paper-card/card-extras';
import type { PageVisibility } from '../../../components/paper-card/request-queue';
import type { Viewport } from '../../../components/paper-card/viewport';
import { getExtras, putExtras } from '../../../lib/db/extras';
import type { StoredPaper } from '../../../lib/db/schema';
import { findKeyResult } from '../../../lib/text/key-result';
import {
  createPaperSummarizer,
  type ModelAvailability,
  type SummarizerApi,
  type SummarizerCreateOptions,
} from '../../../lib/text/summarizer';
import { NOW, testServices, WithServices } from './test-services';

/**
 * A screen the test scrolls by hand: cards come near, are looked at, or move away when told.
 * Like an IntersectionObserver, a card already on screen when it starts being watched is
 * reported at once.
 */
export function fakeViewport() {
  const near = new Map<Element, (near: boolean) => void>();
  const looks = new Map<Element, () => void>();
  const onScreen = new Set<Element>();
  const looked = new Set<Element>();
  const viewport: Viewport = {
    near(element, onChange) {
      near.set(element, onChange);
      if (onScreen.has(element)) queueMicrotask(() => near.get(element)?.(true));
      return () => near.delete(element);
    },
    lookedAt(element, onLooked) {
      if (looked.has(element)) {
        queueMicrotask(onLooked);
        return () => undefined;
      }
      looks.set(element, onLooked);
      return () => looks.delete(element);
    },
  };
  const scrollTo = (card: Element) => {
    onScreen.add(card);
    near.get(card)?.(true);
  };
  return {
    viewport,
    scrollTo,
    scrollAway(card: Element) {
      onScreen.delete(card);
      looked.delete(card);
      near.get(card)?.(false);
    },
    look(card: Element) {
      scrollTo(card);
      looked.add(card);
      const onLooked = looks.get(card);
      looks.delete(card);
      onLooked?.();
    },
  };
}

export function fakeVisibility(hidden = false) {
  let isHidden = hidden;
  const listeners = new Set<() => void>();
  const visibility: PageVisibility = {
    hidden: () => isHidden,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    visibility,
    set(next: boolean) {
      isHidden = next;
      listeners.forEach((listener) => listener());
    },
  };
}

/** Chrome's Summarizer: a state, answers per type, and every summarize call recorded. */
export function fakeSummarizer(state: ModelAvailability, answer: (type: string) => Promise<string> = async (type) => `${type} written on device`) {
  const calls: string[] = [];
  const api = {
    availability: vi.fn(async (_options?: SummarizerCreateOptions) => state),
    create: vi.fn(async (options: SummarizerCreateOptions) => ({
      summarize: (_input: string) => {
        calls.push(options.type);
        return answer(options.type);
      },
      destroy: () => undefined,
    })),
  } satisfies SummarizerApi;
  return { api, calls };
}

type Handlers = Parameters<typeof testServices>[0];

interface Setup {
  handlers?: Handlers;
  options?: Partial<CardOptions>;
  api?: SummarizerApi;
  hidden?: boolean;
}

/** The new tab's services with real card extras over the test database, and a screen the test scrolls. */
export function newTabServices({ handlers = {}, options = {}, api, hidden = false }: Setup = {}) {
  const screenControl = fakeViewport();
  const page = fakeVisibility(hidden);
  const test = testServices(handlers, { keyResult: findKeyResult });
  const chosen: CardOptions = { figures: true, headlines: false, ...options };
  test.services.cardExtras = createCardExtras({
    send: test.services.send,
    store: { get: getExtras, put: putExtras },
    options: { get: async () => chosen, watch: () => () => undefined },
    // As the page does: the choices the last page saw are known at the first frame.
    lastOptions: chosen,
    summarizer: async () => createPaperSummarizer(api),
    viewport: screenControl.viewport,
    visibility: page.visibility,
    idle: async () => undefined,
  });
  return { ...test, screen: screenControl, page };
}

export type NewTab = ReturnType<typeof newTabServices>;

export function renderCards(papers: StoredPaper[], tab: NewTab) {
  const view = render(
    <WithServices services={tab.services}>
      {papers.map((paper) => (
        <PaperCard key={paper.id} paper={paper} saved={false} isNew={false} matched={[]} now={NOW} />
      ))}
    </WithServices>,
  );
  const card = (id: string) => screen.getAllByTestId('paper-card').find((c) => c.dataset.arxivId === id)!;
  return { ...view, card };
}

/** Lets pending promises, effects and the store settle. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

export function figureRequests(tab: NewTab): unknown[] {
  return tab.sent.filter((m) => m.type === 'getFigure').map((m) => m.data);
}
