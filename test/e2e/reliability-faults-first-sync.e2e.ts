import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_ROWS, addWorld, countStore, gapSince, matrixLine, until } from './reliability-fault-cases';
import { badgeText, launch, letRetryAfterPass, readStore, readStoredPapers, sendMessage, subscribe, syncState, type Harness } from './harness';

// Column "first sync of a subscription": arXiv misbehaves while a subscription just added in
// the options page is fetched for the first time. (The hang family: reliability-fault-hangs.)
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
  console.log(`misbehaviour × first sync of a subscription → status → recovery\n${lines.join('\n')}`);
  await h?.close();
});

interface Row {
  id: string;
  subscriptionId: string;
  subs: string[];
  lastError?: string;
}

describe('when arXiv misbehaves during the first sync of a new subscription', () => {
  it.each(FAULT_ROWS.map((row, i) => [...row, i] as const))('%s ×%i: earlier papers stay, the subscription says what happened, the next sync fills it', async (kind, times, message, i) => {
    const word = WORDS[i]!;
    const ids = addWorld(h, word, 5, i * 10);
    const papersBefore = await (await readStoredPapers(options)).length;
    const savedBefore = await readStore(options, 'library');
    h.fake.clearMisbehaviour();
    h.fake.misbehave(...Array(times).fill(kind));
    const started = h.fake.apiRequests().length;

    await options.getByTestId('subscription-input').fill(word);
    await options.getByTestId('subscription-input').press('Enter');
    await until(async () => (await syncState(options)).state === 'error', `the first sync of "${word}" failed`);
    const subscription = (await readStore<{ id: string; value: string }>(options, 'subscriptions')).find((s) => s.value === word)!;
    const state = await syncState(options);
    expect(state.message).toMatch(message);
    const status = (await readStore<Row>(options, 'syncStatus')).find((r) => r.subscriptionId === subscription.id);
    expect(status?.lastError).toMatch(message);
    // The user sees it on the new subscription's row, and on the badge.
    const row = options.locator(`[data-testid="subscription-row"][data-subscription-id="${subscription.id}"]`);
    await expect.poll(() => row.locator('.sync-error').textContent()).toMatch(message);
    await expect.poll(() => badgeText(h)).toBe('!');
    expect(await (await readStoredPapers(options)).length).toBe(papersBefore);
    expect(await readStore(options, 'library')).toEqual(savedBefore);

    h.fake.clearMisbehaviour();
    await letRetryAfterPass(h);
    await sendMessage(options, 'syncNow', { subscriptionIds: [subscription.id] });
    expect(await syncState(options)).toMatchObject({ state: 'ok' });
    const papers = await readStoredPapers<Row>(options);
    expect(papers.filter((p) => p.subs.includes(subscription.id)).map((p) => p.id).sort()).toEqual([...ids].sort());
    expect(papers).toHaveLength(papersBefore + 5);
    expect((await readStore<Row>(options, 'syncStatus')).find((r) => r.subscriptionId === subscription.id)?.lastError).toBeUndefined();
    expect(await badgeText(h)).not.toBe('!');
    expect(gapSince(h, started)).toBeGreaterThanOrEqual(3_000);
    lines.push(matrixLine(kind, times, `error: ${state.message}`, 'next sync fills it'));
  });
});
