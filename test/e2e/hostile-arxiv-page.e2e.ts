import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryIdOf, listingEntries } from '../helpers/arxiv-pages';
import { launch, readStore, sendMessage, type Harness } from './harness';
import { controlsWhenCounted, pressedOf } from './save-controls';

/*
 * An arxiv.org page whose own script is hostile (an injected script, or arXiv compromised): the
 * real /list/cs.CL/recent capture with a script added. The script tries what a probe of the
 * built extension did (issue 18): read which papers are saved, press the controls, plant
 * hundreds of entries, flood forged `pageshow` events; it writes what it saw to
 * `window.__probe` in the page's own world, where the test reads it.
 */
const listing = readFileSync(join(import.meta.dirname, '../fixtures/arxiv/html/list_cs.CL_recent.html'), 'utf8');
const ids = listingEntries(listing).map(entryIdOf);
const SAVED = ids.slice(0, 5);
const URL_PATH = '/list/cs.CL/new';

interface Probe {
  phase: 'waiting' | 'read' | 'flooding' | 'done';
  shadowRoots: number;
  pressedAttributes: number;
  contractButtons: number;
  /** Width and height of each control's host, by paper id. */
  sizes: Record<string, string>;
  textMentionsSaved: boolean;
  planted: number;
  forgedPageShows: number;
}

/** The page's script, run in the page's own world. */
function hostileScript(): void {
  const probe: Probe = {
    phase: 'waiting',
    shadowRoots: 0,
    pressedAttributes: 0,
    contractButtons: 0,
    sizes: {},
    textMentionsSaved: false,
    planted: 0,
    forgedPageShows: 0,
  };
  (window as unknown as { __probe: Probe }).__probe = probe;
  const list = () => document.querySelector('dl')!;
  const plant = (from: number, count: number) => {
    const template = list().querySelector('dt')!;
    for (let i = from; i < from + count; i += 1) {
      const id = `2609.${String(i).padStart(5, '0')}`;
      const entry = template.cloneNode(false) as Element;
      const link = document.createElement('a');
      link.href = `/abs/${id}`;
      link.title = 'Abstract';
      link.textContent = `arXiv:${id}`;
      entry.append(link);
      list().append(entry);
      probe.planted += 1;
    }
  };
  const hosts = () => [...document.querySelectorAll('dl > dt')].map((dt) => [dt.querySelector('a[title="Abstract"]')?.textContent?.replace('arXiv:', '').trim() ?? '', dt.lastElementChild] as const);
  const read = () => {
    for (const [id, host] of hosts()) {
      if (!host || host.tagName !== 'SPAN') continue;
      if (host.shadowRoot) probe.shadowRoots += 1;
      const box = host.getBoundingClientRect();
      probe.sizes[id] = `${box.width.toFixed(2)}x${box.height.toFixed(2)}`;
    }
    probe.pressedAttributes = document.querySelectorAll('[aria-pressed]').length;
    probe.contractButtons = document.querySelectorAll('[data-paper-radar-save]').length;
    probe.textMentionsSaved = /Saved/.test(document.body.innerText);
  };
  const press = () => {
    for (const [, host] of hosts()) {
      if (!(host instanceof HTMLElement) || host.tagName !== 'SPAN') continue;
      host.click();
      host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      host.focus();
      for (const key of ['Enter', ' ']) host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
    }
  };
  const pageShows = (count: number) => {
    for (let i = 0; i < count; i += 1) {
      const event = new Event('pageshow');
      Object.defineProperty(event, 'persisted', { value: true });
      window.dispatchEvent(event);
      probe.forgedPageShows += 1;
    }
  };
  const ready = () => {
    if (!document.querySelector('dl > dt > span')) return setTimeout(ready, 100);
    // Let the controls learn their state, then try everything.
    setTimeout(() => {
      read();
      press();
      probe.phase = 'read';
    }, 1500);
  };
  // Rounds rather than a time: a busy machine makes the flood slower, never smaller.
  (window as unknown as { __flood: (rounds: number) => void }).__flood = (rounds: number) => {
    probe.phase = 'flooding';
    plant(0, 300);
    let next = 300;
    let done = 0;
    const round = () => {
      pageShows(20);
      plant(next, 100);
      next += 100;
      document.body.setAttribute('data-theme', next % 200 === 0 ? 'dark' : 'light');
      press();
      if (++done < rounds) setTimeout(round, 50);
      else probe.phase = 'done';
    };
    setTimeout(round, 400);
  };
  ready();
}

