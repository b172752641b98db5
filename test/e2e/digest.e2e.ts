import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, badgeText, launch, letRetryAfterPass, readStore, readStoredPapers, sendMessage, subscribe, type Harness } from './harness';
import { pressedOf, pressSaveControl } from './save-controls';

interface StoredPaper {
  id: string;
  published: string;
  summary: string;
  title: string;
  readAt?: number;
}

let h: Harness;
let options: Page;
let digest: Page;

const cardIds = (page: Page) =>
  page.locator('[data-testid="paper-card"]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-arxiv-id')));

/** Scrolls until every card of the feed is rendered (the digest renders in pages). */
async function allCards(page: Page, expected: number): Promise<(string | null)[]> {
  for (let i = 0; i < 20; i++) {
    const ids = await cardIds(page);
    if (ids.length >= expected) return ids;
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(250);
  }
  return cardIds(page);
}

function newestFirst(papers: StoredPaper[]): string[] {
  return [...papers]
    .sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : a.id < b.id ? 1 : -1))
    .map((p) => p.id);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  h = await launch();
  options = await h.open('options.html');
});
afterAll(async () => h?.close());

describe('options page', () => {
  it('explains a hyphenated keyword before anything is sent, and previews a query', async () => {
    const before = h.fake.apiRequests().length;
    await options.getByTestId('subscription-input').fill('self-supervised');
    await expect.poll(() => options.locator('body').innerText()).toMatch(/hyphen/i);
    expect(h.fake.apiRequests().length).toBe(before);
    await options.getByTestId('subscription-input').fill('testing');
    await options.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => options.locator('body').innerText(), { timeout: 15_000 }).toContain('Testing Deep Learning Models');
    expect(h.fake.apiRequests().length).toBe(before + 1);
    await options.getByTestId('subscription-input').fill('');
  });

  it('adds a keyword; after one sync its papers are stored', async () => {
    await subscribe(options, 'testing', 40);
    await expect.poll(() => badgeText(h)).toBe('40');
  });
});

/** Buttons of this accessible name in Chromium's own accessibility tree. */
async function buttonsNamed(page: Page, name: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodes } = await cdp.send('Accessibility.queryAXTree', { nodeId: root.nodeId, role: 'button', accessibleName: name });
    return nodes.length;
  } finally {
    await cdp.detach();
  }
}

