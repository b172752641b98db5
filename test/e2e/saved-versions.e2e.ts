import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAtomFeed } from '../../lib/arxiv/atom';
import { MAX_URL_LENGTH } from '../../lib/arxiv/query';
import { derivedEntries } from '../helpers/derived-world';
import { entryId, feedXml } from '../helpers/fake-arxiv-feed';
import { revisedBlock } from '../helpers/revised-entry';
import { launch, minimumGap, notificationIds, readStore, subscribe, type Harness } from './harness';
import { pressedOf, pressSaveControl } from './save-controls';
import { setMeta } from './scale-store';

/*
 * A saved paper gets a new version on arXiv; the next daily check finds it. The library holds
 * the attention paper (saved with the Save button on its arXiv page: v7) and 400 papers derived
 * from the real `testing` entries (2605.10000 …, restored from a backup), so the check needs two
 * id_list requests: one URL holds 358 of these ids (lib/watch/batches.ts).
 */
let h: Harness;
let options: Page;
const DAY = 86_400_000;
const ATTENTION = '1706.03762';
const JOURNAL = 'Advances in Neural Information Processing Systems 30 (NIPS 2017)';
const derived = derivedEntries(400, { first: 10000 });

declare const chrome: {
  notifications: { create(id: string, options: { message: string }): Promise<string> };
};

interface Item {
  id: string;
  pending?: number;
}

async function until(check: () => Promise<boolean>, what: string, timeout = 60_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The check of saved papers as the background keeps it (lib/db/saved-check.ts). */
async function checkState(): Promise<{ announcement: number; finishedAt?: number }> {
  const meta = await readStore<{ key: string; value: { announcement: number; finishedAt?: number } }>(options, 'meta');
  return meta.find((m) => m.key === 'savedCheck')!.value;
}

/** Restores a backup that holds these papers in its library, as a reader does in the options page. */
async function importLibrary(page: Page, blocks: string[]): Promise<void> {
  const entries = parseAtomFeed(feedXml(blocks, blocks.length, 0, blocks.length)).entries;
  const backup = {
    format: 'paper-radar-backup',
    version: 1,
    exportedAt: new Date().toISOString(),
    subscriptions: [],
    library: entries.map((paper, i) => ({ id: paper.id, savedAt: Date.now() - DAY + i, paper, tags: [], note: '' })),
    settings: {},
  };
  await page.getByTestId('import-file').setInputFiles({ name: 'library.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await page.getByRole('group', { name: 'Import this backup?' }).getByRole('button', { name: 'Import' }).click();
}

beforeAll(async () => {
  h = await launch();
  // arXiv knows the derived papers too, for id_list lookups.
  for (const block of derived) h.fake.pool.set(entryId(block), block);
  options = await h.open('options.html');
  // The first sync, and after it the first check of the (still empty) library.
  await subscribe(options, 'testing', 40);
});
afterAll(async () => h?.close());

describe('watching saved papers in Chromium against the fake arXiv', () => {
  it('marks a saved paper arXiv revised after the next daily check: library, filter, notification, BibTeX, requests', async () => {
    const arxiv = await h.context.newPage();
    await arxiv.goto(`https://arxiv.org/abs/${ATTENTION}`);
    await expect.poll(() => pressedOf(arxiv, ATTENTION)).toBe('false');
    await pressSaveControl(arxiv, ATTENTION);
    await until(async () => (await readStore<Item>(options, 'library')).some((i) => i.id === ATTENTION && i.pending === undefined), 'the save completed');
    await arxiv.close();
    await importLibrary(options, derived);
    await until(async () => (await readStore<Item>(options, 'library')).length === 401, 'the backup was imported');

    // arXiv announces v8 (derived here from the real v7 entry): a journal reference, a new comment.
    const revisedAt = new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    h.fake.pool.set(ATTENTION, revisedBlock(h.fake.pool.get(ATTENTION)!, { version: 8, updated: revisedAt, comment: '15 pages, 5 figures; camera-ready', journalRef: JOURNAL }));
    // A day passes: the last check read an announcement that is now a week old.
    const last = await checkState();
    expect(last.finishedAt).toBeDefined();
    await setMeta(options, 'savedCheck', { ...last, announcement: last.announcement - 7 * DAY });
    // What the notification says (the browser API keeps ids only): recorded on its way out.
    await (await h.worker()).evaluate(() => {
      const told: { id: string; message: string }[] = [];
      Object.assign(globalThis, { told });
      const create = chrome.notifications.create.bind(chrome.notifications);
      chrome.notifications.create = (id, options) => (told.push({ id, message: options.message }), create(id, options));
    });

    const library = await h.open('newtab.html#library');
    const before = h.fake.apiRequests().length;
    await library.getByTestId('sync-now').click();
    const card = library.locator(`[data-testid="paper-card"][data-arxiv-id="${ATTENTION}"]`);
    await expect.poll(() => card.getByTestId('saved-change').textContent(), { timeout: 60_000 }).toMatch(/^v8 since you saved v7 · .+ · changed: comment, journal reference · All versions/);
    expect(await card.getByTestId('saved-change').textContent()).toContain(`Published: ${JOURNAL}`);

    // One request for the subscription, then one per batch of the check, never closer than 3 s.
    await until(async () => (await checkState()).finishedAt! > last.finishedAt!, 'the check finished');
    const requests = h.fake.apiRequests().slice(before);
    const lookups = requests.filter((r) => r.path.includes('id_list='));
    expect(requests).toHaveLength(3);
    expect(lookups).toHaveLength(2);
    const asked = lookups.map((r) => new URL(r.path, 'https://export.arxiv.org').searchParams.get('id_list')!.split(','));
    expect(asked.map((ids) => ids.length)).toEqual([358, 43]);
    expect(new Set(asked.flat())).toEqual(new Set((await readStore<Item>(options, 'library')).map((i) => i.id)));
    for (const r of lookups) expect(`https://export.arxiv.org${r.path}`.length).toBeLessThanOrEqual(MAX_URL_LENGTH);
    expect(minimumGap(h.fake.apiRequests().map((r) => r.at))).toBeGreaterThanOrEqual(3000);

    // The filter finds it, and only it.
    await library.getByRole('button', { name: 'Changed since saved (1)' }).click();
    await expect.poll(() => library.getByTestId('paper-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-arxiv-id')))).toEqual([ATTENTION]);

    // The notification names it (told just after the check's end is stored).
    await expect.poll(() => notificationIds(h)).toContain('paper-radar:saved-changes');
    const told = await (await h.worker()).evaluate(() => (globalThis as unknown as { told: { id: string; message: string }[] }).told);
    expect(told.filter((t) => t.id === 'paper-radar:saved-changes').map((t) => t.message)).toEqual(['1 saved paper has a new version\nAttention Is All You Need — v8 since you saved v7']);

    // The BibTeX of the filtered library is the new version's.
    const [download] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'Export BibTeX' }).click()]);
    const bibtex = readFileSync((await download.path())!, 'utf8');
    expect(bibtex).toContain(`journal={${JOURNAL}},`);
    expect(bibtex).toContain(`year={${revisedAt.slice(0, 4)}},`);
    expect(bibtex.match(/^@misc\{/gm)).toHaveLength(1);
  });
});
