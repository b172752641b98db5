import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAtomFeed } from '../../lib/arxiv/atom';
import { FakeArxiv } from './fake-arxiv';
import { serveFigures } from './fake-figures';
import { ARTIFACTS_DIR, launch, subscribe, type Harness } from './harness';

const API = join(import.meta.dirname, '../fixtures/arxiv/api');
const TESTING = ['q_testing_s0_m10_bc5a6c384fe9', 'q_testing_s10_m10_34e56e15aaac', 'q_testing_s20_m10_348a237fecab', 'q_testing_s30_m10_f2e39f0143dc'];
const papers = TESTING.flatMap((name) => parseAtomFeed(readFileSync(join(API, `${name}.xml`), 'utf8')).entries);
// Screenshots of both views, light and dark: SCREENSHOTS_DIR to keep them elsewhere.
const SCREENSHOTS = process.env.SCREENSHOTS_DIR ?? ARTIFACTS_DIR;
const SCREEN = { width: 1400, height: 900 };

let h: Harness;
let tab: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const fake = new FakeArxiv();
  // Most papers have an HTML version with figures, as on arXiv; one in four has none.
  serveFigures(fake, papers.filter((_, index) => index % 4 !== 3));
  h = await launch({ fake });
  const options = await h.open('options.html');
  await subscribe(options, 'testing', 40);
  await options.close();
  tab = await h.context.newPage();
  await tab.setViewportSize(SCREEN);
  await tab.goto(`chrome-extension://${h.extensionId}/newtab.html`);
  await tab.getByTestId('paper-card').first().waitFor();
});
afterAll(async () => h?.close());

const densitySwitch = (page: Page) => page.getByRole('group', { name: 'Density' });

/** Cards wholly on screen: below the sticky header, above the bottom edge. */
function cardsOnScreen(page: Page): Promise<number> {
  return page.evaluate(() => {
    const top = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
    return [...document.querySelectorAll('[data-testid="paper-card"]')].filter((card) => {
      const box = card.getBoundingClientRect();
      return box.top >= top && box.bottom <= window.innerHeight;
    }).length;
  });
}

const focusedId = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest<HTMLElement>('[data-testid="paper-card"]')?.dataset.arxivId ?? null);

