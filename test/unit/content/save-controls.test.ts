import { afterEach, describe, expect, it, vi } from 'vitest';
import { within } from '@testing-library/preact';
import { type SaveControls, startSaveControls } from '../../../lib/content/controller';
import abs1207 from '../../fixtures/arxiv/html/abs_1207.7214.html?raw';
import abs1706 from '../../fixtures/arxiv/html/abs_1706.03762.html?raw';
import recentList from '../../fixtures/arxiv/html/list_cs.CL_recent.html?raw';
import searchPage from '../../fixtures/arxiv/html/search_all_attention.html?raw';
import { newPageHtml } from './listing-pages';
import { buttonsFor, fakeBackground, type FakeBackground, injectedButtons, settle, showPage, userClick, shownWord, anyShadowRoot } from './save-controls-kit';

// URLs as recorded in test/fixtures/arxiv/SOURCES.md.
const ABS_1706 = new URL('https://arxiv.org/abs/1706.03762');
const ABS_1207 = new URL('https://arxiv.org/abs/1207.7214');
const RECENT = new URL('https://arxiv.org/list/cs.CL/recent?skip=0&show=50');
const SEARCH = new URL('https://arxiv.org/search/?searchtype=all&query=attention+is+all+you+need&size=50');
const NEW = new URL('https://arxiv.org/list/cs.CL/new');

// No capture of /new exists: rendered from templates/list__new.html's structure (listing-pages.ts).
const NEW_PAGE = newPageHtml([
  ['New submissions (showing 2 of 2 entries)', [{ id: '2608.12278' }, { id: '2608.12269' }]],
  ['Cross submissions (showing 1 of 1 entries)', [{ id: '2608.11111', type: 'cross' }]],
  ['Replacement submissions (showing 2 of 2 entries)', [{ id: '2608.12278', type: 'rep' }, { id: 'hep-th/9711200', type: 'rep' }]],
]);

const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;
const state = (button: HTMLButtonElement) => [shownWord(button), button.getAttribute('aria-pressed')];

let running: SaveControls | null = null;
afterEach(() => {
  running?.stop();
  running = null;
});

async function start(html: string, url: URL, background: FakeBackground): Promise<SaveControls> {
  showPage(html);
  running = startSaveControls({ document, url, send: background.send, debounceMs: 0, log: () => {} });
  await settle();
  return running!;
}

describe('one control per paper on the captured pages', () => {
  it('listing /list/cs.CL/recent: 50 papers, a control at the end of each entry line', async () => {
    const background = fakeBackground({ saved: ['2608.12269'] });
    await start(recentList, RECENT, background);
    expect(count(recentList, /<dt>/g)).toBe(50);
    const entries = [...document.querySelectorAll('dl dt')];
    expect(injectedButtons()).toHaveLength(50);
    for (const entry of entries) {
      const host = entry.lastElementChild!;
      expect(host.previousElementSibling?.textContent).toBe('other');
      expect(injectedButtons(entry)).toHaveLength(1);
      expect(entry.textContent).toContain(`arXiv:${injectedButtons(entry)[0]!.getAttribute('data-arxiv-id')}`);
    }
    expect(background.calls('getSavedIds')).toHaveLength(1);
    expect(state(buttonsFor('2608.12278')[0]!)).toEqual(['Save', 'false']);
    expect(state(buttonsFor('2608.12269')[0]!)).toEqual(['Saved', 'true']);
  });

  it('search results: 50 results, a control ending each "arXiv:<id> [pdf, ps, other]" line', async () => {
    await start(searchPage, SEARCH, fakeBackground());
    expect(count(searchPage, /<li class="arxiv-result">/g)).toBe(50);
    expect(injectedButtons()).toHaveLength(50);
    for (const line of document.querySelectorAll('li.arxiv-result p.list-title')) {
      const [button] = injectedButtons(line);
      expect(anyShadowRoot(line.lastElementChild!)?.contains(button!)).toBe(true);
      expect(line.textContent).toContain(`arXiv:${button!.getAttribute('data-arxiv-id')}`);
    }
    // One result lists no formats at all (an empty "&nbsp;&nbsp;" span); it gets its control too.
    expect(buttonsFor('2601.13334')).toHaveLength(1);
  });

  it.each([
    ['1706.03762', abs1706, ABS_1706],
    ['1207.7214', abs1207, ABS_1207],
  ])('abs page of %s: one control, as the last item of the "Access Paper:" list', async (id, html, url) => {
    await start(html, url, fakeBackground());
    expect(injectedButtons()).toHaveLength(1);
    const list = document.querySelector('.extra-services .full-text ul')!;
    const item = list.lastElementChild!;
    expect(item.tagName).toBe('LI');
    expect(item.previousElementSibling?.textContent?.trim()).toBe('TeX Source');
    expect(injectedButtons(item)[0]!.getAttribute('data-arxiv-id')).toBe(id);
  });

  it('/new: a paper listed in two sections gets a control in each', async () => {
    await start(NEW_PAGE, NEW, fakeBackground());
    expect(count(NEW_PAGE, /<dt>/g)).toBe(5);
    expect(injectedButtons().map((button) => button.getAttribute('data-arxiv-id'))).toEqual([
      '2608.12278',
      '2608.12269',
      '2608.11111',
      '2608.12278',
      'hep-th/9711200',
    ]);
  });
});

