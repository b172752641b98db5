import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAtomFeed } from '../../lib/arxiv/atom';
import type { ArxivEntry } from '../../lib/arxiv/entry';
import { FakeArxiv } from './fake-arxiv';
import { barChartPng, latexmlPage } from './fake-figures';
import { ARTIFACTS_DIR, launch, minimumGap, subscribe, type Harness } from './harness';
import { movedSoFar, watchCardLayout } from './layout-watch';

const API = join(import.meta.dirname, '../fixtures/arxiv/api');
const TESTING = ['q_testing_s0_m10_bc5a6c384fe9', 'q_testing_s10_m10_34e56e15aaac', 'q_testing_s20_m10_348a237fecab', 'q_testing_s30_m10_f2e39f0143dc'];

/** The 'testing' papers as the feed shows them: newest first. */
const feedOrder: ArxivEntry[] = TESTING.flatMap((name) => parseAtomFeed(readFileSync(join(API, `${name}.xml`), 'utf8')).entries).sort((a, b) =>
  b.published.localeCompare(a.published),
);
// The second card on the screen: a paper arXiv has no HTML version of (it answers 404).
const withoutHtml = feedOrder[1]!;

const htmlPath = (paper: ArxivEntry) => `/html/${paper.id}v${paper.version}`;
// The page itself, with the trailing slash the extension asks for (arXiv redirects the address without one).
const htmlPage = (paper: ArxivEntry) => `${htmlPath(paper)}/`;
const isHtmlPage = (path: string) => path.startsWith('/html/') && !path.endsWith('.png');

let h: Harness;
let tab: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  const fake = new FakeArxiv();
  const png = barChartPng();
  for (const paper of feedOrder) {
    if (paper === withoutHtml) continue;
    fake.pages.set(htmlPage(paper), latexmlPage(paper));
    fake.files.set(`${htmlPath(paper)}/x1.png`, { type: 'image/png', body: png });
  }
  h = await launch({ fake });
  const options = await h.open('options.html');
  await subscribe(options, 'testing', 40);
  await options.close();
  tab = await h.context.newPage();
  await watchCardLayout(tab);
  tab.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await tab.goto(`chrome-extension://${h.extensionId}/newtab.html`);
  await tab.getByTestId('paper-card').first().waitFor();
});
afterAll(async () => h?.close());

/** Ids of the cards on screen now, top to bottom. */
function cardsOnScreen(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="paper-card"]', (cards) =>
    cards.filter((card) => {
      const box = card.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    }).map((card) => (card as HTMLElement).dataset.arxivId ?? ''),
  );
}

/** Where each card starts on the page, in whole pixels. */
function cardTops(page: Page): Promise<number[]> {
  return page.$$eval('[data-testid="paper-card"]', (cards) => cards.slice(0, 4).map((card) => Math.round(card.getBoundingClientRect().top + window.scrollY)));
}

/** The figure of a card: its image's address once decoded, null while there is none. */
function figureOf(page: Page, id: string): Promise<string | null> {
  return page.$eval(`[data-testid="paper-card"][data-arxiv-id="${id}"]`, (card) => {
    const img = card.querySelector<HTMLImageElement>('.card__figure img');
    return img && img.complete && img.naturalWidth > 0 ? img.currentSrc : null;
  });
}

