import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopWorker, until, watchWorker } from './reliability-fault-cases';
import { launch, readStore, sendMessage, syncState, readStoredPapers, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

describe('a service worker stopped in the middle of a sync', () => {
  it('resumes on its next wake and finishes without repeating work or duplicating papers', async () => {
    h.fake.addDerivedWorld('radar', 250);
    const options = await h.open('options.html');
    // The second page of the new subscription's first fill hangs: the worker is stopped while waiting for it.
    h.fake.misbehave('pass', 'hang');
    await options.getByTestId('subscription-input').fill('radar');
    await options.getByTestId('subscription-input').press('Enter');
    await until(async () => h.fake.apiRequests().length >= 2, 'the second page was requested');
    await until(async () => (await readStoredPapers(options)).length === 100, 'the first page was stored');

    const worker = await watchWorker(options);
    await stopWorker(worker.cdp, worker.versions);

    // Any event wakes the worker; here the page asks it something.
    await sendMessage(options, 'getSavedIds', { ids: [] });
    await until(async () => (await syncState(options)).state === 'ok', 'the resumed sync finished');

    const papers = await readStoredPapers<{ id: string; subs: string[] }>(options);
    expect(papers).toHaveLength(200); // the retention size of a new subscription
    expect(papers.every((p) => p.subs.length === 1)).toBe(true);
    const starts = h.fake.apiRequests().map((r) => new URLSearchParams(r.path.split('?')[1]).get('start'));
    // Page 1 once; page 2 twice (the hung request, then after the restart); nothing else.
    expect(starts).toEqual(['0', '100', '100']);
    const meta = await readStore<{ key: string }>(options, 'meta');
    expect(meta.some((m) => m.key === 'syncRun')).toBe(false);
  });
});
