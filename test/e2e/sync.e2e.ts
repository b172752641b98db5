import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeText, launch, minimumGap, notificationIds, readStore, sendMessage, subscribe, syncState, readStoredPapers, type Harness } from './harness';

let h: Harness;
let options: Page;

beforeAll(async () => {
  h = await launch();
  options = await h.open('options.html');
});
afterAll(async () => h?.close());

describe('syncing in Chromium against the fake arXiv', () => {
  it('adds a subscription in the options page and stores its papers after one sync', async () => {
    await subscribe(options, 'testing', 40);
    expect(await readStoredPapers(options)).toHaveLength(40);
    expect(await options.getByTestId('subscription-row').count()).toBe(1);
  });

  it('shows the number of new papers on the badge and sends one notification', async () => {
    await expect.poll(() => badgeText(h)).toBe('40');
    expect(await notificationIds(h)).toEqual(['paper-radar:new-papers']);
  });

  it('clears the badge when the user has seen the papers', async () => {
    await sendMessage(options, 'markSeen', {});
    await expect.poll(() => badgeText(h)).toBe('');
  });

  it('costs one request when nothing is new, never two requests closer than 3 s', async () => {
    const before = h.fake.apiRequests().length;
    const summary = await sendMessage<{ added: number; state: string }>(options, 'syncNow', {});
    expect(summary).toMatchObject({ added: 0, state: 'ok' });
    expect(h.fake.apiRequests().length - before).toBe(1);
    expect(minimumGap(h.fake.apiRequests().map((r) => r.at))).toBeGreaterThanOrEqual(3000);
    expect(await syncState(options)).toMatchObject({ state: 'ok' });
  });
});
