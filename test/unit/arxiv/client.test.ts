import { describe, expect, it } from 'vitest';
import { ArxivClient, parseRetryAfter, type ClientOptions } from '../../../lib/arxiv/client';
import { gaps, memorySpacingStore, scriptedFetch, type Behaviour } from '../../helpers/fake-fetch';
import { VirtualClock } from '../../helpers/virtual-clock';
import page0 from '../../fixtures/arxiv/api/q_testing_s0_m10_bc5a6c384fe9.xml?raw';
import page10 from '../../fixtures/arxiv/api/q_testing_s10_m10_34e56e15aaac.xml?raw';
import errorFeed from '../../fixtures/arxiv/api/api_error_start.xml?raw';
import zeroResults from '../../fixtures/arxiv/api/api_zero_results.xml?raw';
import htmlPage from '../../fixtures/arxiv/html/list_cs.CL_recent.html?raw';
import rateExceeded from '../../fixtures/arxiv/other/rate_exceeded.txt?raw';

const URL = 'https://export.arxiv.org/api/query?search_query=all:testing&start=0&max_results=10';
// Derived from the real page 0: the same feed with its entries removed, so totalResults still says 214881.
const emptyPage = page0.replace(/<entry>[\s\S]*<\/entry>\s*/, '');
const ok: Behaviour = { body: page0 };

function setup(script: Behaviour[] | ((url: string, call: number) => Behaviour), options: Partial<ClientOptions> = {}) {
  const clock = new VirtualClock();
  const { fetch, calls } = scriptedFetch(clock, script);
  const spacing = options.spacing ?? memorySpacingStore();
  const client = new ArxivClient({ fetch, now: clock.now, sleep: clock.sleep, spacing, random: () => 0.5, ...options });
  return { clock, calls, client, spacing, run: (start = 0) => clock.run(client.fetchFeed(URL, start)) };
}

