import { afterEach, describe, expect, it } from 'vitest';
import { type SaveControls, type SaveControlsOptions, startSaveControls } from '../../../lib/content/controller';
import { MAX_PLACEMENTS } from '../../../lib/content/inject';
import abs1706 from '../../fixtures/arxiv/html/abs_1706.03762.html?raw';
import recentList from '../../fixtures/arxiv/html/list_cs.CL_recent.html?raw';
import { buttonsFor, fakeBackground, type FakeBackground, injectedButtons, settle, showPage } from './save-controls-kit';

const ABS = new URL('https://arxiv.org/abs/1706.03762');
const RECENT = new URL('https://arxiv.org/list/cs.CL/recent?skip=0&show=50');

const started: SaveControls[] = [];
afterEach(() => started.splice(0).forEach((controls) => controls.stop()));

function start(url: URL, background: FakeBackground, options: Partial<SaveControlsOptions> = {}): SaveControls {
  const controls = startSaveControls({ document, url, send: background.send, debounceMs: 0, log: () => {}, ...options });
  started.push(controls!);
  return controls!;
}

const entries = () => [...document.querySelectorAll('dl dt')];
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('running more than once', () => {
  it('a second pass over the same page adds nothing', async () => {
    showPage(recentList);
    const controls = start(RECENT, fakeBackground());
    await settle();
    expect(controls.scan()).toBe(0);
    expect(controls.scan()).toBe(0);
    expect(injectedButtons()).toHaveLength(50);
  });

  it('a second copy of the script on the same page adds nothing', async () => {
    showPage(recentList);
    start(RECENT, fakeBackground());
    const second = start(RECENT, fakeBackground());
    await settle();
    expect(second.scan()).toBe(0);
    expect(injectedButtons()).toHaveLength(50);
  });

  it('a script replaced by a newer one leaves no control behind, and the newer one adds each once', async () => {
    showPage(abs1706);
    start(ABS, fakeBackground()).stop();
    expect(injectedButtons()).toHaveLength(0);
    expect(document.querySelectorAll('.extra-services > .full-text > ul > li')).toHaveLength(3);
    start(ABS, fakeBackground());
    await settle();
    expect(injectedButtons()).toHaveLength(1);
  });
});

describe('a page that changes', () => {
  it('an entry re-rendered from scratch gets one control, the others keep theirs', async () => {
    showPage(recentList);
    const background = fakeBackground({ saved: ['2608.12278'] });
    start(RECENT, background);
    await settle();
    const [first] = entries();
    const fresh = first!.cloneNode(true) as Element;
    fresh.lastElementChild!.remove(); // a clone of our host without its shadow root: what a page's re-render copies
    first!.replaceWith(fresh);
    await settle();
    expect(injectedButtons()).toHaveLength(50);
    expect(injectedButtons(fresh)).toHaveLength(1);
    expect(buttonsFor('2608.12278')[0]!.getAttribute('aria-pressed')).toBe('true');
    // The paper's state was known: re-rendering asks the background nothing new.
    expect(background.calls('getSavedIds')).toHaveLength(1);
  });

  it('a list re-rendered through innerHTML gets its controls once', async () => {
    showPage(recentList);
    start(RECENT, fakeBackground());
    await settle();
    const list = document.querySelector('dl')!;
    // Serialising drops shadow roots: each old control comes back as an empty, invisible span.
    list.innerHTML = list.innerHTML;
    await settle();
    expect(injectedButtons()).toHaveLength(50);
    for (const entry of entries()) expect(injectedButtons(entry)).toHaveLength(1);
  });

  it('a control the page took out is put back', async () => {
    showPage(recentList);
    start(RECENT, fakeBackground());
    await settle();
    entries()[3]!.lastElementChild!.remove();
    await settle();
    expect(injectedButtons(entries()[3]!)).toHaveLength(1);
    expect(injectedButtons()).toHaveLength(50);
  });

  it('entries added in a burst are read in one pass and asked about in one message', async () => {
    showPage(recentList);
    const background = fakeBackground();
    start(RECENT, background, { debounceMs: 30 });
    await wait(40);
    const list = document.querySelector('dl')!;
    const template = entries()[0]!;
    for (const id of ['2609.00001', '2609.00002', '2609.00003']) {
      const entry = template.cloneNode(true) as Element;
      entry.lastElementChild!.remove();
      entry.querySelector('a[title="Abstract"]')!.setAttribute('href', `/abs/${id}`);
      list.append(entry);
      await wait(5);
    }
    await wait(60);
    expect(injectedButtons()).toHaveLength(53);
    expect(background.calls('getSavedIds')).toEqual([
      { ids: entries().slice(0, 50).map((entry) => injectedButtons(entry)[0]!.getAttribute('data-arxiv-id')) },
      { ids: ['2609.00001', '2609.00002', '2609.00003'] },
    ]);
  });

  it('stops putting back a control that the page keeps removing, and says so once', async () => {
    showPage(recentList);
    const notes: string[] = [];
    start(RECENT, fakeBackground(), { log: (note) => notes.push(note) });
    await settle();
    for (let i = 0; i < MAX_PLACEMENTS + 3; i += 1) {
      if (injectedButtons(entries()[0]!).length > 0) entries()[0]!.lastElementChild!.remove();
      await settle();
    }
    expect(injectedButtons(entries()[0]!)).toHaveLength(0);
    expect(injectedButtons()).toHaveLength(49);
    expect(notes).toEqual(['Paper Radar: this page keeps removing a Save button; leaving it out.']);
  });
});

describe('light and dark', () => {
  const themeOf = (button: HTMLButtonElement) => button.parentElement!.getAttribute('data-theme');

  it('is light on the captured pages, which carry no theme mark', async () => {
    showPage(abs1706);
    start(ABS, fakeBackground());
    await settle();
    expect(themeOf(injectedButtons()[0]!)).toBe('light');
  });

  it('follows the page when it switches to dark and back', async () => {
    showPage(recentList);
    start(RECENT, fakeBackground());
    await settle();
    document.documentElement.setAttribute('data-theme', 'dark');
    await settle();
    expect(injectedButtons().map(themeOf)).toEqual(Array(50).fill('dark'));
    document.documentElement.setAttribute('data-theme', 'light');
    await settle();
    expect(themeOf(injectedButtons()[0]!)).toBe('light');
  });

  it('is dark on a page that paints itself dark without a mark', async () => {
    showPage(abs1706);
    document.body.style.backgroundColor = 'rgb(30, 30, 30)';
    start(ABS, fakeBackground());
    await settle();
    expect(themeOf(injectedButtons()[0]!)).toBe('dark');
  });
});
