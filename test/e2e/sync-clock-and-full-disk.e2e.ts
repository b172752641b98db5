import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeText, launch, readStoredPapers, subscribe, syncState, type Harness } from './harness';
import { until } from './reliability-fault-cases';

/*
 * The sync in two situations a first week met (issue 17): the computer's clock set back a day
 * (the last attempt then lies in the future), and a disk that refuses the sync's very first
 * write.
 */
declare const chrome: {
  alarms: { create(name: string, info: { when: number }): Promise<void> };
  action: { getTitle(details: object): Promise<string> };
};

let h: Harness;
let options: Page;
beforeAll(async () => {
  h = await launch();
  options = await h.open('options.html');
  h.fake.addDerivedWorld('hundred', 101);
  await subscribe(options, 'hundred', 101);
  // After the sync's state, the background sets the next check's alarm and then the badge: an
  // alarm a test creates before that would be replaced.
  await until(async () => (await badgeText(h)) !== '', 'the badge after the first sync', 30_000);
});
afterAll(async () => h?.close());

/** Writes the sync status as the background keeps it, changed by `change` (raw IndexedDB, in an extension page). */
async function changeSyncState(page: Page, change: Record<string, unknown>): Promise<void> {
  await page.evaluate(
    (changes) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('paper-radar');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          const store = tx.objectStore('meta');
          const read = store.get('syncState');
          read.onsuccess = () => store.put({ key: 'syncState', value: { ...(read.result?.value ?? { state: 'ok' }), ...changes } });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    change,
  );
}

/**
 * Makes the worker's IndexedDB refuse every write as a full disk does, with a
 * `QuotaExceededError` (the extension's `unlimitedStorage` lifts the quota DevTools could lower).
 * With `freedByDeletes`, deleting papers makes room again; without, nothing does.
 */
async function fillDisk(worker: Worker, freedByDeletes: boolean): Promise<void> {
  await worker.evaluate((frees) => {
    const g = globalThis as unknown as { __diskFull: boolean; __diskPatched?: boolean; __freedByDeletes: boolean };
    g.__diskFull = true;
    g.__freedByDeletes = frees;
    if (g.__diskPatched) return;
    g.__diskPatched = true;
    const proto = IDBObjectStore.prototype;
    for (const method of ['put', 'add'] as const) {
      const original = proto[method];
      proto[method] = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
        if (g.__diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      };
    }
    const remove = proto.delete;
    proto.delete = function (this: IDBObjectStore, query: IDBValidKey | IDBKeyRange) {
      if (this.name === 'papers' && g.__freedByDeletes) g.__diskFull = false;
      return remove.call(this, query);
    };
  }, freedByDeletes);
}

const emptyDisk = async (worker: Worker) => worker.evaluate(() => ((globalThis as unknown as { __diskFull: boolean }).__diskFull = false));

describe('the clock set back a day', () => {
  it('an alarm that fires while the last attempt lies in the future still syncs', async () => {
    await changeSyncState(options, { lastAttemptAt: Date.now() + 24 * 60 * 60_000 });
    const before = h.fake.apiRequests().length;
    await (await h.worker()).evaluate(() => chrome.alarms.create('paper-radar:sync', { when: Date.now() + 100 }));
    await until(async () => h.fake.apiRequests().length > before, 'a request to arXiv', 20_000);
    await until(async () => (await syncState(options)).state === 'ok', 'the sync finished', 30_000);
  });
});

describe('a disk that refuses the first small write of a sync', () => {
  it('makes room when old papers filled it, syncs, and says it keeps fewer papers', async () => {
    const worker = await h.worker();
    await fillDisk(worker, true);
    const digest = await h.open('newtab.html');
    // What the bar says changes with the sync ("Checking arXiv…", then a long message); the
    // search box beside it keeps its size throughout (it gave and took up to 130 px).
    await digest.getByTestId('sync-status').waitFor();
    await digest.evaluate(() => {
      const widths: number[] = [];
      (window as unknown as { searchWidths: number[] }).searchWidths = widths;
      new ResizeObserver(([entry]) => widths.push(Math.round(entry!.contentRect.width))).observe(document.querySelector('.search')!);
    });
    await digest.getByTestId('sync-now').click();
    await expect.poll(() => digest.getByTestId('sync-status').getAttribute('data-state')).toBe('syncing');
    await until(async () => (await syncState(options)).message?.includes('keeps the newest 100 papers per subscription instead of 200') === true, 'the status said so', 30_000);
    expect((await syncState(options)).state).toBe('ok');
    await expect.poll(() => digest.getByTestId('sync-status').textContent()).toContain('keeps the newest 100');
    expect(new Set(await digest.evaluate(() => (window as unknown as { searchWidths: number[] }).searchWidths)).size).toBe(1);
    expect(await readStoredPapers(options)).toHaveLength(100);
    await emptyDisk(worker);
    await digest.close();
  });

  it('says so where the user looks when nothing can be written at all', async () => {
    const worker = await h.worker();
    await until(async () => (await syncState(options)).state !== 'syncing', 'no sync running', 30_000);
    await fillDisk(worker, false);
    const digest = await h.open('newtab.html');
    await digest.getByTestId('sync-now').click();
    const toast = digest.getByText(/^Your browser has no storage space left for Paper Radar/);
    await expect.poll(() => toast.count(), { timeout: 30_000 }).toBe(1);
    expect(await badgeText(h)).toBe('!');
    expect(await worker.evaluate(() => chrome.action.getTitle({}))).toMatch(/^Paper Radar: Your browser has no storage space left/);
    await emptyDisk(worker);
    await digest.close();
  });
});