describe('ArxivClient', () => {
  it('returns the parsed page on success with one request', async () => {
    const { run, calls } = setup([ok]);
    const result = await run();
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') expect(result.feed.entries).toHaveLength(10);
    expect(calls).toHaveLength(1);
  });

  it('keeps requests at least 3 s apart, one at a time, when many are made at once', async () => {
    const { clock, client, calls } = setup([ok]);
    await clock.run(Promise.all([client.fetchFeed(URL), client.fetchFeed(URL), client.fetchFeed(URL), client.fetchFeed(URL)]));
    expect(calls).toHaveLength(4);
    for (const gap of gaps(calls)) expect(gap).toBeGreaterThanOrEqual(3000);
  });

  it('still waits after a worker restart between two requests (spacing is persisted)', async () => {
    const spacing = memorySpacingStore();
    const first = setup([ok], { spacing });
    await first.run();
    // A new client (a restarted worker) with the same store, 1 s later on the same clock.
    const clock = first.clock;
    clock.advance(1000);
    const { fetch, calls } = scriptedFetch(clock, [ok]);
    const restarted = new ArxivClient({ fetch, now: clock.now, sleep: clock.sleep, spacing });
    await clock.run(restarted.fetchFeed(URL));
    expect(calls[0]!.at - first.calls[0]!.at).toBeGreaterThanOrEqual(3000);
  });

  it('does not wait when the last request was long ago, nor block for long after a clock change', async () => {
    const { run, calls, clock } = setup([ok], { spacing: memorySpacingStore(Date.UTC(2030, 0, 1)) });
    const before = clock.now();
    await run();
    expect(calls[0]!.at - before).toBeLessThanOrEqual(3000);
  });

  it('retries 503 with backoff and recovers', async () => {
    const { run, calls } = setup([{ status: 503, body: 'Service Unavailable' }, ok]);
    const result = await run();
    expect(result.kind).toBe('ok');
    expect(calls).toHaveLength(2);
    expect(gaps(calls)[0]).toBeGreaterThanOrEqual(3000);
  });

  it('honours Retry-After on 429 and never goes below 3 s spacing', async () => {
    const { run, calls } = setup([{ status: 429, body: rateExceeded, headers: { 'Retry-After': '20' } }, ok]);
    expect((await run()).kind).toBe('ok');
    expect(gaps(calls)[0]).toBeGreaterThanOrEqual(20_000);
  });

  it('backs off exponentially on 429 without Retry-After', async () => {
    const { run, calls } = setup([{ status: 429, body: rateExceeded }, { status: 429, body: rateExceeded }, ok]);
    expect((await run()).kind).toBe('ok');
    const [first, second] = gaps(calls);
    expect(second!).toBeGreaterThan(first!);
  });

  it('gives up with a retry time when arXiv asks to wait longer than a minute', async () => {
    const { run, calls, clock } = setup([{ status: 503, body: '', headers: { 'Retry-After': '3600' } }]);
    const result = await run();
    expect(calls).toHaveLength(1);
    expect(result).toMatchObject({ kind: 'unavailable', reason: 'server-error' });
    if (result.kind === 'unavailable') expect(result.retryAt).toBeGreaterThanOrEqual(clock.now() + 3_600_000);
  });

  it('sends nothing, from any caller, before the time arXiv asked to wait has passed: "Sync now" is answered with when', async () => {
    const spacing = memorySpacingStore();
    const { run, calls, clock, client } = setup([{ status: 429, body: rateExceeded, headers: { 'Retry-After': '120' } }, ok], { spacing, maxAttempts: 1 });
    const asked = clock.now();
    expect(await run()).toMatchObject({ kind: 'unavailable', reason: 'rate-limited' });
    clock.advance(10_000);
    // The reader presses Retry 10 s later; a figure lookup comes too; a restarted worker asks after them.
    const again = await run();
    expect(again).toMatchObject({ kind: 'unavailable', reason: 'rate-limited', message: 'arXiv asked Paper Radar to wait a while before asking again.' });
    if (again.kind === 'unavailable') expect(again.retryAt).toBe(calls[0]!.at + 120_000);
    expect(await clock.run(client.fetchText('https://arxiv.org/html/1706.03762'))).toMatchObject({ kind: 'failed', status: 0 });
    const restarted = new ArxivClient({ fetch: scriptedFetch(clock, [ok]).fetch, now: clock.now, sleep: clock.sleep, spacing });
    expect(await clock.run(restarted.fetchFeed(URL))).toMatchObject({ kind: 'unavailable', reason: 'rate-limited' });
    expect(calls).toHaveLength(1);
    // Under a minute left: the call waits it out, then asks.
    clock.advance(calls[0]!.at + 120_000 - 30_000 - clock.now());
    expect((await run()).kind).toBe('ok');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - asked).toBeGreaterThanOrEqual(120_000);
  });

  it('takes no wait arXiv asks for as longer than six hours, and none at all once the clock was set back past it', async () => {
    const spacing = memorySpacingStore();
    const { run, clock, calls } = setup([{ status: 503, body: '', headers: { 'Retry-After': String(30 * 24 * 3600) } }, ok], { spacing, maxAttempts: 1 });
    await run();
    expect(await spacing.getHeldUntil()).toBe(clock.now() + 6 * 3_600_000);
    clock.advance(-2 * 24 * 3_600_000); // the clock set back two days
    expect((await run()).kind).toBe('ok');
    expect(calls).toHaveLength(2);
  });

  it('sends nothing that was waiting its turn behind the request arXiv answered with a time to wait', async () => {
    const { clock, client, calls } = setup([{ status: 429, body: rateExceeded, headers: { 'Retry-After': '600' } }, ok], { maxAttempts: 1 });
    const [feed, figure, lookup] = await clock.run(
      Promise.all([client.fetchFeed(URL), client.fetchText('https://arxiv.org/html/1706.03762'), client.fetchFeed(`${URL}&id_list=1706.03762`)]),
    );
    expect(calls).toHaveLength(1);
    expect(feed).toMatchObject({ kind: 'unavailable', reason: 'rate-limited' });
    expect(figure).toMatchObject({ kind: 'failed', message: 'arXiv asked Paper Radar to wait a while before asking again.' });
    expect(lookup).toMatchObject({ kind: 'unavailable', reason: 'rate-limited', message: 'arXiv asked Paper Radar to wait a while before asking again.' });
  });

  it('retries 500 and reports an honest status when it keeps failing', async () => {
    const { run, calls } = setup([{ status: 500, body: 'Internal Server Error' }]);
    const result = await run();
    expect(calls).toHaveLength(3);
    expect(result).toMatchObject({ kind: 'unavailable', reason: 'server-error', message: expect.stringContaining('HTTP 500') });
  });

  it('never retries an error feed (HTTP 400) and passes on arXiv’s message', async () => {
    const { run, calls } = setup([{ status: 400, body: errorFeed }]);
    const result = await run();
    expect(calls).toHaveLength(1);
    expect(result).toEqual({ kind: 'arxiv-error', message: 'arXiv rejected the query: start must be an integer.', code: 'start_must_be_an_integer' });
  });

  it('aborts a hung connection after the timeout and retries', async () => {
    const { run, calls, clock } = setup([{ hang: true }, ok], { timeoutMs: 30_000 });
    const started = clock.now();
    expect((await run()).kind).toBe('ok');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - started).toBeGreaterThanOrEqual(30_000);
  });

  it('reports a timeout when every attempt hangs', async () => {
    const { run } = setup([{ hang: true }], { timeoutMs: 30_000 });
    expect(await run()).toMatchObject({ kind: 'unavailable', reason: 'timeout', message: expect.stringContaining('30 seconds') });
  });

  it('counts a slow body against the timeout', async () => {
    const { run } = setup([{ slowBodyMs: 45_000, body: page0 }, { slowBodyMs: 10_000, body: page0 }], { timeoutMs: 30_000 });
    expect((await run()).kind).toBe('ok');
  });

  it('retries truncated bodies and HTML instead of XML', async () => {
    const truncated = setup([{ body: page0.slice(0, 5000) }, ok]);
    expect((await truncated.run()).kind).toBe('ok');
    expect(truncated.calls).toHaveLength(2);
    const html = setup([{ body: htmlPage }]);
    expect(await html.run()).toMatchObject({ kind: 'unavailable', reason: 'bad-response', message: expect.stringContaining('web page') });
  });

  it('retries a 200 page with no entries while totalResults says there are more', async () => {
    const { run, calls } = setup([{ body: emptyPage }, { body: page10 }]);
    const result = await run();
    expect(calls).toHaveLength(2);
    expect(result.kind).toBe('ok');
  });

  it('accepts an empty page when there really are no results', async () => {
    const { run, calls } = setup([{ body: zeroResults }]);
    const result = await run();
    expect(calls).toHaveLength(1);
    expect(result.kind === 'ok' && result.feed.entries).toEqual([]);
  });

  it('treats an empty page past the end of the results as the end', async () => {
    const { run, calls } = setup([{ body: emptyPage }]);
    expect((await run(214_881)).kind).toBe('ok');
    expect(calls).toHaveLength(1);
  });

  it('tries again in 5 minutes when arXiv could not be reached at all, in 15 when it answered badly', async () => {
    const unreached = setup([{ networkError: true }]);
    const lost = await unreached.run();
    expect(lost).toMatchObject({ kind: 'unavailable', reason: 'network' });
    if (lost.kind === 'unavailable') expect(lost.retryAt).toBe(unreached.clock.now() + 5 * 60_000);
    const failing = setup([{ status: 500, body: 'Internal Server Error' }]);
    const broken = await failing.run();
    if (broken.kind === 'unavailable') expect(broken.retryAt).toBe(failing.clock.now() + 15 * 60_000);
    expect(broken.kind).toBe('unavailable');
  });

  it('retries network errors and says offline when the browser is offline', async () => {
    const flaky = setup([{ networkError: true }, ok]);
    expect((await flaky.run()).kind).toBe('ok');
    const offline = setup([ok], { isOnline: () => false });
    expect(await offline.run()).toMatchObject({ kind: 'unavailable', reason: 'offline' });
    expect(offline.calls).toHaveLength(0);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.UTC(2026, 10, 23, 12);
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('ArxivClient.fetchText', () => {
  it('fetches an arxiv.org page once, under the same spacing as the API', async () => {
    const { clock, client, calls } = setup([ok, { body: '<html>paper</html>' }, { status: 404, body: 'Not found' }, { hang: true }]);
    const results = await clock.run(
      Promise.all([client.fetchFeed(URL), client.fetchText('https://arxiv.org/html/1706.03762v7'), client.fetchText('https://arxiv.org/html/1.1v1'), client.fetchText('https://arxiv.org/html/2.2v1')]),
    );
    expect(results[1]).toEqual({ kind: 'ok', status: 200, text: '<html>paper</html>' });
    expect(results[2]).toMatchObject({ kind: 'failed', status: 404 });
    expect(results[3]).toMatchObject({ kind: 'failed', status: 0, message: expect.stringContaining('in time') });
    expect(calls).toHaveLength(4);
    for (const gap of gaps(calls)) expect(gap).toBeGreaterThanOrEqual(3000);
  });
});
