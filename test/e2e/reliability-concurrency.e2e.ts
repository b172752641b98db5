import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryId } from '../helpers/fake-arxiv-feed';
import { derivedEntries } from '../helpers/derived-world';
import { until } from './reliability-fault-cases';
import { badgeText, launch, readStore, readStoredPapers, subscribe, syncState, type Harness } from './harness';
import { holdRequests, type HeldRequest } from './held-requests';
import { watchPages, type PageTrouble } from './page-watch';
import { keepPerSubscription } from './settings-ui';

/*
 * Two new tabs and the popup save, mark read and hide while a sync ingests: arXiv is held on
 * chosen pages so the clicks land before, between and during the sync's writes, on papers the
 * sync is about to re-ingest (a revised version; a second subscription matching them).
 */

interface StoredPaper {
  id: string;
  title: string;
  version: number;
  subs: string[];
  unreadIn: string[];
  unread?: 1;
  addedAt: number;
  readAt?: number;
  hiddenAt?: number;
}
interface LibraryRow {
  id: string;
  pending?: 1;
}
interface Subscription {
  id: string;
  label: string;
}

const T = (iso: string) => Date.parse(iso);
/** Papers radar and sonar had before: 150 and 30. */
const radarOld = derivedEntries(150, { yymm: '2605', newestAt: T('2026-05-30T12:00:00Z') });
const sonarOld = derivedEntries(30, { yymm: '2604', newestAt: T('2026-05-20T12:00:00Z') });
/** 250 papers announced since, newest first; sonar matches the 40 newest of them too. */
const radarNew = derivedEntries(250, { yymm: '2606', newestAt: T('2026-06-01T12:00:00Z') });
const idsOf = (entries: string[]) => entries.map(entryId);
const oldIds = idsOf(radarOld);
const newIds = idsOf(radarNew);

/** An entry as arXiv sends it after a revision: the next version, a later date, a new title. */
function revised(entry: string): string {
  return entry
    .replace(/(abs|pdf)\/(\d{4}\.\d{5})v(\d+)/g, (_, kind: string, id: string, v: string) => `${kind}/${id}v${Number(v) + 1}`)
    .replace(/<updated>[^<]+<\/updated>/, '<updated>2026-06-01T00:00:00Z</updated>')
    .replace(/<title>([\s\S]*?)<\/title>/, '<title>$1 (revised)</title>');
}

let h: Harness;
let trouble: PageTrouble;
let tabA: Page;
let tabB: Page;
let popup: Page;
const saved = new Set<string>();
const read = new Set<string>();
const hidden = new Set<string>();

const card = (page: Page, id: string) => page.locator(`[data-testid="paper-card"][data-arxiv-id="${id}"]`);
const cardIds = (page: Page) => page.locator('[data-testid="paper-card"]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-arxiv-id')!));

async function markRead(page: Page, id: string): Promise<void> {
  const c = card(page, id);
  await c.locator('[data-action="read"]').click();
  await c.getByRole('button', { name: 'Mark unread' }).waitFor();
  read.add(id);
}
async function hide(page: Page, id: string): Promise<void> {
  await card(page, id).locator('[data-action="hide"]').click();
  await card(page, id).waitFor({ state: 'detached' });
  hidden.add(id);
}
async function save(page: Page, id: string): Promise<void> {
  const toggle = card(page, id).getByTestId('save-toggle');
  if (page === popup) {
    // The popup lists only unread papers: as the tabs read and hide, its cards move up, and a
    // pointer click aimed at one could land on the card that took its place. The click goes to
    // the button itself: what this test is about is the data, not where the pointer lands.
    await toggle.evaluate((button) => (button as HTMLButtonElement).click());
  } else {
    await toggle.click();
  }
  await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
  saved.add(id);
}
/** Waits for a held request to arrive; figure lookups of the open tabs share arXiv's 3 s spacing and go first. */
async function arrival(request: HeldRequest, what: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), 45_000)));
  await Promise.race([request.arrived, timeout]).finally(() => clearTimeout(timer));
}

/** Each page does its clicks in order; the three pages at the same time. */
const together = (...lanes: (() => Promise<void>)[]) => Promise.all(lanes.map((lane) => lane()));
const inOrder = (...steps: (() => Promise<void>)[]) => async () => {
  for (const step of steps) await step();
};

