import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_ROWS, gapSince, matrixLine, savablePapers, stopWorker, until, watchWorker } from './reliability-fault-cases';
import { launch, letRetryAfterPass, readStore, sendMessage, subscribe, readStoredPapers, type Harness } from './harness';
import { pressedOf, pressSaveControl, titleOf } from './save-controls';

// Column "metadata fetch for a paper saved from a page": arXiv misbehaves while the background
// looks up (id_list) a paper just saved with the Save button on its abstract page.
// (The hang family: reliability-fault-hangs.)
let h: Harness;
let options: Page;
let arxiv: Page;
let worker: { cdp: CDPSession; versions: { versionId: string; runningStatus: string }[] };
let papers: string[];
const lines: string[] = [];
const METADATA_ALARM = 'paper-radar:metadata';

declare const chrome: {
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined>; clear(name: string): Promise<boolean> };
};

beforeAll(async () => {
  h = await launch();
  papers = savablePapers(h);
  options = await h.open('options.html');
  await subscribe(options, 'testing', 40);
  arxiv = await h.context.newPage();
  worker = await watchWorker(options);
});
afterAll(async () => {
  console.log(`misbehaviour × metadata of a paper saved from its page → status → recovery\n${lines.join('\n')}`);
  await h?.close();
});

interface Item {
  id: string;
  pending?: number;
}

const alarm = async () => (await h.worker()).evaluate((name) => chrome.alarms.get(name), METADATA_ALARM);

describe('when arXiv misbehaves while a paper saved from its page is looked up', () => {
  it.each(FAULT_ROWS.map((row, i) => [...row, i] as const))('%s ×%i: the save is kept as pending, the next wake completes it', async (kind, times, _message, i) => {
    const id = papers[i]!;
    const stored = await readStoredPapers<{ id: string }>(options);
    const library = await readStore<Item>(options, 'library');
    // A retry planned by an earlier case would stand in for this one's.
    await (await h.worker()).evaluate((name) => chrome.alarms.clear(name), METADATA_ALARM);
    h.fake.clearMisbehaviour();
    h.fake.misbehave(...Array(times).fill(kind));
    const started = h.fake.apiRequests().length;

    await arxiv.goto(`https://arxiv.org/abs/${id}`);
    await expect.poll(() => pressedOf(arxiv, id)).toBe('false');
    await pressSaveControl(arxiv, id);
    await until(async () => h.fake.apiRequests().length >= started + times, 'the lookups were made');
    const unavailable = kind !== 'error-feed';
    if (unavailable) await until(async () => (await alarm()) !== undefined, 'a retry was planned');
    else await new Promise((resolve) => setTimeout(resolve, 1_000));

    // Saved, marked pending, nothing else touched; the page says arXiv is still asked for it.
    expect(await readStore<Item>(options, 'library')).toEqual(expect.arrayContaining([...library, expect.objectContaining({ id, pending: 1 })]));
    expect(await readStoredPapers(options)).toEqual(stored);
    expect(await pressedOf(arxiv, id)).toBe('true');
    expect(await titleOf(arxiv, id)).toMatch(/asks arXiv for its title and abstract/);
    // arXiv asks for a retry later (15 minutes, or its Retry-After); an error feed plans none:
    // the save waits for the worker's next wake.
    const planned = await alarm();
    if (unavailable) expect(planned!.scheduledTime).toBeGreaterThan(Date.now() + 60_000);
    else expect(planned).toBeUndefined();
    expect(h.fake.apiRequests().slice(started).every((r) => r.path.includes(`id_list=${id}`))).toBe(true);

    // The worker idles out and wakes again (here: a message from a page): pending saves complete.
    h.fake.clearMisbehaviour();
    await letRetryAfterPass(h);
    await stopWorker(worker.cdp, worker.versions);
    await sendMessage(options, 'getSavedIds', { ids: [] });
    await until(async () => (await readStore<Item>(options, 'library')).find((item) => item.id === id)?.pending === undefined, 'the save completed');
    const paper = (await readStoredPapers<{ id: string; title: string; subs: string[] }>(options)).find((p) => p.id === id);
    expect(paper?.title).toBeTruthy();
    expect(paper?.subs).toEqual([]);
    await expect.poll(() => titleOf(arxiv, id)).toMatch(/^Saved in Paper Radar/);
    expect(await readStore(options, 'library')).toHaveLength(library.length + 1);
    expect(gapSince(h, started)).toBeGreaterThanOrEqual(3_000);
    lines.push(matrixLine(kind, times, unavailable ? 'saved, pending, retry planned' : 'saved, pending', 'next wake completes it'));
  });
});
