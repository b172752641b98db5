import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headingSkips, seriousViolations, type Violation } from './axe';
import { launch, subscribe, type Harness } from './harness';

// axe-core (pinned in package.json) on every page of the extension, in the light and the dark
// theme: no serious or critical violation of WCAG 2.2 A/AA. The pages are looked at as a user
// leaves them: the first run, then with papers, a saved paper, a search typed, rows opened.

let h: Harness;

beforeAll(async () => {
  h = await launch({ keepWelcome: true });
});
afterAll(async () => h?.close());

const SCHEMES = ['light', 'dark'] as const;

/**
 * The violations in each theme, as `theme: rule (elements)` lines, and headings that skip a
 * level; empty when there are none.
 */
async function auditBothThemes(page: Page): Promise<string[]> {
  const found = (await headingSkips(page)).map((skip) => `heading order: ${skip}`);
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    const violations: Violation[] = await seriousViolations(page);
    for (const v of violations) found.push(`${scheme}: ${v.rule} (${v.impact}) ${v.help}\n    ${v.nodes.slice(0, 5).join('\n    ')}`);
  }
  return found;
}

const welcome = () => h.context.pages().find((page) => page.url().endsWith('/newtab.html'));

describe('accessibility (axe-core, WCAG 2.2 AA), light and dark', () => {
  it('the new tab on the first run', async () => {
    await expect.poll(() => welcome() !== undefined, { timeout: 10_000 }).toBe(true);
    const page = welcome()!;
    await page.getByTestId('subscription-input').waitFor();
    expect(await auditBothThemes(page)).toEqual([]);
    await page.close();
  });

  it('options, with a subscription', async () => {
    const options = await h.open('options.html');
    await subscribe(options, 'testing', 40);
    await options.getByTestId('subscription-row').first().waitFor();
    expect(await auditBothThemes(options)).toEqual([]);
    await options.close();
  });

  it('the new tab’s feed, as cards with an abstract opened, and as compact rows with one opened', async () => {
    const tab = await h.open('newtab.html');
    await tab.getByTestId('paper-card').first().waitFor();
    await tab.getByRole('button', { name: 'Show full abstract' }).first().click();
    expect(await auditBothThemes(tab)).toEqual([]);
    await tab.getByRole('group', { name: 'Density' }).getByRole('button', { name: 'Compact' }).click();
    await tab.locator('.row').first().waitFor();
    await tab.locator('.row').first().getByRole('button', { name: 'Details' }).click();
    expect(await auditBothThemes(tab)).toEqual([]);
    await tab.close();
  });

  it('the new tab’s search results, as rows and as cards', async () => {
    const tab = await h.open('newtab.html');
    await tab.getByTestId('paper-card').first().waitFor();
    await tab.getByTestId('search-input').fill('metamorphic');
    await expect.poll(() => tab.locator('#search-summary').getAttribute('data-query'), { timeout: 15_000 }).toBe('metamorphic');
    // The first answers may come while the stored papers are still being read.
    await expect.poll(() => tab.getByTestId('paper-card').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => tab.locator('.search-results').getAttribute('aria-busy')).toBe('false');
    // As rows (the view the previous page left chosen), then as cards.
    expect(await tab.locator('.search-results .row').count()).toBeGreaterThan(0);
    expect(await auditBothThemes(tab)).toEqual([]);
    await tab.getByRole('group', { name: 'Density' }).getByRole('button', { name: 'Cards' }).click();
    await tab.locator('.search-results .card').first().waitFor();
    expect(await auditBothThemes(tab)).toEqual([]);
    await tab.close();
  });

  it('the library, with a saved paper', async () => {
    const tab = await h.open('newtab.html');
    await tab.getByTestId('paper-card').first().getByTestId('save-toggle').click();
    await tab.getByRole('link', { name: 'Library' }).click();
    await tab.locator('.library').getByTestId('paper-card').first().waitFor();
    expect(await auditBothThemes(tab)).toEqual([]);
    await tab.close();
  });

  it('the popup', async () => {
    const popup = await h.open('popup.html');
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByTestId('paper-card').first().waitFor();
    expect(await auditBothThemes(popup)).toEqual([]);
    await popup.close();
  });
});
