import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Misbehaviour } from './fake-arxiv';
import { launch, readStoredPapers, sendMessage, subscribe, syncState, type Harness } from './harness';

/**
 * Answers no arXiv would send, in real Chromium: a body that never ends (2 GB announced), a
 * small gzip answer that inflates to 400 MB, and a redirect to another host. Each must end in a
 * plain error within the request's time limit, with the pages alive, the browser's memory
 * barely grown, and nothing stored.
 */
let h: Harness;
let options: Page;
const PAPERS = 40;

/** Resident memory of this browser, all its processes, in MB (read from /proc through ps). */
function browserMegabytes(): number {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => {
      const [pid, ppid, rss, ...args] = line.trim().split(/\s+/);
      return { pid: Number(pid), ppid: Number(ppid), rss: Number(rss), args: args.join(' ') };
    });
  const root = rows.find((r) => r.args.includes(`--user-data-dir=${h.userDataDir}`) && !r.args.includes('--type='));
  if (!root) throw new Error('the browser process was not found');
  const tree = new Set([root.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows) if (tree.has(r.ppid) && !tree.has(r.pid)) grew = tree.add(r.pid) !== undefined;
  }
  return rows.filter((r) => tree.has(r.pid)).reduce((sum, r) => sum + r.rss, 0) / 1024;
}

beforeAll(async () => {
  h = await launch({ extraHosts: ['elsewhere.example'] });
  options = await h.open('options.html');
  await subscribe(options, 'testing', PAPERS);
}, 120_000);
afterAll(async () => h?.close());

async function hostileSync(kind: Misbehaviour): Promise<{ message: string; seconds: number; grewMb: number }> {
  const before = browserMegabytes();
  h.fake.clearMisbehaviour();
  h.fake.misbehave(kind, kind, kind);
  const started = Date.now();
  await sendMessage(options, 'syncNow', {});
  const seconds = (Date.now() - started) / 1000;
  const state = await syncState(options);
  h.fake.clearMisbehaviour();
  expect(state.state).toBe('error');
  return { message: state.message ?? '', seconds, grewMb: browserMegabytes() - before };
}

describe('answers no arXiv would send', () => {
  it.each([
    ['endless-body', /larger than 4 MB/],
    ['gzip-bomb', /larger than 4 MB/],
  ] as [Misbehaviour, RegExp][])('%s: a plain error within the time limit, the pages alive, memory barely grown, nothing stored', async (kind, message) => {
    const result = await hostileSync(kind);
    console.log(`${kind}: "${result.message}" after ${result.seconds.toFixed(1)} s (three attempts, 3 s apart); the browser grew ${result.grewMb.toFixed(0)} MB; ${(h.fake.bytesStreamed / 2 ** 20).toFixed(0)} MB of endless bodies were let through in all`);
    expect(result.message).toMatch(message);
    // Three attempts, with arXiv's spacing and the backoff between them; each ends at the cap, not at 30 s.
    expect(result.seconds).toBeLessThan(45);
    expect(result.grewMb).toBeLessThan(200);
    expect(await options.evaluate(() => document.title)).toBeTruthy();
    const digest = await h.open('newtab.html');
    await digest.getByTestId('paper-card').first().waitFor({ timeout: 10_000 });
    await digest.close();
    expect(await readStoredPapers(options)).toHaveLength(PAPERS);
  }, 120_000);

  it('a redirect away from arXiv is not followed: nothing is asked of the other host, nothing stored, and the reason is given', async () => {
    const result = await hostileSync('redirect-away');
    expect(result.message).toMatch(/redirect/);
    expect(h.fake.log.filter((r) => r.host === 'elsewhere.example')).toEqual([]);
    expect(await readStoredPapers(options)).toHaveLength(PAPERS);
  }, 120_000);
});
