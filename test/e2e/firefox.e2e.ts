import type { Page } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { entryId } from '../helpers/fake-arxiv-feed';
import { launchFirefox, type FirefoxHarness, type InstallKind } from './firefox-harness';
import { minimumGap } from './harness';

// The Firefox build in Debian's Firefox ESR, as a user meets it. The other end-to-end files,
// and the benchmark's measurements (which use Chrome's DevTools protocol), run in Chromium only.

const cards = '[data-testid="paper-card"]';
/**
 * The Save control's host on an abstract page: the last item of the "Access Paper" list, a span
 * with nothing in it the page can see (its button is in a closed shadow root, out of reach of
 * the page's scripts and of puppeteer's selectors alike). A mouse click at its place presses it.
 */
const saveOnArxiv = '.extra-services .full-text ul > li:last-child > span:empty';

const cardIds = (page: Page) => page.$$eval(cards, (found) => found.map((card) => card.getAttribute('data-arxiv-id') ?? ''));
const textOf = (page: Page) => page.evaluate(() => document.body.innerText);

let h: FirefoxHarness | undefined;
afterEach(async () => {
  // When a step fails, what the extension reported is often why.
  const errors = h?.errors() ?? [];
  if (errors.length > 0) console.log(`Firefox reported errors from the extension:\n${errors.join('\n')}`);
  await h?.close();
  h = undefined;
});

/** The tab installing opened, once it shows the digest. */
async function welcomeTab(firefox: FirefoxHarness): Promise<Page> {
  let tab: Page | undefined;
  await expect.poll(async () => (tab = await firefox.tabAt('/newtab.html')), { timeout: 15_000 }).toBeDefined();
  await tab!.waitForSelector('[data-testid="subscription-input"]');
  return tab!;
}

/** How Firefox says the add-on was installed: `normal`, or `development` for a temporary add-on. */
const installType = (page: Page) =>
  page.evaluate(async () => {
    const { browser } = globalThis as unknown as { browser: { management: { getSelf(): Promise<{ installType: string }> } } };
    return (await browser.management.getSelf()).installType;
  });

describe.each<[InstallKind, string, string]>([
  ['permanent', 'the package for addons.mozilla.org, installed permanently', 'normal'],
  ['temporary', 'the unpacked build, loaded as a temporary add-on', 'development'],
])('Firefox ESR: %s install', (install, what, expectedInstallType) => {
  it(`${what}: first run, a keyword, its cards on the new tab and in the popup, Save on arXiv, the library`, async () => {
    const firefox = (h = await launchFirefox(install));

    // Installing opens the digest, which asks for a first keyword; one sync brings its papers.
    const digest = await welcomeTab(firefox);
    expect(await installType(digest)).toBe(expectedInstallType);
    expect(await textOf(digest)).toMatch(/arXiv/);
    await digest.type('[data-testid="subscription-input"]', 'testing');
    await digest.click('[data-testid="subscription-add"]');
    await digest.waitForSelector(cards, { timeout: 30_000 });
    const onDigest = await cardIds(digest);
    expect(onDigest.length).toBeGreaterThan(0);
    expect(firefox.fake.world.get('testing')!.map(entryId)).toEqual(expect.arrayContaining(onDigest));

    // A new tab shows the same papers, read back from the extension's database.
    const newTab = await firefox.open('newtab.html');
    await newTab.waitForSelector(cards);
    await expect.poll(() => cardIds(newTab)).toEqual(onDigest);
    expect(await textOf(newTab)).toContain('testing');
    // Firefox reports the first contentful paint, on which the page loads its database side
    // (components/common/load-data.ts), rather than waiting for the hidden tab's 250 ms.
    const firstPaints = (page: Page) => page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length);
    expect(await firstPaints(newTab)).toBe(1);

    // The popup lists the unread papers.
    const popup = await firefox.open('popup.html');
    await popup.waitForSelector(cards);
    const inPopup = await cardIds(popup);
    expect(inPopup.length).toBeGreaterThan(0);
    expect(onDigest).toEqual(expect.arrayContaining(inPopup));
    expect(await firstPaints(popup)).toBe(1);

    // On an arXiv abstract page the content script adds Save; one click saves the paper.
    const abs = await firefox.newPage();
    await abs.goto('https://arxiv.org/abs/1706.03762');
    const save = (await abs.waitForSelector(saveOnArxiv, { visible: true }))!;
    // Nothing of it reaches the page: no shadow root, no button, no pressed state to read.
    expect(await save.evaluate((host) => [host.shadowRoot, host.childNodes.length, document.querySelector('[data-paper-radar-save]')])).toEqual([null, 0, null]);
    await save.click();

    // The digest's Library shows it, with the title arXiv's API gave.
    await digest.bringToFront();
    await (await digest.waitForSelector('::-p-aria([name="Library"][role="link"])'))!.click();
    await expect.poll(() => cardIds(digest), { timeout: 15_000 }).toEqual(['1706.03762']);
    // Its details arrive from arXiv's API after the save, 3 s after the previous request at most.
    await expect.poll(() => digest.$eval(cards, (card) => card.textContent ?? ''), { timeout: 15_000 }).toContain('Attention Is All You Need');

    expect(minimumGap(firefox.fake.apiRequests().map((r) => r.at))).toBeGreaterThanOrEqual(3000);
    expect(firefox.errors()).toEqual([]);
    // About 20 s on a quiet machine; up to 86 s seen with a cold Firefox beside five Chromium files.
  }, 180_000);
});