describe('the control', () => {
  it('is a keyboard-usable toggle button with a name that says what it does', async () => {
    await start(abs1706, ABS_1706, fakeBackground());
    const [button] = injectedButtons();
    expect(button!.tagName).toBe('BUTTON');
    expect(button!.type).toBe('button');
    expect(button!.disabled).toBe(false);
    expect(button!.tabIndex).toBe(0);
    // The visible word first, then which paper (label in name, WCAG 2.5.3).
    const root = (button!.getRootNode() as ShadowRoot).querySelector<HTMLElement>('.root')!;
    expect(within(root).getByRole('button', { name: 'Save arXiv:1706.03762' })).toBe(button);
    expect(button!.title).toBe('Save to Paper Radar');
  });

  it('lives in a closed shadow root with its own styles, out of the page scripts’ reach, leaving the page without new stylesheets', async () => {
    await start(recentList, RECENT, fakeBackground());
    const styleCount = document.querySelectorAll('style, link[rel="stylesheet"]').length;
    const host = document.querySelector('dl dt')!.lastElementChild!;
    // What a page script sees: a span with no shadow root to read.
    expect(host.shadowRoot).toBeNull();
    expect(anyShadowRoot(host)?.mode).toBe('closed');
    expect(anyShadowRoot(host)!.querySelector('style')?.textContent).toContain(':host');
    expect(document.querySelectorAll('style, link[rel="stylesheet"]').length).toBe(styleCount);
    expect(host.attributes).toHaveLength(0);
  });
});

describe('saving and unsaving', () => {
  it('a click saves through the background and every control of that paper shows it', async () => {
    const background = fakeBackground();
    await start(NEW_PAGE, NEW, background);
    const [first, second] = buttonsFor('2608.12278');
    userClick(first!);
    // With what the page shows of it: the Library has its title at once.
    expect(background.calls('savePaper')).toEqual([{ id: '2608.12278', shown: { title: 'Paper 2608.12278', authors: ['Jane Doe'] } }]);
    expect(state(second!)).toEqual(['Saving…', 'true']);
    expect(second!.getAttribute('aria-busy')).toBe('true');
    await settle();
    expect([state(first!), state(second!)]).toEqual([
      ['Saved', 'true'],
      ['Saved', 'true'],
    ]);
    expect(state(buttonsFor('2608.12269')[0]!)).toEqual(['Save', 'false']);

    userClick(second!);
    await settle();
    expect(background.calls('unsavePaper')).toEqual([{ id: '2608.12278' }]);
    expect([state(first!), state(second!)]).toEqual([
      ['Save', 'false'],
      ['Save', 'false'],
    ]);
  });

  it('reads as saved at once while the background is still fetching the metadata', async () => {
    const background = fakeBackground({ pending: ['2608.12269'], saved: ['2608.12269'] });
    background.savesPending = true;
    await start(recentList, RECENT, background);
    expect(state(buttonsFor('2608.12269')[0]!)).toEqual(['Saved', 'true']);
    userClick(buttonsFor('2608.12278')[0]!);
    await settle();
    const button = buttonsFor('2608.12278')[0]!;
    expect(state(button)).toEqual(['Saved', 'true']);
    expect(button.getAttribute('aria-busy')).toBe('false');
    expect(button.getAttribute('data-state')).toBe('pending');
    expect(button.title).toMatch(/asks arXiv for its title and abstract/);
  });

  it('sends one save for a double click', async () => {
    const background = fakeBackground();
    await start(recentList, RECENT, background);
    const button = buttonsFor('2608.12278')[0]!;
    userClick(button);
    userClick(button);
    await settle();
    expect(background.calls('savePaper')).toHaveLength(1);
    expect(state(button)).toEqual(['Saved', 'true']);
  });
});

