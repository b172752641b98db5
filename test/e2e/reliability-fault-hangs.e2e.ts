import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorld, countStore, gapSince, matrixLine, savablePapers, until } from './reliability-fault-cases';
import { launch, readStore, subscribe, syncState, readStoredPapers, type Harness } from './harness';
import { pressedOf, pressSaveControl, titleOf } from './save-controls';

// The timeout family (a hung connection costs the full 30 s) once per column: first sync of
// a subscription, options Preview, metadata of a paper saved from its page. "Later sync" is
// in faults-timeouts.e2e.ts.
let h: Harness;
let options: Page;
const lines: string[] = [];

beforeAll(async () => {
  h = await launch();
  options = await h.open('options.html');
  await subscribe(options, 'testing', 40);
});
afterAll(async () => {
  console.log(`hang × column → status → recovery\n${lines.join('\n')}`);
  await h?.close();
});

/** The hung request was given up after 30 s; the retry came at least 3 s after that. */
function expectAbandonedAndRetried(started: number): void {
  const [hung, retry] = h.fake.apiRequests().slice(started);
  expect(hung?.answer).toBe('hang');
  expect(retry!.at - hung!.at).toBeGreaterThanOrEqual(30_000);
  expect(gapSince(h, started)).toBeGreaterThanOrEqual(3_000);
}

describe('when arXiv hangs', () => {
  it('during the first sync of a new subscription: abandoned after 30 s, retried, filled', async () => {
    const ids = addWorld(h, 'juliet', 5, 500);
    const before = await (await readStoredPapers(options)).length;
    h.fake.misbehave('hang');
    const started = h.fake.apiRequests().length;
    await options.getByTestId('subscription-input').fill('juliet');
    await options.getByTestId('subscription-input').press('Enter');
    await until(async () => (await syncState(options)).state === 'syncing', 'the sync started');
    await until(async () => (await syncState(options)).state === 'ok', 'the sync finished');
    const papers = await readStoredPapers<{ id: string }>(options);
    expect(papers).toHaveLength(before + 5);
    expect(papers.map((p) => p.id)).toEqual(expect.arrayContaining(ids));
    expectAbandonedAndRetried(started);
    lines.push(matrixLine('hang', 1, 'syncing, retried after 30 s', 'filled in the same sync'));
  });

  it('during a preview: the page waits, the request is abandoned after 30 s, the retry shows the papers', async () => {
    const form = options.locator('.subscription-form-add');
    const stored = await readStoredPapers(options);
    h.fake.misbehave('hang');
    const started = h.fake.apiRequests().length;
    await options.getByTestId('subscription-input').fill('testing kilo');
    await form.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toMatch(/Waiting for arXiv/);
    await expect.poll(() => form.locator('.preview-results li[data-arxiv-id]').count(), { timeout: 60_000 }).toBe(5);
    expect(await readStoredPapers(options)).toEqual(stored);
    expectAbandonedAndRetried(started);
    await options.getByTestId('subscription-input').fill('');
    lines.push(matrixLine('hang', 1, '"Waiting for arXiv", retried after 30 s', 'preview shows 5 papers'));
  });

  it('while a paper saved from its page is looked up: pending meanwhile, completed by the retry', async () => {
    const id = savablePapers(h)[0]!;
    const arxiv = await h.context.newPage();
    h.fake.misbehave('hang');
    const started = h.fake.apiRequests().length;
    await arxiv.goto(`https://arxiv.org/abs/${id}`);
    await expect.poll(() => pressedOf(arxiv, id)).toBe('false');
    await pressSaveControl(arxiv, id);
    await until(async () => h.fake.apiRequests().length > started, 'the lookup was made');
    expect((await readStore<{ id: string; pending?: number }>(options, 'library')).find((item) => item.id === id)?.pending).toBe(1);
    expect(await titleOf(arxiv, id)).toMatch(/asks arXiv for its title and abstract/);
    await until(async () => (await readStore<{ id: string; pending?: number }>(options, 'library')).find((item) => item.id === id)?.pending === undefined, 'the save completed', 60_000);
    expect((await readStoredPapers<{ id: string; title: string }>(options)).find((p) => p.id === id)?.title).toBeTruthy();
    await expect.poll(() => titleOf(arxiv, id)).toMatch(/^Saved in Paper Radar/);
    expectAbandonedAndRetried(started);
    lines.push(matrixLine('hang', 1, 'saved, pending, retried after 30 s', 'completed by the retry'));
    await arxiv.close();
  });
});
