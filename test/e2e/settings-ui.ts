import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Harness } from './harness';

declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

/** Sets "Papers kept per subscription" on the options page as a user does, and waits until it is stored. */
export async function keepPerSubscription(h: Harness, options: Page, papers: number): Promise<void> {
  const field = options.getByLabel('Papers kept per subscription');
  await field.fill(String(papers));
  await field.press('Enter');
  await expect
    .poll(async () => {
      const stored = await (await h.worker()).evaluate(() => chrome.storage.local.get('settings'));
      return (stored.settings as { papersPerSubscription?: number } | undefined)?.papersPerSubscription;
    })
    .toBe(papers);
}
