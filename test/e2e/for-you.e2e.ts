import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryId } from '../helpers/fake-arxiv-feed';
import { launch, readStore, readStoredPapers, subscribe, type Harness } from './harness';

/**
 * The feed ranked for the reader: software testing (the query's real pages) and every other
 * paper of the API fixtures (physics, mathematics, statistics...), each of those also under a
 * second id (a twin: the same text, derived in the test), three testing papers saved, two other
 * papers dismissed: their twins are the papers most like them.
 */
let h: Harness;
let options: Page;
let digest: Page;
let testing: Set<string>;
let physics: Set<string>;
/** Each other paper's twin, by the paper's id. */
let twins: Map<string, string>;

const poll = { timeout: 30_000, interval: 200 };
const cardIds = (page: Page) => page.locator('[data-testid="paper-card"]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-arxiv-id') ?? ''));
/** The whole For-you order, as the background stored it. */
const rankedIds = async (page: Page) => ((await readStore<{ key: string; value: { ids: string[] } }>(page, 'meta')).find((row) => row.key === 'ranking')?.value.ids ?? []);
const card = (page: Page, id: string) => page.locator(`[data-testid="paper-card"][data-arxiv-id="${id}"]`);
/** Mean place (0 first, 1 last) of the papers of a set in an order. */
const meanPlace = (order: string[], of: ReadonlySet<string>) => {
  const places = order.flatMap((id, i) => (of.has(id) ? [i / Math.max(1, order.length - 1)] : []));
  return places.reduce((a, b) => a + b, 0) / places.length;
};

/** The cards the next new tab paints first, as the page stored them. */
const nextFirstScreen = () => digest.evaluate(() => (JSON.parse(localStorage.getItem('paper-radar:digest-first-screen') ?? '{"papers":[]}') as { papers: { id: string }[] }).papers.map((p) => p.id));

/** Scrolls the feed until the card of `id` is drawn (the feed draws more as the reader nears its end). */
async function showCard(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 30 && (await card(page, id).count()) === 0; i++) {
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(200);
  }
  await card(page, id).scrollIntoViewIfNeeded();
}

beforeAll(async () => {
  h = await launch();
  const testingIds = new Set(h.fake.world.get('testing')!.map(entryId));
  const others = [...h.fake.pool.values()].filter((block) => !testingIds.has(entryId(block)) && !/term="cs\.SE"/.test(block) && /abs\/\d{4}\.\d{4,5}/.test(block));
  twins = new Map();
  const physicsBlocks = others.flatMap((block, i) => {
    const twin = block.replace(/abs\/\d{4}\.\d{4,5}/g, `abs/2607.${String(20000 + i)}`);
    twins.set(entryId(block), entryId(twin));
    return [block, twin];
  });
  h.fake.world.set('physics', physicsBlocks);
  testing = new Set(h.fake.world.get('testing')!.map(entryId));
  physics = new Set(physicsBlocks.map(entryId));

  options = await h.open('options.html');
  await subscribe(options, 'testing', testing.size);
  await subscribe(options, 'physics', testing.size + physics.size);
  digest = await h.open('newtab.html');
  await digest.setViewportSize({ width: 1280, height: 2400 });
}, 180_000);
afterAll(async () => h?.close());