async function screenshots(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('the compact view of the new tab, at 1400 × 900', () => {
  it('shows whole cards by default, three or so to a screen', async () => {
    expect(await densitySwitch(tab).getByRole('button', { name: 'Cards' }).getAttribute('aria-pressed')).toBe('true');
    // The figures of the cards on screen have come in (or are known to be missing) before the picture.
    await expect
      .poll(() => tab.locator('.card__figure[data-figure="waiting"]').evaluateAll((boxes) => boxes.filter((b) => b.getBoundingClientRect().top < innerHeight).length), {
        timeout: 60_000,
      })
      .toBe(0);
    const cards = await cardsOnScreen(tab);
    console.log(`cards wholly on screen, cards view: ${cards}`);
    expect(cards).toBeLessThan(10);
    await screenshots(tab, 'newtab-cards');
  });

  it('keeps the card the keyboard moves to clear of the toast that shows', async () => {
    await tab.locator('body').click({ position: { x: 5, y: 880 } });
    await tab.keyboard.press('j');
    await tab.keyboard.press('x');
    const toast = tab.locator('.toast');
    await toast.waitFor();
    for (let i = 0; i < 3; i++) {
      await tab.keyboard.press('j');
      const { card, toastTop } = await tab.evaluate(() => ({
        card: document.activeElement?.closest('[data-testid="paper-card"]')?.getBoundingClientRect().bottom ?? Infinity,
        toastTop: document.querySelector('.toast')?.getBoundingClientRect().top ?? 0,
      }));
      expect(card).toBeLessThanOrEqual(toastTop);
    }
    await toast.getByRole('button', { name: 'Undo' }).click();
    await tab.evaluate(() => window.scrollTo(0, 0));
  });

  it('moves the next card up into the place of one hidden with x in the window’s lower half, and scrolls only what the message would cover', async () => {
    const focusedCard = () => tab.evaluate(() => {
      const card = document.activeElement?.closest<HTMLElement>('[data-testid="paper-card"]');
      return card ? { id: card.dataset.arxivId!, top: card.getBoundingClientRect().top } : null;
    });
    /** The focused card, and the card after it when both are in one list (one day's, or one group's). */
    const focusedAndNext = () => tab.evaluate(() => {
      const card = document.activeElement!.closest<HTMLElement>('[data-testid="paper-card"]')!;
      const cards = [...document.querySelectorAll<HTMLElement>('[data-testid="paper-card"]')];
      const next = cards[cards.indexOf(card) + 1];
      const sameList = next && next.closest('ol, ul') === card.closest('ol, ul');
      return { top: card.getBoundingClientRect().top, scrollY: window.scrollY, next: sameList ? { id: next.dataset.arxivId!, top: next.getBoundingClientRect().top, height: next.getBoundingClientRect().height } : null };
    });
    // A card far enough down the page to be scrolled to 450 px, with a card after it in its list.
    const fits = async () => {
      const { top, scrollY, next } = await focusedAndNext();
      return next !== null && top + scrollY >= 450;
    };
    await tab.keyboard.press('j');
    for (let i = 0; i < 15 && !(await fits()); i++) await tab.keyboard.press('j');
    // The focused card's top at 450 px: the next card starts low in the window, under where the message comes.
    await tab.evaluate((by) => window.scrollBy(0, by), (await focusedCard())!.top - 450);
    const before = await focusedAndNext();
    expect(before.next, 'the next card follows the focused one in the same group').not.toBeNull();
    expect(before.next!.top).toBeGreaterThan(700);
    await tab.keyboard.press('x');
    const toast = tab.locator('.toast');
    await toast.waitFor();
    await expect.poll(async () => (await focusedCard())?.id).toBe(before.next!.id);
    await tab.waitForTimeout(1500); // past any measuring the message does (SETTLE_MS)
    const toastTop = (await toast.boundingBox())!.y;
    // What the message covers of the card in the hidden one's place, if anything, is all the page scrolled.
    const covered = Math.max(0, before.top + before.next!.height - toastTop + 8);
    const after = { scrolled: (await tab.evaluate(() => window.scrollY)) - before.scrollY, top: (await focusedCard())!.top };
    console.log(`x at ${Math.round(before.top)} px: the next card from ${Math.round(before.next!.top)} to ${Math.round(after.top)} px, the page scrolled ${after.scrolled} px (the message covered ${Math.round(covered)} px of it there)`);
    expect(after.scrolled).toBeCloseTo(covered, 0);
    expect(after.top).toBeCloseTo(before.top - after.scrolled, 0);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await tab.evaluate(() => window.scrollTo(0, 0));
  });

  it('shows at least ten papers once Compact is chosen, each with its claim where it has one', async () => {
    await densitySwitch(tab).getByRole('button', { name: 'Compact' }).click();
    await expect.poll(() => tab.locator('.row').count()).toBeGreaterThanOrEqual(30);
    const rows = await cardsOnScreen(tab);
    console.log(`papers wholly on screen, compact view: ${rows}`);
    expect(rows).toBeGreaterThanOrEqual(10);
    const first = tab.locator('.row').first();
    expect(await first.locator('.row__claim').innerText()).not.toBe('');
    await screenshots(tab, 'newtab-compact');
  });

  it('is remembered: the next new tab opens compact', async () => {
    const next = await h.context.newPage();
    await next.setViewportSize(SCREEN);
    await next.goto(`chrome-extension://${h.extensionId}/newtab.html`);
    await next.locator('.row').first().waitFor();
    expect(await densitySwitch(next).getByRole('button', { name: 'Compact' }).getAttribute('aria-pressed')).toBe('true');
    expect(await next.locator('.card').count()).toBe(0);
    await next.close();
  });

  it('works from the keyboard as the cards do: j moves, s saves (the button says Saved), e opens a row in place', async () => {
    await tab.locator('body').click({ position: { x: 5, y: 880 } });
    await tab.keyboard.press('j');
    await tab.keyboard.press('j');
    const ids = await tab.locator('.row').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.arxivId));
    expect(await focusedId(tab)).toBe(ids[1]);
    await tab.keyboard.press('s');
    const second = tab.locator('.row').nth(1);
    await expect.poll(() => second.getByTestId('save-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(await second.getByTestId('save-toggle').innerText()).toBe('Saved');
    await tab.keyboard.press('e');
    await expect.poll(() => second.locator('.row__details').isVisible()).toBe(true);
    expect(await second.locator('.card__abstract').innerText()).not.toBe('');
    await screenshots(tab, 'newtab-compact-opened');
    await tab.keyboard.press('e');
    await expect.poll(() => second.locator('.row__details').isVisible()).toBe(false);
  });
});
