import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopWorker, until, watchWorker } from './reliability-fault-cases';
import { launch, minimumGap, readStore, sendMessage, syncState, readStoredPapers, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

describe('a service worker stopped mid-response', () => {
  it('with the answer\'s headers in and its body cut short: resumes on the next wake, no repeats, no duplicates', async () => {
    h.fake.addDerivedWorld('radar', 250);
    const options = await h.open('options.html');
    // The second page of the new subscription's first fill starts its answer and stops.
    h.fake.misbehave('pass', 'slow-body');
    await options.getByTestId('subscription-input').fill('radar');
    await options.getByTestId('subscription-input').press('Enter');
    await until(async () => h.fake.apiRequests().length >= 2, 'the second page was requested');
    await until(async () => (await readStoredPapers(options)).length === 100, 'the first page was stored');
    expect(h.fake.apiRequests()[1]!.answer).toBe('slow-body');

    const worker = await watchWorker(options);
    await stopWorker(worker.cdp, worker.versions);
    // Nothing of the half-sent page was stored.
    expect(await readStoredPapers(options)).toHaveLength(100);

    await sendMessage(options, 'getSavedIds', { ids: [] });
    await until(async () => (await syncState(options)).state === 'ok', 'the resumed sync finished');
    const papers = await readStoredPapers<{ id: string; subs: string[] }>(options);
    expect(papers).toHaveLength(200);
    expect(new Set(papers.map((p) => p.id)).size).toBe(200);
    const starts = h.fake.apiRequests().map((r) => new URLSearchParams(r.path.split('?')[1]).get('start'));
    expect(starts).toEqual(['0', '100', '100']);
    expect(minimumGap(h.fake.apiRequests().map((r) => r.at))).toBeGreaterThanOrEqual(3_000);
    expect((await readStore<{ key: string }>(options, 'meta')).some((m) => m.key === 'syncRun')).toBe(false);
  });
});
