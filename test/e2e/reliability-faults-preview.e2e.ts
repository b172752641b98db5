import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_ROWS, countStore, gapSince, matrixLine } from './reliability-fault-cases';
import { badgeText, launch, letRetryAfterPass, readStore, subscribe, syncState, readStoredPapers, type Harness } from './harness';

// Column "options Preview": arXiv misbehaves while the user previews a query being typed in
// the options page. (The hang family: reliability-fault-hangs.)
let h: Harness;
let options: Page;
const lines: string[] = [];
const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india'];

beforeAll(async () => {
  h = await launch();
  options = await h.open('options.html');
  await subscribe(options, 'testing', 40);
});
afterAll(async () => {
  console.log(`misbehaviour × options Preview → what the page shows → recovery\n${lines.join('\n')}`);
  await h?.close();
});

describe('when arXiv misbehaves during a preview in the options page', () => {
  it.each(FAULT_ROWS.map((row, i) => [...row, i] as const))('%s ×%i: the page says what happened, nothing stored changes, the next preview works', async (kind, times, message, i) => {
    const form = options.locator('.subscription-form-add');
    const preview = form.getByRole('button', { name: 'Preview' });
    const papers = await readStoredPapers(options);
    const stateBefore = await syncState(options);
    h.fake.clearMisbehaviour();
    h.fake.misbehave(...Array(times).fill(kind));
    const started = h.fake.apiRequests().length;

    await options.getByTestId('subscription-input').fill(`testing ${WORDS[i]}`);
    await preview.click();
    const alert = form.getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    const shown = (await alert.textContent()) ?? '';
    expect(shown).toMatch(/^Preview failed: /);
    expect(shown).toMatch(message);
    expect(h.fake.apiRequests().length - started).toBe(times);
    expect(await readStoredPapers(options)).toEqual(papers);
    expect(await syncState(options)).toEqual(stateBefore);
    expect(await badgeText(h)).not.toBe('!');

    h.fake.clearMisbehaviour();
    await letRetryAfterPass(h);
    await preview.click();
    await expect.poll(() => form.locator('.preview-results li[data-arxiv-id]').count(), { timeout: 30_000 }).toBe(5);
    expect(await (await readStoredPapers(options)).length).toBe(papers.length);
    expect(gapSince(h, started)).toBeGreaterThanOrEqual(3_000);
    await options.getByTestId('subscription-input').fill('');
    lines.push(matrixLine(kind, times, shown, 'next preview shows 5 papers'));
  });
});
