import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch, minimumGap, readStore, sendMessage, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

it('syncs a subscription against the fake arXiv', async () => {
  const page = await h.open('manifest.json');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('paper-radar');
        open.onsuccess = () => {
          const tx = open.result.transaction('subscriptions', 'readwrite');
          tx.objectStore('subscriptions').put({ id: 's1', kind: 'keyword', value: 'testing', categories: [], exclude: [], label: 'testing', enabled: true, order: 0, createdAt: Date.now() });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  const summary = await sendMessage<{ added: number }>(page, 'syncNow', { subscriptionIds: ['s1'] });
  expect(summary.added).toBe(40);
  expect(await readStore(page, 'papers')).toHaveLength(40);
  console.log(h.fake.log);
  expect(minimumGap(h.fake.apiRequests().map((r) => r.at))).toBeGreaterThanOrEqual(3000);
});
