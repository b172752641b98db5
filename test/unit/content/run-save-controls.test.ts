import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import contentScript from '../../../entrypoints/arxiv.content/index';
import { runSaveControls } from '../../../lib/content/run-save-controls';
import type { Send } from '../../../lib/content/save-store';
import { sendMessage } from '../../../lib/messaging';
import type { SavedChangedEvent } from '../../../lib/messaging/protocol';
import { newPageHtml } from './listing-pages';
import { buttonsFor, fakeBackground, type FakeBackground, injectedButtons, settle, showPage, userClick, shownWord } from './save-controls-kit';

// No capture of /new exists: rendered from templates/list__new.html's structure (listing-pages.ts).
const NEW_PAGE = newPageHtml([
  ['New submissions (showing 2 of 2 entries)', [{ id: '2608.12278' }, { id: '2608.12269' }]],
  ['Replacement submissions (showing 2 of 2 entries)', [{ id: '2608.12278', type: 'rep' }, { id: 'hep-th/9711200', type: 'rep' }]],
]);

const FROM_BACKGROUND = { id: fakeBrowser.runtime.id };
const noReply = () => {};
let cleanups: (() => void)[] = [];

function visit(url: string, html: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  showPage(html);
}

function run(send: Send) {
  return runSaveControls({
    document,
    window,
    runtime: fakeBrowser.runtime,
    send,
    onInvalidated: (cleanup) => cleanups.push(cleanup),
  });
}

/** A `pageshow`: the browser's own (trusted, as happy-dom cannot mark it), or one a page script forged. */
function pageShow(persisted: boolean, by: 'browser' | 'page' = 'browser'): void {
  const event = new Event('pageshow');
  Object.defineProperty(event, 'persisted', { value: persisted });
  if (by === 'browser') Object.defineProperty(event, 'isTrusted', { value: true });
  window.dispatchEvent(event);
}

const pressed = (id: string) => buttonsFor(id).map((button) => button.getAttribute('aria-pressed'));

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanups.forEach((cleanup) => cleanup());
  cleanups = [];
});

describe('the content script', () => {
  it('runs on arxiv.org pages only, once the page is parsed', () => {
    expect(contentScript.matches).toEqual(['https://arxiv.org/*', 'https://www.arxiv.org/*']);
    expect(contentScript.runAt).toBe('document_end');
  });

  it('does nothing and listens to nothing on arXiv pages that list no papers', () => {
    visit('https://arxiv.org/help/api', '<!DOCTYPE html><html><body><h1>arXiv API</h1></body></html>');
    expect(run(fakeBackground().send)).toBeNull();
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
    expect(cleanups).toHaveLength(0);
  });
});

describe('following saves made elsewhere', () => {
  let background: FakeBackground;
  beforeEach(async () => {
    visit('https://arxiv.org/list/cs.CL/new', NEW_PAGE);
    background = fakeBackground({ saved: ['2608.12278'] });
    run(background.send);
    await settle();
  });

  it('a savedChanged push (unsaved in the Library) updates every control of that paper', async () => {
    expect(pressed('2608.12278')).toEqual(['true', 'true']);
    background.saved.delete('2608.12278');
    const push: SavedChangedEvent = { type: 'paperRadar:savedChanged', ids: ['2608.12278', '2501.00001'] };
    const answers = await fakeBrowser.runtime.onMessage.trigger(push, FROM_BACKGROUND, noReply);
    await settle();
    expect(pressed('2608.12278')).toEqual(['false', 'false']);
    // Only papers on this page are asked about; the listener claims no reply.
    expect(background.calls('getSavedIds').at(-1)).toEqual({ ids: ['2608.12278'] });
    expect(answers).toEqual([undefined]);
  });

  it('ignores messages that are not a push from the extension itself', async () => {
    background.saved.delete('2608.12278');
    const asked = background.calls('getSavedIds').length;
    await fakeBrowser.runtime.onMessage.trigger({ type: 'paperRadar:savedChanged', ids: ['2608.12278'] }, { id: 'another-extension' }, noReply);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'paperRadar:savedChanged', ids: '2608.12278' }, FROM_BACKGROUND, noReply);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'savePaper', data: { id: '2608.12278' } }, FROM_BACKGROUND, noReply);
    await settle();
    expect(background.calls('getSavedIds')).toHaveLength(asked);
    expect(pressed('2608.12278')).toEqual(['true', 'true']);
  });

  it('back/forward navigation refreshes every paper without adding controls', async () => {
    background.saved.add('2608.12269');
    pageShow(false);
    await settle();
    expect(background.calls('getSavedIds')).toHaveLength(1);
    pageShow(true);
    await settle();
    expect(background.calls('getSavedIds')).toHaveLength(2);
    expect(background.calls('getSavedIds')[1]).toEqual({ ids: ['2608.12278', '2608.12269', 'hep-th/9711200'] });
    expect(pressed('2608.12269')).toEqual(['true']);
    expect(injectedButtons()).toHaveLength(4);
  });

  it('asks nothing for a flood of pageshow events a page script forges', async () => {
    await settle();
    const asked = background.calls('getSavedIds').length;
    for (let i = 0; i < 200; i += 1) pageShow(true, 'page');
    await settle();
    expect(background.calls('getSavedIds')).toHaveLength(asked);
  });

  it('when the script is replaced, takes its controls out and stops listening', async () => {
    cleanups.forEach((cleanup) => cleanup());
    cleanups = [];
    expect(injectedButtons()).toHaveLength(0);
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
    pageShow(true);
    await settle();
    expect(background.calls('getSavedIds')).toHaveLength(1);
  });
});

describe('through the extension messaging', () => {
  it('saves with the typed protocol, with what the page shows, and reads as saved while pending', async () => {
    visit('https://arxiv.org/abs/1706.03762', '<!DOCTYPE html><html><body><div id="abs"><h1 class="title">Attention</h1></div></body></html>');
    const received: unknown[] = [];
    // A stand-in for the background's router: it answers with the Reply envelope.
    fakeBrowser.runtime.onMessage.addListener((message: { type: string }, _sender, sendResponse: (reply: unknown) => void) => {
      received.push(message);
      const value = message.type === 'savePaper' ? { pending: true } : { saved: false, pending: false, subscriptions: [] };
      sendResponse({ ok: true, value });
      return true;
    });
    run(sendMessage);
    await settle();
    userClick(injectedButtons()[0]!);
    await settle();
    expect(received).toEqual([
      { type: 'getPaperContext', data: { id: '1706.03762' } },
      { type: 'savePaper', data: { id: '1706.03762', shown: { title: 'Attention', authors: [] } } },
    ]);
    // Pending: saved, while the background fetches arXiv's details; it reads as saved at once.
    expect(shownWord(injectedButtons()[0]!)).toBe('Saved');
  });

  it('shows a retry with the reason when nothing receives the message', async () => {
    visit('https://arxiv.org/abs/1706.03762', '<!DOCTYPE html><html><body><div id="abs"><h1 class="title">Attention</h1></div></body></html>');
    run(sendMessage);
    await settle();
    const [button] = injectedButtons();
    expect(shownWord(button!)).toBe('Retry');
    expect(button!.title).toBe(
      "Paper Radar could not check whether this paper is saved: Paper Radar’s background is not answering (No listeners available). Press to try again.",
    );
  });
});