describe('new tab digest', () => {
  it('shows exactly the stored papers, newest first, and reading it (not only opening it) clears the badge', async () => {
    digest = await h.open('newtab.html');
    await digest.locator('[data-testid="paper-card"]').first().waitFor();
    // A new tab opened to type an address is not a look at the papers: the badge and the
    // "New" flags stay until the reader touches the page.
    await digest.locator('.card__flag--new').first().waitFor();
    expect(await badgeText(h)).toBe('40');
    await digest.mouse.wheel(0, 100);
    await expect.poll(() => badgeText(h)).toBe('');
    const stored = await readStoredPapers<StoredPaper>(digest);
    expect(await allCards(digest, stored.length)).toEqual(newestFirst(stored));
    expect(await digest.getByTestId('sync-status').getAttribute('data-state')).toBe('ok');
  });

  it('keeps Digest and Library one click away in a window half a laptop wide or narrower, with nothing past its edge', async () => {
    const narrow = await h.open('newtab.html');
    const fits = () => narrow.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    for (const width of [640, 360]) {
      await narrow.setViewportSize({ width, height: 700 });
      await narrow.locator('[data-testid="paper-card"]').first().waitFor();
      expect(await fits(), `the digest at ${width} px`).toBe(true);
      await narrow.getByRole('link', { name: 'Library' }).click({ timeout: 5_000 });
      await narrow.getByRole('searchbox', { name: 'Search your library' }).waitFor();
      expect(await fits(), `the Library at ${width} px`).toBe(true);
      await narrow.getByRole('link', { name: 'Digest' }).click({ timeout: 5_000 });
    }
    await narrow.close();
  });

  it('says that a check of arXiv failed in a window too narrow for the sync status, and stops once one succeeds', async () => {
    const narrow = await h.open('newtab.html');
    await narrow.setViewportSize({ width: 800, height: 700 });
    await narrow.locator('[data-testid="paper-card"]').first().waitFor();
    h.fake.misbehave('503-retry-after');
    await sendMessage(options, 'syncNow', {});
    h.fake.clearMisbehaviour();
    const problem = narrow.getByTestId('sync-problem');
    await expect.poll(() => problem.isVisible()).toBe(true);
    expect(await problem.innerText()).toMatch(/HTTP 503/);
    expect(await narrow.getByTestId('sync-status').isVisible()).toBe(false);
    // Retry before the 120 s arXiv asked for: nothing is sent, and the line says why and when.
    const asked = h.fake.apiRequests().length;
    await problem.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => problem.innerText()).toMatch(/^arXiv asked Paper Radar to wait a while before asking again\. Trying again at /);
    expect(h.fake.apiRequests().length).toBe(asked);
    await letRetryAfterPass(h);
    await problem.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => problem.count(), { timeout: 15_000 }).toBe(0);
    await narrow.close();
  });

  it('writes screenshots of the new tab and the popup, light and dark', async () => {
    await digest.evaluate(() => window.scrollTo(0, 0));
    for (const scheme of ['light', 'dark'] as const) {
      await digest.emulateMedia({ colorScheme: scheme });
      await digest.screenshot({ path: join(ARTIFACTS_DIR, `newtab-${scheme}.png`) });
      const popup = await h.open('popup.html');
      await popup.setViewportSize({ width: 380, height: 600 });
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.locator('[data-testid="paper-card"]').first().waitFor();
      await popup.screenshot({ path: join(ARTIFACTS_DIR, `popup-${scheme}.png`) });
      await popup.close();
    }
    await digest.emulateMedia({ colorScheme: 'light' });
  });

  it('shows the same unread papers in the popup', async () => {
    const popup = await h.open('popup.html');
    await popup.locator('[data-testid="paper-card"]').first().waitFor();
    const inPopup = await cardIds(popup);
    const stored = await readStoredPapers<StoredPaper>(popup);
    const unreadNewestFirst = newestFirst(stored.filter((p) => p.readAt === undefined));
    expect(inPopup.length).toBeGreaterThan(0);
    expect(inPopup).toEqual(unreadNewestFirst.slice(0, inPopup.length));
    await popup.close();
  });

  it('finds a paper by a word of its abstract', async () => {
    const stored = await readStoredPapers<StoredPaper>(digest);
    // A word that appears in exactly one stored abstract.
    const counts = new Map<string, Set<string>>();
    for (const p of stored) for (const w of p.summary.toLowerCase().match(/[a-z]{9,}/g) ?? []) counts.set(w, (counts.get(w) ?? new Set()).add(p.id));
    const [word, ids] = [...counts].find(([, set]) => set.size === 1)!;
    await digest.getByTestId('search-input').fill(word);
    await expect.poll(() => digest.locator('#search-summary').getAttribute('data-query'), { timeout: 30_000 }).toBe(word);
    await expect.poll(() => cardIds(digest)).toEqual([...ids]);
    await digest.getByTestId('search-input').fill('');
  });

  it('saves from a card into the Library, and the Library shows it', async () => {
    const first = digest.locator('[data-testid="paper-card"]').first();
    const id = await first.getAttribute('data-arxiv-id');
    // The control after Save stays where the pointer left it when "Save" becomes "Saved".
    const next = first.getByTestId('save-toggle').locator('xpath=following-sibling::*[1]');
    const before = await next.boundingBox();
    await first.getByTestId('save-toggle').click();
    await expect.poll(() => first.getByTestId('save-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(await next.boundingBox()).toEqual(before);
    // What a screen reader is told is the word on screen, not the room kept for the longer one.
    expect(await buttonsNamed(digest, 'Saved')).toBe(1);
    await expect.poll(async () => (await readStore<{ id: string }>(digest, 'library')).map((i) => i.id)).toContain(id);
    await digest.getByRole('link', { name: 'Library' }).click();
    await expect.poll(() => cardIds(digest)).toEqual([id]);
    await digest.getByRole('link', { name: 'Digest' }).click();
  });

  it('hides one paper when Hide is clicked twice: the hidden card’s place stays until the pointer leaves the column of cards', async () => {
    const cards = digest.locator('[data-testid="paper-card"]');
    await cards.nth(2).waitFor();
    const before = await cardIds(digest);
    const hiddenBefore = (await readStoredPapers<StoredPaper & { hiddenAt?: number }>(digest)).filter((p) => p.hiddenAt !== undefined).length;
    const hide = cards.nth(1).locator('[data-action="hide"]');
    await hide.scrollIntoViewIfNeeded();
    // Its Hide near the window's bottom: the next card, which takes the focus, lies under the message that comes.
    const height = await digest.evaluate(() => window.innerHeight);
    await digest.evaluate((by) => window.scrollBy(0, by), (await hide.boundingBox())!.y - (height - 220));
    const scrolled = await digest.evaluate(() => window.scrollY);
    const card = (await cards.nth(1).boundingBox())!;
    const button = (await hide.boundingBox())!;
    const [x, y] = [button.x + button.width / 2, button.y + button.height / 2];
    await digest.mouse.click(x, y);
    await expect.poll(() => cardIds(digest)).toEqual(before.filter((id) => id !== before[1]));
    // Under the pointer: the place the card held, as large as the card was (the page did not scroll); a second click there does nothing.
    await expect.poll(() => digest.getByText('Paper hidden.').count()).toBe(1);
    expect(await digest.evaluate(() => window.scrollY)).toBe(scrolled);
    const place = digest.locator('.held-place');
    expect(await place.boundingBox()).toEqual(card);
    await digest.mouse.click(x, y);
    await digest.waitForTimeout(300);
    expect(await cardIds(digest)).toEqual(before.filter((id) => id !== before[1]));
    expect((await readStoredPapers<StoredPaper & { hiddenAt?: number }>(digest)).filter((p) => p.hiddenAt !== undefined)).toHaveLength(hiddenBefore + 1);
    // Down the column, on the way to the next card, it stays; beside the column, the cards close up: the next one takes the hidden one's place.
    await digest.mouse.move(x, card.y + card.height + 40, { steps: 5 });
    expect(await place.boundingBox()).toEqual(card);
    await digest.mouse.move(card.x - 20, card.y + card.height + 40, { steps: 5 });
    await expect.poll(() => place.count()).toBe(0);
    expect((await cards.nth(1).boundingBox())!.y).toBe(card.y);
    await digest.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => cardIds(digest)).toEqual(before);

    // Hidden again, and the reader reads on with the wheel: the place scrolled out of the window goes.
    const again = (await hide.boundingBox())!;
    await digest.mouse.click(again.x + again.width / 2, again.y + again.height / 2);
    await expect.poll(() => place.count()).toBe(1);
    await digest.mouse.wheel(0, 1_500);
    await expect.poll(() => place.count()).toBe(0);
    await digest.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => cardIds(digest)).toEqual(before);
  });
});

describe('saved state across arXiv tabs and the Library', () => {
  it('unsaving in the Library updates an open arXiv page', async () => {
    const arxiv = await h.context.newPage();
    await arxiv.goto('https://arxiv.org/abs/1706.03762');
    await expect.poll(() => pressedOf(arxiv, '1706.03762')).toBe('false');
    await pressSaveControl(arxiv, '1706.03762');
    await expect.poll(() => pressedOf(arxiv, '1706.03762'), { timeout: 15_000 }).toBe('true');
    await digest.getByRole('link', { name: 'Library' }).click();
    const card = digest.locator('[data-testid="paper-card"][data-arxiv-id="1706.03762"]');
    await expect.poll(() => card.locator('h2, h3').first().innerText(), { timeout: 15_000 }).toContain('Attention Is All You Need');
    await card.getByTestId('save-toggle').click();
    await expect.poll(() => pressedOf(arxiv, '1706.03762'), { timeout: 10_000 }).toBe('false');
    await arxiv.close();
  });
});
