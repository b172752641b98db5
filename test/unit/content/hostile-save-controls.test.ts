import { afterEach, describe, expect, it } from 'vitest';
import { type SaveControls, startSaveControls } from '../../../lib/content/controller';
import abs1706 from '../../fixtures/arxiv/html/abs_1706.03762.html?raw';
import recentList from '../../fixtures/arxiv/html/list_cs.CL_recent.html?raw';
import {
  buttonsFor,
  contractButtons,
  fakeBackground,
  type FakeBackground,
  injectedButtons,
  settle,
  showPage,
  userClick,
} from './save-controls-kit';

const ABS = new URL('https://arxiv.org/abs/1706.03762');
const RECENT = new URL('https://arxiv.org/list/cs.CL/recent?skip=0&show=50');

let running: SaveControls | null = null;
afterEach(() => {
  running?.stop();
  running = null;
});

function start(url: URL, background: FakeBackground, log: (note: string) => void = () => {}, maxPapers?: number): SaveControls | null {
  running = startSaveControls({ document, url, send: background.send, debounceMs: 0, log, maxPapers });
  return running;
}

/** A look-alike of the contract button, as a page could plant it. */
function planted(id: string, pressed = 'true'): HTMLButtonElement {
  const button = document.createElement('button');
  button.setAttribute('data-paper-radar-save', '');
  button.setAttribute('data-arxiv-id', id);
  button.setAttribute('aria-pressed', pressed);
  button.textContent = 'Saved ✓';
  return button;
}

describe('a page that plants look-alike save buttons', () => {
  // Derived from the recent-listing capture: fakes planted in entries and in the body.
  function plantedPage() {
    showPage(recentList);
    const entries = [...document.querySelectorAll('dl dt')];
    const fakes = [planted('2608.12278'), planted('2608.12269', 'false'), planted('1706.03762')];
    entries[0]!.append(fakes[0]!);
    entries[1]!.prepend(fakes[1]!);
    document.body.append(fakes[2]!);
    return { entries, fakes };
  }

  it('still gives every paper its own control, and counts no fake as one', async () => {
    const { entries } = plantedPage();
    start(RECENT, fakeBackground());
    await settle();
    expect(injectedButtons()).toHaveLength(50);
    expect(contractButtons()).toHaveLength(53);
    expect(injectedButtons(entries[0]!)).toHaveLength(1);
    expect(injectedButtons(entries[1]!)).toHaveLength(1);
  });

  it('never changes a fake, whatever happens to the paper it names', async () => {
    const { fakes } = plantedPage();
    const background = fakeBackground();
    start(RECENT, background);
    await settle();
    userClick(buttonsFor('2608.12278')[0]!);
    userClick(buttonsFor('2608.12269')[0]!);
    await settle();
    expect(buttonsFor('2608.12278')[0]!.getAttribute('aria-pressed')).toBe('true');
    expect(fakes.map((fake) => [fake.getAttribute('aria-pressed'), fake.textContent])).toEqual([
      ['true', 'Saved ✓'],
      ['false', 'Saved ✓'],
      ['true', 'Saved ✓'],
    ]);
  });

  it('sends nothing when a fake is clicked, and asks nothing about ids only a fake names', async () => {
    const { fakes } = plantedPage();
    const background = fakeBackground();
    start(RECENT, background);
    await settle();
    for (const fake of fakes) userClick(fake);
    await settle();
    expect(background.calls('savePaper')).toEqual([]);
    expect(background.calls('unsavePaper')).toEqual([]);
    const asked = background.calls('getSavedIds').flatMap((data) => (data as { ids: string[] }).ids);
    expect(asked).not.toContain('1706.03762');
  });

  it('is not fooled by a fake placed where the abs control goes', async () => {
    showPage(abs1706);
    const item = document.createElement('li');
    item.append(planted('1706.03762'));
    document.querySelector('.extra-services > .full-text > ul')!.append(item);
    start(ABS, fakeBackground());
    await settle();
    expect(injectedButtons()).toHaveLength(1);
    expect(injectedButtons()[0]!.getAttribute('aria-pressed')).toBe('false');
  });
});

