import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch, readStore, readStoredPapers, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch({ keepWelcome: true });
});
afterAll(async () => h?.close());

it('a first-time user lands on the digest, follows one keyword there, and sees its cards after one sync', async () => {
  // Installing opens the digest by itself.
  await expect.poll(() => h.context.pages().some((p) => p.url().endsWith('/newtab.html')), { timeout: 10_000 }).toBe(true);
  const digest = h.context.pages().find((p) => p.url().endsWith('/newtab.html'))!;
  await digest.getByTestId('subscription-input').waitFor();
  expect(await digest.locator('body').innerText()).toMatch(/arXiv/);
  await digest.getByTestId('subscription-input').fill('testing');
  await digest.getByTestId('subscription-add').click();
  await digest.locator('[data-testid="paper-card"]').first().waitFor({ timeout: 30_000 });
  const stored = await readStoredPapers<{ id: string }>(digest);
  expect(stored).toHaveLength(40);
  const shown = await digest.locator('[data-testid="paper-card"]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-arxiv-id')));
  expect(shown.length).toBeGreaterThan(0);
  expect(stored.map((p) => p.id)).toEqual(expect.arrayContaining(shown));
  const subscriptions = await readStore<{ value: string; kind: string }>(digest, 'subscriptions');
  expect(subscriptions).toEqual([expect.objectContaining({ kind: 'keyword', value: 'testing' })]);
});
