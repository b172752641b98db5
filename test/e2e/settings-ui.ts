import type { Page } from 'playwright-core';
import type { Harness } from './harness';
import { until } from './reliability-fault-cases';

declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

/**
 * Sets "Papers kept per subscription" on the options page as a user does (saying yes when a lower
 * number asks before it removes papers), and waits until it is stored.
 */
export async function keepPerSubscription(h: Harness, options: Page, papers: number): Promise<void> {
  const field = options.getByLabel('Papers kept per subscription');
  await field.fill(String(papers));
  await field.press('Enter');
  const question = options.getByRole('group', { name: 'Keep fewer papers?' });
  let answered = false;
  await until(async () => {
    if (!answered && (await question.isVisible())) {
      await question.getByRole('button', { name: /^Remove / }).click();
      answered = true;
    }
    const stored = await (await h.worker()).evaluate(() => chrome.storage.local.get('settings'));
    return (stored.settings as { papersPerSubscription?: number } | undefined)?.papersPerSubscription === papers;
  }, `${papers} papers kept per subscription`, 120_000);
}
