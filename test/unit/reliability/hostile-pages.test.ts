import { afterEach, describe, expect, it } from 'vitest';
import { isBaseArxivId } from '../../../lib/arxiv/ids';
import { type SaveControls, startSaveControls } from '../../../lib/content/controller';
import { findPapers } from '../../../lib/content/find-papers';
import { detectPage } from '../../../lib/content/page-kind';
import { pageSubject } from '../../../lib/content/page-subject';
import recentList from '../../fixtures/arxiv/html/list_cs.CL_recent.html?raw';
import { contractButtons, fakeBackground, injectedButtons, settle, showPage } from '../content/save-controls-kit';
import { pageCases } from './hostile-page-cases';
import { expectNothingRan } from './store-invariants';

const RECENT = new URL('https://arxiv.org/list/cs.CL/recent?skip=0&show=50');
const FIRST_ID = '2608.12278';

let running: SaveControls | null = null;
afterEach(() => {
  running?.stop();
  running = null;
});

/** The paper a page at `url` would get a control for, whatever kind it claims to be. */
function paperNamedBy(url: URL): string | null {
  const kind = detectPage(url);
  if (kind === null) return null;
  return pageSubject(document, kind, url)?.id ?? null;
}

describe('a hostile arXiv page', () => {
  it.each(pageCases.map((c) => [c.kind, c.name, c] as const))('[%s] %s: no control for anything but a real paper', async (_kind, _name, hostile) => {
    if (hostile.kind === 'address') {
      expect(paperNamedBy(new URL(hostile.url))).toBeNull();
      running = startSaveControls({ document, url: new URL(hostile.url), send: fakeBackground().send, debounceMs: 0 });
      expect(running).toBeNull();
      return;
    }
    showPage(recentList);
    if (hostile.kind === 'link') {
      // The first entry's own abstract link is replaced by the hostile one.
      document.querySelector('dl dt a[title="Abstract"]')!.setAttribute('href', hostile.href);
      const slots = findPapers(document, 'listing', RECENT);
      expect(slots).toHaveLength(49);
      expect(slots.map((s) => s.id)).not.toContain(FIRST_ID);
      expect(slots.every((s) => isBaseArxivId(s.id))).toBe(true);
      return;
    }
    const fake = hostile.plant(document);
    const background = fakeBackground();
    running = startSaveControls({ document, url: RECENT, send: background.send, debounceMs: 0, log: () => {} });
    await settle();
    const before = [fake.getAttribute('aria-pressed'), fake.textContent];
    (fake as HTMLElement).click();
    await settle();
    expect(injectedButtons().filter((b) => b !== fake)).toHaveLength(50);
    expect([fake.getAttribute('aria-pressed'), fake.textContent]).toEqual(before);
    expect(background.calls('savePaper')).toEqual([]);
    expect(background.calls('unsavePaper')).toEqual([]);
    const asked = background.calls('getSavedIds').flatMap((data) => (data as { ids: string[] }).ids);
    expect(asked.every((id) => isBaseArxivId(id))).toBe(true);
    expect(asked).not.toContain('1706.03762');
    expect(contractButtons().length).toBeGreaterThanOrEqual(50);
    expectNothingRan();
  });
});
