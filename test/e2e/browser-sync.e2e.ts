import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { decodeShard } from '../../lib/browser-sync/codec';
import { attentionPaper, higgsPaper } from '../helpers/fixtures';
import { launch, readStoredPapers, type Harness } from './harness';

/**
 * One reader's two computers. The vendor's sync is played by the test: it copies the
 * `storage.sync` items of one profile into the other (what Chrome Sync does, item by item).
 */
const BACKUP = {
  format: 'paper-radar-backup',
  version: 1,
  exportedAt: '2026-12-01T09:00:00Z',
  subscriptions: [{ id: 'work-testing', kind: 'keyword', value: 'testing', categories: [], exclude: [], label: 'Testing', enabled: true, order: 0, createdAt: Date.UTC(2026, 10, 1) }],
  library: [
    { id: attentionPaper.id, savedAt: Date.UTC(2026, 10, 2), paper: attentionPaper, tags: ['to read', 'transformers'], note: 'Section 3.2: the scaling — ∑ αβ.' },
    { id: higgsPaper.id, savedAt: Date.UTC(2026, 10, 3), paper: higgsPaper, tags: ['physics'], note: '' },
  ],
  settings: { theme: 'dark' },
};

type SyncItems = Record<string, unknown>;

const syncItems = (page: Page) => page.evaluate(() => (globalThis as unknown as { chrome: { storage: { sync: { get(k: null): Promise<SyncItems> } } } }).chrome.storage.sync.get(null));

/** The records the synced items hold, by key, as the extension wrote them. */
async function records(page: Page): Promise<Map<string, unknown[]>> {
  const rows = await Promise.all(Object.values(await syncItems(page)).map(decodeShard));
  return new Map((rows.flat() as unknown[][]).map((row) => [row[0] as string, row]));
}

/** Waits until the profile's synced items hold what `ready` looks for (its background writes a moment after a change). */
async function waitForSynced(page: Page, ready: (synced: Map<string, unknown[]>) => boolean): Promise<void> {
  await expect.poll(async () => ready(await records(page)), { timeout: 20_000, interval: 250 }).toBe(true);
}

/** What Chrome Sync does between two computers: the items of one arrive in the other. */
async function carry(from: Page, to: Page): Promise<void> {
  const items = await syncItems(from);
  await to.evaluate((values) => (globalThis as unknown as { chrome: { storage: { sync: { set(v: SyncItems): Promise<void> } } } }).chrome.storage.sync.set(values), items);
}

const libraryCard = (page: Page, id: string) => page.locator(`.library [data-testid="paper-card"][data-arxiv-id="${id}"]`);
const entryOf = (page: Page, id: string) => page.locator('.library .library-entry', { has: page.locator(`[data-testid="paper-card"][data-arxiv-id="${id}"]`) });
const text = (page: Page, selector: ReturnType<Page['locator']>) => selector.count().then((n) => (n === 0 ? '' : selector.first().innerText()));
const poll = { timeout: 30_000, interval: 250 };