const hostilePage = () => listing.replace('</body>', `<script>(${hostileScript.toString()})();</script></body>`);

let h: Harness;
let options: Page;
beforeAll(async () => {
  h = await launch();
  h.fake.pages.set(URL_PATH, hostilePage());
  options = await h.open('options.html');
  for (const id of SAVED) await sendMessage(options, 'savePaper', { id });
  // What the arXiv tabs' content scripts ask, as the background receives it (a listener of the
  // test's own beside the extension's router).
  await (await h.worker()).evaluate(() => {
    const seen: { type: string; ids: number; tab: number }[] = [];
    (globalThis as unknown as { __seen: typeof seen }).__seen = seen;
    (globalThis as unknown as { chrome: { runtime: { onMessage: { addListener(f: (m: unknown, s: { tab?: { id?: number }; url?: string }) => void): void } } } }).chrome.runtime.onMessage.addListener((message, sender) => {
      if (sender.tab?.id === undefined || !sender.url?.startsWith('https://arxiv.org/')) return;
      const { type, data } = message as { type: string; data?: { ids?: unknown[] } };
      seen.push({ type, ids: data?.ids?.length ?? 0, tab: sender.tab.id });
    });
  });
});
afterAll(async () => h?.close());

/** The saved papers and what the user made of them (the background notes its lookups on them too). */
const libraryOf = async () =>
  (await readStore<{ id: string; tags: string[]; note: string }>(options, 'library')).map(({ id, tags, note }) => ({ id, tags, note }));
const probeOf = (page: Page) => page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);
const seen = async () => (await h.worker()).evaluate(() => (globalThis as unknown as { __seen: { type: string; ids: number }[] }).__seen);

type Pinger = { pings: Promise<number>[]; timer: ReturnType<typeof setInterval> };

/**
 * Starts asking the background from an extension page every 20 ms, without waiting for the
 * answers: a stalled background then shows in every ask made while it stalls, not in one
 * (asked one after another, a 2 s stall would be one sample among dozens of quick ones).
 */
async function startPinging(page: Page): Promise<void> {
  await page.evaluate((asked) => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
    const pings: Promise<number>[] = [];
    const timer = setInterval(() => {
      const started = performance.now();
      pings.push(runtime.sendMessage({ type: 'getSavedIds', data: { ids: asked } }).then(() => performance.now() - started));
    }, 20);
    (globalThis as unknown as { __pinger: Pinger }).__pinger = { pings, timer };
  }, SAVED);
}

/** Stops asking; the round trip of every ask made, once all are answered. */
async function stopPinging(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const { pings, timer } = (globalThis as unknown as { __pinger: Pinger }).__pinger;
    clearInterval(timer);
    return Promise.all(pings);
  });
}