describe('figures on the new tab, against the fake arXiv in Chromium', () => {
  it('gives the cards on screen their first figure, loaded from arxiv.org under the extension pages’ CSP', async () => {
    const onScreen = await cardsOnScreen(tab);
    expect(onScreen.length).toBeGreaterThanOrEqual(2);
    expect(onScreen).toContain(withoutHtml.id);
    const tops = await cardTops(tab);
    for (const id of onScreen.filter((id) => id !== withoutHtml.id)) {
      const paper = feedOrder.find((p) => p.id === id)!;
      await expect.poll(() => figureOf(tab, id), { timeout: 60_000, interval: 250 }).toBe(`https://arxiv.org${htmlPath(paper)}/x1.png`);
      const alt = await tab.$eval(`[data-arxiv-id="${id}"] .card__figure img`, (img) => img.getAttribute('alt'));
      expect(alt).toBe(`First figure of ${paper.title}`);
    }
    await tab.screenshot({ path: join(ARTIFACTS_DIR, 'figures-newtab.png') });
    // The figures came in beside the abstracts: no card on screen moved.
    expect(await cardTops(tab)).toEqual(tops);
    expect(consoleErrors.filter((text) => /Content Security Policy|Refused to load/i.test(text))).toEqual([]);
  });

  it('shows no figure for a paper without an HTML version, and keeps its place empty', async () => {
    await expect.poll(() => h.fake.log.some((r) => r.path === htmlPage(withoutHtml)), { timeout: 60_000 }).toBe(true);
    // Asked is not answered: the page knows once the answer came back through the background.
    await expect.poll(() => tab.locator(`[data-arxiv-id="${withoutHtml.id}"] .card__figure`).getAttribute('data-figure')).toBe('none');
    expect(await tab.locator(`[data-arxiv-id="${withoutHtml.id}"] .card__figure img`).count()).toBe(0);
  });

  it('moves nothing on the page as the figures come in: no layout shift, no abstract re-wrapped, since the tab opened', async () => {
    // Every layout shift since the page loaded (buffered), with the elements that moved.
    const shifts = await tab.evaluate(
      () =>
        new Promise<{ value: number; moved: string[] }[]>((resolve) => {
          const found: { value: number; moved: string[] }[] = [];
          const describe = (node: Node | null) =>
            node instanceof Element ? `${node.tagName.toLowerCase()}.${[...node.classList].join('.')}` : String(node?.nodeName);
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node: Node | null }[] })[]) {
              if (!entry.hadRecentInput) found.push({ value: entry.value, moved: (entry.sources ?? []).map((source) => describe(source.node)) });
            }
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(found), 500);
        }),
    );
    const figures = await tab.locator('.card__figure[data-figure="shown"] img').count();
    expect(figures).toBeGreaterThanOrEqual(2); // the figures did come in while this was measured
    const cumulative = shifts.reduce((sum, shift) => sum + shift.value, 0);
    console.log(`layout shift on the new tab with ${figures} figures shown: ${cumulative} (${shifts.length} shifts)`);
    expect(shifts).toEqual([]);
    // Nor did any title or abstract move or change its size (a narrowed abstract re-wraps its lines).
    expect(await movedSoFar(tab)).toEqual([]);
  });

  it('asks arXiv only for cards scrolled to, never two requests closer than 3 s', async () => {
    const asked = () => h.fake.log.filter((r) => isHtmlPage(r.path)).map((r) => r.path);
    const onScreen = await cardsOnScreen(tab);
    await tab.waitForTimeout(4000); // a turn more than the cards on screen need
    // The cards on screen and perhaps the next one (cards are asked for a little before they show).
    expect(asked().length).toBeLessThanOrEqual(onScreen.length + 1);
    const last = feedOrder[feedOrder.length - 1]!;
    expect(asked()).not.toContain(htmlPage(last));

    const later = feedOrder[8]!;
    await tab.locator(`[data-arxiv-id="${later.id}"]`).scrollIntoViewIfNeeded();
    await expect.poll(() => figureOf(tab, later.id), { timeout: 60_000, interval: 250 }).toBe(`https://arxiv.org${htmlPath(later)}/x1.png`);

    const toArxiv = h.fake.log.filter((r) => r.host.endsWith('arxiv.org') && (r.path.startsWith('/api/') || isHtmlPage(r.path)));
    expect(minimumGap(toArxiv.map((r) => r.at))).toBeGreaterThanOrEqual(3000);
  });

  it('shows stored figures on the next new tab without asking arXiv again', async () => {
    const asked = () => h.fake.log.filter((r) => isHtmlPage(r.path)).map((r) => r.path);
    // The previous tab's queue may still send a request for a card it was about to show; what
    // must not happen is a second request for a paper whose figure is stored.
    const before = asked();
    const next = await h.open('newtab.html');
    const first = feedOrder[0]!;
    await expect.poll(() => figureOf(next, first.id), { timeout: 15_000, interval: 100 }).toBe(`https://arxiv.org${htmlPath(first)}/x1.png`);
    await next.waitForTimeout(1000);
    const again = asked().slice(before.length).filter((path) => before.includes(path));
    expect(again).toEqual([]);
    await next.close();
  });
});
