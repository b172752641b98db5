import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArxivEntry } from '../../lib/arxiv/entry';
import { attentionPaper } from '../helpers/fixtures';
import { bibtexNames, readBibtex } from '../unit/cite/read-bibtex';
import { launch, readStore, sendMessage, type Harness } from './harness';

/*
 * What a user types into the library is held to the limits a backup is checked against, so an
 * exported file imports again; and the citations a library exports read as BibTeX and RIS
 * readers read them, whatever the names and identifiers hold.
 */
// Derived from 1706.03762: a paper whose names and DOI trip BibTeX and RIS writers.
const awkward: ArxivEntry = {
  ...attentionPaper,
  id: '2601.00132',
  absUrl: 'https://arxiv.org/abs/2601.00132v1',
  pdfUrl: 'https://arxiv.org/pdf/2601.00132v1',
  authors: ['and Bob', 'Alice Smith', '', 'Carol and'].map((name) => ({ name, affiliations: [] })),
  doi: '10.1000/ab%c',
};

let h: Harness;
let options: Page;
beforeAll(async () => {
  h = await launch();
  options = await h.open('options.html');
  await sendMessage(options, 'savePaper', { id: attentionPaper.id, entry: attentionPaper });
  await sendMessage(options, 'savePaper', { id: awkward.id, entry: awkward });
});
afterAll(async () => h?.close());

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
}

const tagsOf = async (id: string) => (await readStore<{ id: string; tags: string[] }>(options, 'library')).find((item) => item.id === id)!.tags;

describe('tags as the user types them', () => {
  it('a tag longer than a backup holds is said and kept out; one that fits is kept, and wraps', async () => {
    const library = await h.open('newtab.html#library');
    const entry = library.locator('.library-entry', { has: library.locator(`[data-arxiv-id="${attentionPaper.id}"]`) });
    const input = entry.getByRole('combobox', { name: 'Add a tag' });
    await input.fill('x'.repeat(300));
    await expect.poll(() => entry.getByRole('alert').innerText()).toBe('A tag can be at most 100 characters long; this one has 300.');
    await input.press('Enter');
    await library.waitForTimeout(300);
    expect(await tagsOf(attentionPaper.id)).toEqual([]);

    await input.fill('y'.repeat(100));
    await input.press('Enter');
    await expect.poll(() => tagsOf(attentionPaper.id)).toEqual(['y'.repeat(100)]);
    await expect.poll(() => entry.locator('.tag').count()).toBe(1);
    // The 2,682 px of issue 17: the page stays as wide as the window.
    expect(await library.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await library.close();
  });

  it('what was exported after typing the longest tags is imported again', async () => {
    const library = await h.open('newtab.html#library');
    const input = library.locator('.library-entry', { has: library.locator(`[data-arxiv-id="${awkward.id}"]`) }).getByRole('combobox', { name: 'Add a tag' });
    for (const tag of ['z'.repeat(100), 'w'.repeat(300)]) {
      await input.fill(tag);
      await input.press('Enter');
    }
    await expect.poll(() => tagsOf(awkward.id)).toEqual(['z'.repeat(100)]);
    await library.close();
    const file = await downloaded(options, () => options.getByTestId('export-button').click());
    const path = '/tmp/paper-radar-e2e-backup.json';
    await import('node:fs/promises').then((fs) => fs.writeFile(path, file.text));
    await options.getByTestId('import-file').setInputFiles(path);
    await expect.poll(() => options.getByRole('group', { name: 'Import this backup?' }).count()).toBe(1);
    expect(await options.locator('.problems-box').count()).toBe(0);
    await options.getByRole('button', { name: 'Cancel' }).click();
  });
});

describe('citations of the library', () => {
  it('BibTeX: a name with a standalone "and" stays one name, no empty name, no bare %', async () => {
    const { name, text } = await downloaded(options, () => options.getByRole('button', { name: 'Download BibTeX' }).click());
    expect(name).toBe('paper-radar-library.bib');
    const entry = readBibtex(text).find((e) => e.fields.eprint === awkward.id)!;
    expect(bibtexNames(entry.fields.author!)).toEqual(['{and Bob}', 'Alice Smith', '{Carol and}']);
    expect(text).not.toMatch(/(?<!\\)%/);
    expect(entry.fields.doi).toBe('10.1000/abc');
  });

  it('RIS: no author line without a name', async () => {
    const { text } = await downloaded(options, () => options.getByRole('button', { name: 'Download RIS' }).click());
    const record = text.split('\r\n\r\n').find((r) => r.includes(`AN  - arXiv:${awkward.id}`))!;
    const authors = record.split('\r\n').filter((line) => line.startsWith('AU  - '));
    expect(authors).toHaveLength(3);
    expect(authors).not.toContain('AU  - ,');
    expect(authors).toContain('AU  - Smith, Alice');
  });
});