describe('For you: the papers like the saved ones first', () => {
  it('is offered once three papers are saved, and puts papers like them first, each with a line saying why', async () => {
    expect(physics.size).toBeGreaterThanOrEqual(8);
    await expect.poll(() => digest.getByTestId('feed-order-hint').innerText(), poll).toContain('Save 3 more papers to get the feed ordered for you');
    const toSave = [...testing].slice(0, 3);
    for (const id of toSave) {
      await showCard(digest, id);
      await card(digest, id).getByTestId('save-toggle').click();
    }
    await expect.poll(() => digest.getByTestId('feed-order').count(), poll).toBe(1);
    await digest.getByRole('button', { name: 'For you' }).click();
    // The newest-first cards stay until the For-you order has been read: it is drawn once its
    // cards carry their why lines (the newest first has none).
    const whyLines = () => digest.locator('[data-testid="paper-card"]').evaluateAll((cards) => cards.slice(0, 10).map((c) => c.querySelector('[data-testid="why"]')?.textContent ?? ''));
    await expect.poll(async () => (await whyLines()).filter((line) => line !== '').length, poll).toBe(10);
    expect((await cardIds(digest)).slice(0, 10).filter((id) => testing.has(id)).length).toBeGreaterThanOrEqual(8);
    const order = await cardIds(digest);
    // The saved papers are in the Library; the order is for finding the next ones.
    expect(order.filter((id) => toSave.includes(id))).toEqual([]);
    const why = await whyLines();
    expect(why.every((line) => line.length > 5 && line.length < 140), why.join(' | ')).toBe(true);
    console.log(`for you: ${why.slice(0, 3).join(' | ')}`);
  }, 120_000);

  it('learns from “Not interested”: the dismissed paper leaves, papers like it sink, and it can be undone', async () => {
    expect(twins.size).toBeGreaterThanOrEqual(8);
    const before = await rankedIds(digest);
    const dismissed = [...twins.keys()].filter((id) => before.includes(id)).slice(0, 2);
    const alike = new Set(dismissed.map((id) => twins.get(id)!));
    // Where the papers like the dismissed ones stand among the papers other than testing (0: first, 1: last).
    const alikeAmongOthers = (order: string[]) => meanPlace(order.filter((id) => physics.has(id)), alike);
    for (const id of dismissed) await showCard(digest, id);
    const drawn = await cardIds(digest);
    for (const id of dismissed) {
      await card(digest, id).scrollIntoViewIfNeeded();
      await card(digest, id).getByRole('button', { name: 'Not interested' }).click();
    }
    const started = Date.now();
    const undismissed = (order: string[]) => order.filter((id) => !dismissed.includes(id));
    // A ranking of after both (it leaves both out: a ranking of after the first alone could already have sunk its twin).
    await expect.poll(async () => (await rankedIds(digest)).filter((id) => dismissed.includes(id)), poll).toEqual([]);
    await expect.poll(async () => alikeAmongOthers(undismissed(await rankedIds(digest))), poll).toBeGreaterThan(alikeAmongOthers(undismissed(before)) + 0.2);
    console.log(`for you: the papers like the dismissed ones from ${alikeAmongOthers(undismissed(before)).toFixed(2)} to ${alikeAmongOthers(undismissed(await rankedIds(digest))).toFixed(2)} of the other papers' order, ${Date.now() - started} ms after the second “Not interested”`);
    // The page has read the new order (the next new tab's first screen is taken from it), and kept
    // the one it drew, less the dismissed papers: nothing moved under the reader.
    await expect.poll(nextFirstScreen, poll).toEqual((await rankedIds(digest)).slice(0, 8));
    expect((await cardIds(digest)).slice(0, drawn.length - 2)).toEqual(undismissed(drawn));
    // Undo brings the last one back, to its place.
    await digest.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await rankedIds(digest)).includes(dismissed[1]!), poll).toBe(true);
    await expect.poll(async () => (await cardIds(digest)).slice(0, drawn.length - 1), poll).toEqual(drawn.filter((id) => id !== dismissed[0]));
    const marked = async () => (await readStoredPapers<{ id: string; notInterestedAt?: number }>(digest)).filter((p) => p.notInterestedAt !== undefined).map((p) => p.id);
    await expect.poll(marked, poll).toEqual([dismissed[0]]);
  }, 120_000);

  it('keeps the choice across a reload, and the popup shows the best unread papers first with their why lines', async () => {
    // Reloaded, the page shows the latest stored order (the page before kept the one it drew),
    // in its first frame too: the stored first screen followed the latest order.
    await expect.poll(nextFirstScreen, poll).toEqual((await rankedIds(digest)).slice(0, 8));
    await digest.reload();
    expect(await digest.getByRole('button', { name: 'For you' }).getAttribute('aria-pressed')).toBe('true');
    const latest = (await rankedIds(digest)).slice(0, 8);
    expect((await cardIds(digest)).slice(0, 8)).toEqual(latest);
    await expect.poll(async () => (await cardIds(digest)).slice(0, 10), poll).toEqual((await rankedIds(digest)).slice(0, 10));
    const popup = await h.open('popup.html');
    // Drawn For you once its cards carry why lines (newest first, the popup's first ones are testing papers too).
    await expect.poll(() => popup.locator('[data-testid="paper-card"] [data-testid="why"]').count(), poll).toBeGreaterThanOrEqual(6);
    expect((await cardIds(popup)).slice(0, 8).filter((id) => testing.has(id)).length).toBeGreaterThanOrEqual(6);
    await popup.close();
  }, 60_000);

  it('takes in the papers a sync brings at their rank, moving none of the papers drawn', async () => {
    // Three papers announced today, like the saved ones: testing papers under new ids and today's
    // date (derived in the test).
    const today = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const base = h.fake.world.get('testing')!;
    const fresh = base.slice(5, 8).map((block, i) =>
      block
        .replace(/(abs|pdf)\/\d{4}\.\d{4,5}/g, `$1/2612.${String(40001 + i)}`)
        .replace(/<published>[^<]+</, `<published>${today}<`)
        .replace(/<updated>[^<]+</, `<updated>${today}<`),
    );
    const arrived = new Set(fresh.map(entryId));
    h.fake.world.set('testing', [...fresh, ...base]);
    const drawn = await cardIds(digest);
    await digest.getByTestId('sync-now').click();
    await expect.poll(async () => (await cardIds(digest)).filter((id) => arrived.has(id)).length, poll).toBe(3);
    const page = await cardIds(digest);
    const stored = await rankedIds(digest);
    // The papers drawn before are drawn in the same order (as many as the page holds); each new
    // one stands after as many of them as the stored order puts before it, with its why line.
    const older = page.filter((id) => !arrived.has(id));
    expect(older).toEqual(drawn.slice(0, older.length));
    for (const id of arrived) {
      const olderBefore = (order: string[]) => order.slice(0, order.indexOf(id)).filter((other) => !arrived.has(other)).length;
      expect(olderBefore(page), id).toBe(olderBefore(stored));
      expect(await card(digest, id).getByTestId('why').textContent()).not.toBe('');
    }
    console.log(`for you: a sync's papers drawn at ${[...arrived].map((id) => page.indexOf(id) + 1).join(', ')} of ${page.length}`);
  }, 60_000);

  it('lists the dismissed papers in the options, where any can be taken back', async () => {
    await options.reload();
    const list = options.getByTestId('not-interested-list');
    await expect.poll(() => list.locator('li').count(), poll).toBe(1);
    await list.getByRole('button', { name: 'Take back' }).click();
    await expect.poll(() => list.count(), poll).toBe(0);
  }, 60_000);
});