describe('two computers of one reader, kept in step through the browser’s sync', () => {
  let work: Harness;
  let home: Harness;
  let workOptions: Page;
  let homeOptions: Page;
  let homeLibrary: Page;

  beforeAll(async () => {
    [work, home] = await Promise.all([launch(), launch()]);
    workOptions = await work.open('options.html');
    homeOptions = await home.open('options.html');
    homeLibrary = await home.open('newtab.html#library');
  }, 60_000);
  afterAll(async () => Promise.all([work?.close(), home?.close()]));

  it('brings subscriptions, settings, saved papers, tags and notes to the other computer without a reload', async () => {
    await workOptions.getByTestId('import-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(BACKUP)) });
    await workOptions.getByRole('button', { name: 'Import', exact: true }).click();
    await waitForSynced(workOptions, (synced) => synced.has(`l:${attentionPaper.id}`) && synced.has('s:work-testing') && synced.get('o:theme')?.[2] === 'dark');

    await carry(workOptions, homeOptions);
    // Open pages of the other computer follow at once: no reload.
    await expect.poll(() => homeOptions.getByTestId('subscription-row').count(), poll).toBe(1);
    expect(await homeOptions.locator('[data-subscription-id="work-testing"]').innerText()).toContain('Testing');
    await expect.poll(() => homeOptions.evaluate(() => document.documentElement.dataset.theme), poll).toBe('dark');
    // The papers' details come from arXiv, asked by id.
    await expect.poll(() => text(homeLibrary, libraryCard(homeLibrary, attentionPaper.id)), poll).toContain('Attention Is All You Need');
    await expect.poll(() => text(homeLibrary, libraryCard(homeLibrary, higgsPaper.id)), poll).toContain('Higgs');
    const entry = entryOf(homeLibrary, attentionPaper.id);
    expect(await entry.getByRole('list', { name: 'Tags' }).innerText()).toContain('transformers');
    expect(await entry.getByRole('textbox', { name: /^Note on/ }).inputValue()).toBe('Section 3.2: the scaling — ∑ αβ.');
    expect(home.fake.apiRequests().some((r) => r.path.includes('id_list'))).toBe(true);
  }, 120_000);

  it('carries an unsave and a tag made on the other computer back', async () => {
    const higgs = entryOf(homeLibrary, higgsPaper.id);
    const attention = entryOf(homeLibrary, attentionPaper.id);
    await attention.getByLabel('Add a tag').fill('reading group');
    await attention.getByLabel('Add a tag').press('Enter');
    await higgs.getByTestId('save-toggle').click();
    await waitForSynced(homeOptions, (synced) => synced.get(`l:${higgsPaper.id}`)?.length === 2 && JSON.stringify(synced.get(`g:${attentionPaper.id}`)).includes('reading group'));

    const workLibrary = await work.open('newtab.html#library');
    await expect.poll(() => libraryCard(workLibrary, higgsPaper.id).count(), poll).toBe(1);
    await carry(homeOptions, workOptions);
    await expect.poll(() => libraryCard(workLibrary, higgsPaper.id).count(), poll).toBe(0);
    await expect.poll(() => text(workLibrary, entryOf(workLibrary, attentionPaper.id).getByRole('list', { name: 'Tags' })), poll).toContain('reading group');
  }, 120_000);

  it('keeps edits made on both computers between two copies', async () => {
    const workLibrary = await work.open('newtab.html#library');
    const workEntry = entryOf(workLibrary, attentionPaper.id);
    const homeEntry = entryOf(homeLibrary, attentionPaper.id);
    // At work a note changes; at home, meanwhile, a tag is added to the same paper and a setting changes.
    // (Tags, note and settings are records of their own: all three changes stay.)
    const note = workEntry.getByRole('textbox', { name: /^Note on/ });
    await note.fill('Read with the reading group on Friday.');
    await note.blur();
    await homeEntry.getByLabel('Add a tag').fill('friday');
    await homeEntry.getByLabel('Add a tag').press('Enter');
    await waitForSynced(workOptions, (synced) => JSON.stringify(synced.get(`m:${attentionPaper.id}`)).includes('Friday.'));
    await waitForSynced(homeOptions, (synced) => JSON.stringify(synced.get(`g:${attentionPaper.id}`)).includes('friday'));
    await homeOptions.getByLabel('Notify me when new papers arrive').uncheck();
    await waitForSynced(homeOptions, (synced) => synced.get('o:notifications')?.[2] === false);

    // Chrome Sync brings work's items home (over home's own), home merges and writes both; then home's go to work.
    await carry(workOptions, homeOptions);
    await waitForSynced(homeOptions, (synced) => JSON.stringify(synced.get(`m:${attentionPaper.id}`)).includes('Friday.') && JSON.stringify(synced.get(`g:${attentionPaper.id}`)).includes('friday') && synced.get('o:notifications')?.[2] === false);
    await carry(homeOptions, workOptions);
    await expect.poll(() => workOptions.getByLabel('Notify me when new papers arrive').isChecked(), poll).toBe(false);
    await expect.poll(() => text(workLibrary, workEntry.getByRole('list', { name: 'Tags' })), poll).toContain('friday');
    expect(await note.inputValue()).toBe('Read with the reading group on Friday.');
    await expect.poll(() => homeEntry.getByRole('textbox', { name: /^Note on/ }).inputValue(), poll).toBe('Read with the reading group on Friday.');
    expect(await text(homeLibrary, homeEntry.getByRole('list', { name: 'Tags' }))).toContain('friday');
  }, 120_000);

  it('carries what was read on one computer to the other, where an open new tab follows', async () => {
    const testing = work.fake.world.get('testing')!.length;
    const unread = async (page: Page) => (await readStoredPapers<{ readAt?: number; subs: string[] }>(page)).filter((p) => p.subs.length > 0 && p.readAt === undefined).length;
    // Both computers have fetched the subscription's papers from arXiv themselves.
    await expect.poll(() => unread(workOptions), poll).toBe(testing);
    await expect.poll(() => unread(homeOptions), poll).toBe(testing);
    const homeDigest = await home.open('newtab.html');
    await expect.poll(() => homeDigest.locator('.feed-bar__count').innerText(), poll).toBe(`${testing} unread`);

    const workDigest = await work.open('newtab.html');
    await workDigest.getByRole('button', { name: 'Mark all as read' }).click();
    await expect.poll(() => workDigest.locator('.feed-bar__count').innerText(), poll).toBe('No unread papers');
    // Read marks go up within 20 s of the last one (a reader marks papers read every few seconds).
    await expect.poll(async () => [...(await records(workOptions)).keys()].filter((key) => key.startsWith('r:')).length, { timeout: 45_000, interval: 500 }).toBe(testing);

    await carry(workOptions, homeOptions);
    await expect.poll(() => homeDigest.locator('.feed-bar__count').innerText(), poll).toBe('No unread papers');
    expect(await unread(homeOptions)).toBe(0);
  }, 120_000);
});