describe('errors', () => {
  it('a failed save shows a retry state with the reason as tooltip, never an alert', async () => {
    const alert = vi.fn();
    vi.stubGlobal('alert', alert);
    const background = fakeBackground();
    await start(recentList, RECENT, background);
    background.failure = "Paper Radar’s background is not answering (Could not establish connection).";
    const button = buttonsFor('2608.12278')[0]!;
    userClick(button);
    await settle();
    expect(state(button)).toEqual(['Retry', 'false']);
    expect(button.getAttribute('data-state')).toBe('error');
    expect(button.title).toBe(
      "Paper Radar could not save this paper: Paper Radar’s background is not answering (Could not establish connection). Press to try again.",
    );
    expect(alert).not.toHaveBeenCalled();

    background.failure = null;
    userClick(button);
    await settle();
    expect(state(button)).toEqual(['Saved', 'true']);
    expect(background.saved.has('2608.12278')).toBe(true);
  });

  it('a failed unsave keeps the paper shown as saved, with a retry', async () => {
    const background = fakeBackground({ saved: ['2608.12278'] });
    await start(recentList, RECENT, background);
    background.failure = 'Database is closed.';
    const button = buttonsFor('2608.12278')[0]!;
    userClick(button);
    await settle();
    expect(state(button)).toEqual(['Retry', 'true']);
    expect(button.title).toMatch(/^Paper Radar could not remove this paper: Database is closed\./);
  });

  it('when the background cannot say what is saved, the controls offer a retry that asks again', async () => {
    const background = fakeBackground({ saved: ['2608.12278'] });
    background.failure = 'No answer.';
    await start(recentList, RECENT, background);
    const button = buttonsFor('2608.12278')[0]!;
    expect(state(button)).toEqual(['Retry', 'false']);
    expect(button.title).toMatch(/could not check whether this paper is saved: No answer\./);

    background.failure = null;
    userClick(button);
    await settle();
    expect(background.calls('getSavedIds').at(-1)).toEqual({ ids: ['2608.12278'] });
    expect(background.calls('savePaper')).toEqual([]);
    expect(state(button)).toEqual(['Saved', 'true']);
  });
});

describe('abstract page of a paper in the feed', () => {
  const labelIn = (button: HTMLButtonElement) => button.parentElement!.querySelector('.context')!;

  it('names the subscriptions that matched it under the control', async () => {
    const background = fakeBackground({ saved: ['1706.03762'], subscriptions: { '1706.03762': ['Transformers', 'au:Vaswani'] } });
    await start(abs1706, ABS_1706, background);
    expect(background.calls('getPaperContext')).toEqual([{ id: '1706.03762' }]);
    expect(background.calls('getSavedIds')).toEqual([]);
    const [button] = injectedButtons();
    expect(state(button!)).toEqual(['Saved', 'true']);
    const context = labelIn(button!);
    expect(context.hasAttribute('hidden')).toBe(false);
    expect(context.textContent).toBe('In your Paper Radar feed: Transformers, au:Vaswani');
  });

  it('shows subscription labels as text, whatever they contain', async () => {
    const label = '<img src=x onerror=alert(1)> attention';
    await start(abs1706, ABS_1706, fakeBackground({ subscriptions: { '1706.03762': [label] } }));
    const context = labelIn(injectedButtons()[0]!);
    expect(context.textContent).toBe(`In your Paper Radar feed: ${label}`);
    expect(context.children).toHaveLength(0);
  });

  it('leaves the line empty for a paper that is not in the feed, keeping its place (its height tells the page nothing)', async () => {
    await start(abs1207, ABS_1207, fakeBackground());
    const context = labelIn(injectedButtons()[0]!);
    expect(context.hasAttribute('hidden')).toBe(false);
    expect(context.textContent).toBe('');
  });
});
