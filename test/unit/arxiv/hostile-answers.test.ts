import { describe, expect, it } from 'vitest';
import { ArxivClient, MAX_API_BYTES, MAX_PAGE_BYTES } from '../../../lib/arxiv/client';
import { memorySpacingStore } from '../../helpers/fake-fetch';
import { VirtualClock } from '../../helpers/virtual-clock';
import page0 from '../../fixtures/arxiv/api/q_testing_s0_m10_bc5a6c384fe9.xml?raw';

const URL = 'https://export.arxiv.org/api/query?search_query=all:testing&start=0&max_results=10';

/** A body that never ends (a hostile or broken server), 64 KB at a time; counts what was read of it. */
function endless() {
  let pulled = 0;
  const chunk = new TextEncoder().encode('<entry>'.padEnd(65_536, 'a')) as Uint8Array<ArrayBuffer>;
  const body = new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { body, pulled: () => pulled };
}

function client(answer: () => Partial<Response>) {
  const clock = new VirtualClock();
  const requests: RequestInit[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    requests.push(init);
    return { status: 200, type: 'basic', headers: new Headers(), ...answer() } as Response;
  }) as unknown as typeof globalThis.fetch;
  const arxiv = new ArxivClient({ fetch, now: clock.now, sleep: clock.sleep, spacing: memorySpacingStore(), random: () => 0.5, maxAttempts: 1 });
  return { clock, arxiv, requests };
}

describe('answers no arXiv would send', () => {
  it('stops reading an endless API answer at its cap and says so in plain words', async () => {
    const stream = endless();
    const { clock, arxiv } = client(() => ({ body: stream.body }));
    const result = await clock.run(arxiv.fetchFeed(URL));
    expect(result).toMatchObject({ kind: 'unavailable', reason: 'bad-response', message: expect.stringContaining('larger than 4 MB') });
    expect(stream.pulled()).toBeLessThanOrEqual(MAX_API_BYTES + 2 * 65_536);
  });

  it('refuses an answer that announces more bytes than the cap before reading any', async () => {
    const stream = endless();
    const { clock, arxiv } = client(() => ({ body: stream.body, headers: new Headers({ 'content-length': String(2 * 1024 ** 3) }) }));
    expect(await clock.run(arxiv.fetchFeed(URL))).toMatchObject({ kind: 'unavailable', message: expect.stringContaining('stopped reading') });
    expect(stream.pulled()).toBeLessThanOrEqual(65_536);
  });

  it('does not follow a redirect: nothing from another host is read, and the reason is given', async () => {
    const { clock, arxiv, requests } = client(() => ({ status: 301, headers: new Headers({ location: 'https://elsewhere.example/api/query' }), body: new Response(page0).body }));
    const result = await clock.run(arxiv.fetchFeed(URL));
    expect(result).toMatchObject({ kind: 'unavailable', message: expect.stringContaining('redirect') });
    expect(requests.every((init) => init.redirect === 'manual')).toBe(true);
  });

  it('reads an HTML paper only as far as its cap: the first figure is near the top', async () => {
    const stream = endless();
    const { clock, arxiv } = client(() => ({ body: stream.body }));
    const result = await clock.run(arxiv.fetchText('https://arxiv.org/html/2601.00001v1/'));
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') expect(result.text.length).toBe(MAX_PAGE_BYTES);
  });

  it('still reads a real page whole', async () => {
    const { clock, arxiv } = client(() => ({ body: new Response(page0).body }));
    const result = await clock.run(arxiv.fetchFeed(URL));
    expect(result.kind).toBe('ok');
  });
});