async function openPopup(): Promise<Page> {
  const page = await h.open('popup.html');
  await page.locator('[data-testid="paper-card"]').first().waitFor();
  return page;
}

const seenAt = async (page: Page) => (await readStore<{ key: string; value: unknown }>(page, 'meta')).find((m) => m.key === 'seenAt')?.value as number | undefined;
/** The unread count a chip's name gives ("radar 12 unread", "radar, none unread"). */
const chipCount = async (page: Page, label: RegExp) => {
  const name = (await page.getByRole('button', { name: label }).first().textContent()) ?? '';
  return name.includes('none unread') ? 0 : Number(/(\d+) unread/.exec(name)?.[1]);
};

beforeAll(async () => {
  h = await launch();
  trouble = await watchPages(h.context);
});
afterAll(async () => h?.close());

describe('two new tabs and the popup while a sync ingests', () => {
  it('start from two synced subscriptions, every page open and looking', async () => {
    h.fake.world.set('radar', radarOld);
    h.fake.world.set('sonar', sonarOld);
    const options = await h.open('options.html');
    // Room for every paper: retention is not what this test is about.
    await keepPerSubscription(h, options, 1000);
    await subscribe(options, 'radar', 150);
    await subscribe(options, 'sonar', 180);
    await options.close();
    tabA = await h.open('newtab.html');
    tabB = await h.open('newtab.html');
    for (const tab of [tabA, tabB]) await card(tab, oldIds[0]!).waitFor();
    popup = await openPopup();
    await expect.poll(() => badgeText(h)).toBe('');
  });

  it('end in one consistent state', async () => {
    h.fake.world.set('radar', [...radarNew, ...radarOld.map((e, i) => (i < 60 ? revised(e) : e))]);
    h.fake.world.set('sonar', [...radarNew.slice(0, 40), ...sonarOld]);
    const held = holdRequests(h.fake);
    // radar: pages at 0, 100, 200 (the third reaches known papers); sonar: one page.
    const page1 = held.hold(1);
    const page3 = held.hold(3);
    const sonarPage = held.hold(4);
    const before = h.fake.apiRequests().length;
    await tabA.getByTestId('sync-now').click();
    await arrival(page1, 'the first page was asked for');

    // The first page is slow: the papers it will revise are at the top of every page.
    await together(
      inOrder(...oldIds.slice(0, 5).map((id) => () => markRead(tabA, id)), () => save(tabA, oldIds[9]!)),
      inOrder(...oldIds.slice(5, 7).map((id) => () => hide(tabB, id))),
      inOrder(...oldIds.slice(7, 9).map((id) => () => save(popup, id))),
    );
    page1.release();
    // While the first page and then the second are stored.
    await card(tabA, newIds[0]!).waitFor({ timeout: 20_000 });
    await card(tabB, newIds[0]!).waitFor({ timeout: 20_000 });
    await together(
      inOrder(...newIds.slice(0, 5).map((id) => () => markRead(tabA, id))),
      inOrder(() => hide(tabB, newIds[5]!), () => hide(tabB, newIds[6]!), () => save(tabB, newIds[9]!)),
      inOrder(() => save(popup, newIds[7]!), () => save(popup, newIds[8]!)),
    );

    // The third page is slow too; meanwhile the reader opens the popup again (the last look).
    await arrival(page3, 'the third page was asked for');
    await popup.close();
    const lookedBefore = await seenAt(tabA);
    popup = await openPopup();
    await until(async () => (await seenAt(popup)) !== lookedBefore, 'the reopened popup marked papers seen', 15_000);
    await together(
      inOrder(...newIds.slice(10, 15).map((id) => () => markRead(tabA, id))),
      inOrder(() => hide(tabB, newIds[15]!), () => hide(tabB, newIds[16]!)),
      inOrder(() => save(popup, newIds[17]!), () => save(popup, newIds[18]!)),
    );
    // Clicks during the third page's writes (50 new papers, 50 revised ones)...
    page3.release();
    await together(
      inOrder(...newIds.slice(20, 25).map((id) => () => markRead(tabA, id))),
      inOrder(() => save(tabB, newIds[25]!), () => save(tabB, newIds[26]!), () => hide(tabB, newIds[31]!)),
      inOrder(() => save(popup, newIds[27]!)),
    );
    // ...and during sonar's, which matches 40 papers the reader has just read, hidden or saved.
    await arrival(sonarPage, 'sonar\'s page was asked for');
    sonarPage.release();
    await together(
      inOrder(...newIds.slice(28, 30).map((id) => () => markRead(tabA, id))),
      inOrder(() => hide(tabB, newIds[19]!)),
      inOrder(() => save(popup, newIds[30]!)),
    );
    await until(async () => (await syncState(tabA)).state === 'ok' && h.fake.apiRequests().length === before + 4, 'the sync finished', 60_000);

    const papers = new Map((await readStoredPapers<StoredPaper>(tabA)).map((p) => [p.id, p]));
    const library = await readStore<LibraryRow>(tabA, 'library');
    const subscriptions = await readStore<Subscription>(tabA, 'subscriptions');
    const subId = (label: string) => subscriptions.find((s) => s.label === label)!.id;

    // Every paper once, in the subscriptions that matched it.
    expect(papers.size).toBe(150 + 30 + 250);
    expect([...papers.values()].filter((p) => p.subs.includes(subId('radar')))).toHaveLength(400);
    expect([...papers.values()].filter((p) => p.subs.includes(subId('sonar')))).toHaveLength(70);
    expect(papers.get(newIds[3]!)!.subs.sort()).toEqual([subId('radar'), subId('sonar')].sort());

    // Every save made is in the library, with its metadata.
    expect(library.map((i) => i.id).sort()).toEqual([...saved].sort());
    for (const item of library) {
      expect(item.pending, item.id).toBeUndefined();
      expect(papers.get(item.id)?.title, item.id).toBeTruthy();
    }
    // Read and hidden marks stuck, through the revision and through sonar's re-ingest.
    for (const id of read) expect([id, papers.get(id)?.readAt !== undefined, papers.get(id)?.unread, papers.get(id)?.unreadIn]).toEqual([id, true, undefined, []]);
    for (const id of hidden) expect([id, papers.get(id)?.hiddenAt !== undefined, papers.get(id)?.unread]).toEqual([id, true, undefined]);
    for (const id of oldIds.slice(0, 5)) expect(papers.get(id)!.title).toMatch(/\(revised\)$/);

    // Unread counts on every page equal the stored unread papers.
    const unread = [...papers.values()].filter((p) => p.unread === 1);
    expect(unread.every((p) => p.readAt === undefined && p.hiddenAt === undefined)).toBe(true);
    const unreadIn = (label: string) => unread.filter((p) => p.unreadIn.includes(subId(label))).length;
    for (const tab of [tabA, tabB]) {
      await expect.poll(() => chipCount(tab, /^All /)).toBe(unread.length);
      await expect.poll(() => chipCount(tab, /^radar /)).toBe(unreadIn('radar'));
      await expect.poll(() => chipCount(tab, /^sonar /)).toBe(unreadIn('sonar'));
    }
    await expect.poll(() => chipCount(popup, /^All /)).toBe(unread.length);
    await expect.poll(() => chipCount(popup, /^sonar /)).toBe(unreadIn('sonar'));

    // No card twice on any page; the popup lists only unread papers.
    for (const page of [tabA, tabB, popup]) {
      const ids = await cardIds(page);
      expect(new Set(ids).size, page.url()).toBe(ids.length);
    }
    for (const id of await cardIds(popup)) expect(papers.get(id)?.unread, id).toBe(1);

    // The badge: papers that arrived since the reader last looked, and are not hidden.
    const lastLook = (await seenAt(tabA))!;
    const arrived = [...papers.values()].filter((p) => p.addedAt > lastLook && p.subs.length > 0 && p.hiddenAt === undefined).length;
    expect(arrived).toBe(50);
    await expect.poll(() => badgeText(h)).toBe(String(arrived));

    // The Library of the second tab shows exactly what was saved.
    // It draws one card per task, so twelve cards take more than a second on a loaded machine.
    await tabB.getByRole('link', { name: 'Library' }).click();
    await expect.poll(async () => (await cardIds(tabB)).sort(), { timeout: 15_000 }).toEqual([...saved].sort());
    expect(trouble.errors.filter((e) => e.startsWith('chrome-extension://'))).toEqual([]);
    const figures = h.fake.log.filter((r) => r.path.startsWith('/html/')).length;
    console.log(`concurrency: 4 API requests and ${figures} figure lookups shared arXiv's spacing during the test`);
  });
});
