import { writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, readStore, readStoredPapers, subscribe, syncState, type Harness } from './harness';
import { until } from './reliability-fault-cases';

/*
 * The options page where a first week of use went wrong (issue 17): a category arXiv does not
 * have, a typo in "Papers kept per subscription", a backup whose follow-up sync fails.
 */
declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

let h: Harness;
let options: Page;
beforeAll(async () => {
  h = await launch();
  options = await h.open('options.html');
});
afterAll(async () => h?.close());

const kept = async () => {
  const stored = await (await h.worker()).evaluate(() => chrome.storage.local.get('settings'));
  return (stored.settings as { papersPerSubscription?: number } | undefined)?.papersPerSubscription ?? 200;
};
const idle = () => until(async () => (await syncState(options)).state !== 'syncing', 'the sync finished', 60_000);

describe('a category subscription', () => {
  it('to a category arXiv does not have is not added unasked, and the one meant is offered', async () => {
    await options.locator('.subscription-form-add .kind', { hasText: 'Category' }).click();
    const input = options.getByTestId('subscription-input');
    await input.fill('distributed');
    const form = options.locator('.subscription-form-add');
    // Typed into the field, the word is looked up: the suggestions are the advice, not an error.
    await expect.poll(() => form.getByRole('option', { name: /^cs\.DC Distributed, Parallel, and Cluster Computing/ }).count()).toBe(1);
    expect(await form.locator('.problems-error').count()).toBe(0);
    expect(await options.getByTestId('subscription-add').getAttribute('aria-disabled')).toBe('true');
    // Enter with no suggestion chosen adds nothing, closes the list and says what is wrong.
    await input.press('Enter');
    await expect.poll(() => form.locator('.problems-error').innerText()).toContain('Did you mean "cs.DC" (Distributed, Parallel, and Cluster Computing)?');
    expect(await form.getByRole('option').count()).toBe(0);
    expect(await form.locator('.query-line').count()).toBe(0);

    await input.fill('cs.XYZ');
    await expect.poll(() => form.locator('.problems-error').innerText()).toContain(`"cs.XYZ" is not one of arXiv’s categories`);
    await input.press('Enter');
    await options.waitForTimeout(300);
    expect(await readStore(options, 'subscriptions')).toEqual([]);

    await form.getByRole('checkbox', { name: /Add it anyway/ }).check();
    await options.getByTestId('subscription-add').click();
    await expect.poll(async () => (await readStore<{ value: string }>(options, 'subscriptions')).map((s) => s.value)).toEqual(['cs.XYZ']);
    await idle();
  });
});

describe('papers kept per subscription', () => {
  it('a typo is said, not turned into 10; a lower number asks first, says how many, and is undone', async () => {
    const ids = h.fake.addDerivedWorld('hundred', 101);
    await options.locator('.subscription-form-add .kind', { hasText: 'Keyword' }).click();
    await subscribe(options, 'hundred', ids.length);
    const field = options.getByLabel('Papers kept per subscription');

    await field.fill('5');
    await field.press('Tab');
    await expect.poll(() => options.locator('#settings [role="alert"]').innerText()).toContain('a whole number from 10 to 2000');
    expect(await kept()).toBe(200);
    expect(await readStoredPapers(options)).toHaveLength(101);

    await field.fill('10');
    await field.press('Enter');
    const question = options.getByRole('group', { name: 'Keep fewer papers?' });
    await expect.poll(() => question.innerText()).toContain('Keeping 10 papers per subscription removes 91 papers from your feed now.');
    expect(await readStoredPapers(options)).toHaveLength(101);
    await question.getByRole('button', { name: 'Remove 91 papers' }).click();
    await expect.poll(async () => (await readStoredPapers(options)).length).toBe(10);
    // The papers go first, then the setting is stored.
    await expect.poll(kept).toBe(10);

    await options.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await readStoredPapers(options)).length).toBe(101);
    await expect.poll(kept).toBe(200);
  });
});

describe('a backup’s subscriptions', () => {
  it('whose first sync fails: the page says so', async () => {
    await idle();
    const subscription = (value: string, order: number) => ({
      id: `imported-${order}`,
      kind: 'keyword',
      value,
      categories: [],
      exclude: [],
      label: value,
      enabled: true,
      order,
      createdAt: Date.UTC(2026, 7, 1),
    });
    const backup = {
      format: 'paper-radar-backup',
      version: 1,
      exportedAt: '2026-08-14T09:30:00.000Z',
      subscriptions: [subscription('quantum error correction', 0), subscription('testing', 1)],
      library: [],
      settings: {},
    };
    const path = '/tmp/paper-radar-e2e-import.json';
    await writeFile(path, JSON.stringify(backup));
    h.fake.misbehave('error-feed');
    await options.getByTestId('import-file').setInputFiles(path);
    await options.getByRole('group', { name: 'Import this backup?' }).getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => options.locator('#backup').getByText('Imported 2 subscriptions and 0 papers.').count()).toBe(1);
    const failure = options.locator('#backup [data-first-sync="failed"]');
    await expect.poll(() => failure.count(), { timeout: 30_000 }).toBe(1);
    expect(await failure.innerText()).toMatch(/^Their papers could not be fetched yet\. “quantum error correction”: arXiv rejected the query/);
    expect(await failure.getAttribute('role')).toBe('alert');
  });
});