describe('a hostile arxiv.org page', () => {
  let page: Page;

  it('reads nothing of the library from the controls and presses none of them', async () => {
    const library = await libraryOf();
    page = await h.context.newPage();
    await page.goto(`https://arxiv.org${URL_PATH}`);
    await controlsWhenCounted(page, ids.length);
    await expect.poll(() => pressedOf(page, SAVED[0]!)).toBe('true'); // the controls know; the page must not
    await expect.poll(async () => (await probeOf(page)).phase, { timeout: 10_000 }).toBe('read');
    const probe = await probeOf(page);

    expect(probe.shadowRoots).toBe(0);
    expect(probe.pressedAttributes).toBe(0);
    expect(probe.contractButtons).toBe(0);
    expect(probe.textMentionsSaved).toBe(false);
    // Saved or not, every control is the same size: nothing to measure either.
    const sizes = ids.map((id) => probe.sizes[id]);
    expect(sizes.every((size) => size !== undefined)).toBe(true);
    expect(new Set(sizes).size).toBe(1);
    // Its clicks and keys did nothing.
    await page.waitForTimeout(500);
    expect(await libraryOf()).toEqual(library);
    expect((await seen()).filter((m) => m.type === 'savePaper' || m.type === 'unsavePaper')).toEqual([]);
  });

  it('pays for its floods itself: bounded messages, and an extension page still answers (median round trip under 200 ms, nine in ten under two seconds; with the flood let through, 12 s)', async () => {
    const before = (await seen()).length;
    const library = await libraryOf();
    await startPinging(options);
    await options.waitForTimeout(300);
    const quiet = await stopPinging(options);

    // 60 rounds 50 ms apart (about 6 s): 1,200 forged pageshow events, 6,000 entries planted.
    await page.evaluate(() => (window as unknown as { __flood: (rounds: number) => void }).__flood(60));
    // The 300 planted entries: one message, about them alone.
    await expect.poll(async () => (await seen()).slice(before).length, { timeout: 5_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    const first = (await seen()).slice(before);
    expect(first[0]).toMatchObject({ type: 'getSavedIds', ids: 300 });

    // Round trips through the flood and the second and a half after it, when the page, quiet at
    // last, is read again: one asked every 20 ms. Thirty seconds at most (the flood takes about
    // six): a flood the extension cannot keep up with fails below on what the extension page saw.
    await startPinging(options);
    const end = Date.now() + 30_000;
    while ((await probeOf(page)).phase !== 'done' && Date.now() < end) await options.waitForTimeout(100);
    await options.waitForTimeout(1_500);
    const during = await stopPinging(options);
    const probe = await probeOf(page);
    const asked = (await seen()).slice(before);
    const sorted = [...during].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const p90 = sorted[Math.floor(sorted.length * 0.9)]!;
    const p95 = sorted[Math.floor(sorted.length * 0.95)]!;
    console.log(
      `hostile page: ${probe.forgedPageShows} forged pageshow events, ${probe.planted} entries planted; ` +
        `${asked.length} messages from its tab (${asked.reduce((n, m) => n + m.ids, 0)} ids); ` +
        `extension page round trip: quiet median ${quiet.sort((a, b) => a - b)[Math.floor(quiet.length / 2)]!.toFixed(1)} ms, ` +
        `flood median ${median.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms over ${during.length}`,
    );
    // Asked every 20 ms, the median stays within a few ms of the quiet one (3.6–4.9 ms; quiet
    // 2.4–3.8 ms) and nine in ten under 12 ms on a quiet machine. Beside five other browsers on
    // two cores the machine stalls: in four CI runs the median was 8–23 ms and the p90 36, 90,
    // 218 and 526 ms (quiet median 8.4 ms in that last one). The bounds leave room for that; what
    // the test is for stays far past them: with the flood let through (forged pageshow events
    // acted on, no budget per tab), the median was 12 s and the page's own flood stalled.
    expect(median).toBeLessThan(200);
    expect(p90).toBeLessThan(2_000);
    expect(probe.phase).toBe('done');
    expect(probe.forgedPageShows).toBeGreaterThanOrEqual(1_000);
    expect(probe.planted).toBeGreaterThanOrEqual(5_000);
    // At most 2,000 papers are ever asked about for one page (50 listed + 1,950 planted).
    expect(asked.every((m) => m.type === 'getSavedIds')).toBe(true);
    expect(asked.reduce((n, m) => n + m.ids, 0)).toBeLessThanOrEqual(2_000 - ids.length);
    expect(asked.length).toBeLessThanOrEqual(20);
    expect(await libraryOf()).toEqual(library);
  });
});