describe('a page of unexpected shape', () => {
  it('is left alone on arXiv pages that list no papers', () => {
    showPage('<!DOCTYPE html><html><body><main><h1>arXiv</h1><a href="/abs/1706.03762">featured</a></main></body></html>');
    const background = fakeBackground();
    expect(start(new URL('https://arxiv.org/'), background)).toBeNull();
    expect(start(new URL('https://arxiv.org/help/api'), background)).toBeNull();
    expect(contractButtons()).toHaveLength(0);
    expect(background.send).not.toHaveBeenCalled();
  });

  // Derived from the recent-listing capture: arXiv renamed the list, so the selectors find
  // nothing; the entries' own "arXiv:<id>" links still say where the papers are.
  it('finds the entries of a list the selectors miss by their structure', async () => {
    showPage(recentList.replaceAll('id="articles"', 'id="papers"').replaceAll("id='articles'", "id='papers'"));
    start(RECENT, fakeBackground());
    await settle();
    expect(injectedButtons()).toHaveLength(50);
    for (const entry of document.querySelectorAll('dl dt')) expect(injectedButtons(entry)).toHaveLength(1);
  });

  // Derived from the recent-listing capture: no link names a paper any more.
  it('gets nothing visible and is not changed when it finds no paper; says so once', async () => {
    showPage(recentList.replaceAll('/abs/', '/abstract-of/'));
    const before = document.body.innerHTML;
    const notes: string[] = [];
    start(RECENT, fakeBackground(), (note) => notes.push(note));
    await settle();
    document.body.append(document.createElement('div'));
    await settle();
    document.body.lastElementChild!.remove();
    await settle();
    expect(contractButtons()).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
    expect(notes).toEqual(['Paper Radar: found no papers on this listing page; no Save buttons added.']);
  });

  // Derived from the abs capture: neither the "Access Paper:" box nor the title left.
  it('adds nothing to an abs page without the box and the title', async () => {
    showPage(abs1706);
    document.querySelector('.extra-services')?.remove();
    document.querySelector('h1.title')?.remove();
    const notes: string[] = [];
    const background = fakeBackground();
    start(ABS, background, (note) => notes.push(note));
    await settle();
    expect(contractButtons()).toHaveLength(0);
    expect(background.send).not.toHaveBeenCalled();
    expect(notes).toHaveLength(1);
  });

  // Derived from the abs capture: the "Access Paper:" box removed; the title is the fallback.
  it('puts the abs control on its own line after the title when the box is gone', async () => {
    showPage(abs1706);
    document.querySelector('.extra-services')?.remove();
    start(ABS, fakeBackground());
    await settle();
    const title = document.querySelector('h1.title')!;
    expect(injectedButtons(title.parentElement!)).toHaveLength(1);
    expect(title.nextElementSibling!.shadowRoot?.querySelector('.root.block')).not.toBeNull();
  });
});

describe('a page script against the controls', () => {
  /** `count` entries planted in the listing, as the page's own script could, with new ids. */
  function plantEntries(count: number, first = 0): void {
    const list = document.querySelector('dl')!;
    const template = list.querySelector('dt')!;
    for (let i = first; i < first + count; i += 1) {
      const id = `2609.${String(i).padStart(5, '0')}`;
      const entry = template.cloneNode(true) as Element;
      entry.lastElementChild?.remove();
      entry.querySelector('a[title="Abstract"]')!.setAttribute('href', `/abs/${id}`);
      list.append(entry);
    }
  }

  it('reads nothing of them: no shadow root, no button, no pressed state to read', async () => {
    showPage(recentList);
    start(RECENT, fakeBackground({ saved: ['2608.12278'] }));
    await settle();
    const hosts = [...document.querySelectorAll('dl dt')].map((entry) => entry.lastElementChild!);
    expect(hosts.every((host) => host.shadowRoot === null && host.children.length === 0 && host.attributes.length === 0)).toBe(true);
    expect(document.querySelectorAll('[aria-pressed], [data-paper-radar-save]')).toHaveLength(0);
    expect(injectedButtons()).toHaveLength(50);
  });

  it('cannot press them: a click it dispatches changes nothing', async () => {
    showPage(recentList);
    const background = fakeBackground({ saved: ['2608.12278'] });
    start(RECENT, background);
    await settle();
    // Even given the button itself, a script's click is not the reader's.
    buttonsFor('2608.12278')[0]!.click();
    buttonsFor('2608.12269')[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    document.querySelector('dl dt')!.lastElementChild!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle();
    expect(background.calls('savePaper')).toEqual([]);
    expect(background.calls('unsavePaper')).toEqual([]);
    expect(background.saved).toEqual(new Set(['2608.12278']));
  });

  it('planting hundreds of entries costs one bounded message', async () => {
    showPage(recentList);
    const background = fakeBackground();
    start(RECENT, background);
    await settle();
    plantEntries(300);
    await settle();
    const asked = background.calls('getSavedIds') as { ids: string[] }[];
    expect(asked).toHaveLength(2);
    expect(asked[1]!.ids).toHaveLength(300);
  });

  // The pages' limit is what arXiv's longest pages list (MAX_SLOTS, 2,000 papers); the same rule
  // is tried with 200 here: 2,450 entries and 2,000 shadow roots took 6 s in happy-dom.
  it('planting beyond what arXiv’s longest pages show adds no control and asks about nothing more', async () => {
    showPage(recentList);
    const notes: string[] = [];
    const background = fakeBackground();
    start(RECENT, background, (note) => notes.push(note), 200);
    await settle();
    plantEntries(150);
    await settle();
    plantEntries(50, 150);
    await settle();
    const asked = (background.calls('getSavedIds') as { ids: string[] }[]).flatMap((call) => call.ids);
    expect(asked).toHaveLength(200);
    expect(injectedButtons()).toHaveLength(200);
    // The page swaps its entries for others: still no more than 200 papers asked about.
    for (const entry of [...document.querySelectorAll('dl dt')].slice(20, 70)) entry.remove();
    plantEntries(50, 5000);
    await settle();
    running!.scan();
    await settle();
    expect((background.calls('getSavedIds') as { ids: string[] }[]).flatMap((call) => call.ids)).toHaveLength(200);
    expect(notes).toContain('Paper Radar: this page shows more than 200 papers; no more Save buttons.');
  });
});
