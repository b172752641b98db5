import type { Locator, Page } from 'playwright-core';
import { LIMITS } from '../../lib/schema/limits';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeArxiv } from './fake-arxiv';
import { launch, readStore, readStoredPapers, subscribe, type Harness } from './harness';
import { pressedOf, pressSaveControl, saveControls } from './save-controls';
import {
  addHostileWorld,
  CANARY_PATH,
  HUGE_AUTHORS,
  HUGE_ID,
  HUGE_WORD,
  hostileAbsPage,
  hugeAbstract,
  markupAbstract,
  markupTitle,
  MARKUP_ID,
  MARKUP_WORD,
  PAYLOADS,
} from './hostile-world';
import { canaryIn, watchPages, type PageTrouble } from './page-watch';

/*
 * No script ever runs: hostile papers (markup, script, javascript: links, TeX links, markup
 * inside math, bidi controls, a 1 MB abstract, 10,000 authors) go through a real sync and every
 * page that shows them; every payload would set window.__pwned and ask the fake arXiv for
 * /canary/…, and every extension page records CSP violations from its first script on.
 */
const QUERY = 'hostile';
// Expanding a 1 MB abstract or 10,000 names may take a moment; this only catches a freeze.
const FREEZE_MS = 10_000;

interface StoredPaper {
  id: string;
  title: string;
  summary: string;
  comment?: string;
  journalRef?: string;
  authors: { name: string }[];
}

let h: Harness;
let trouble: PageTrouble;
const pages: Page[] = [];
let digest: Page;

const card = (page: Page, id: string) => page.locator(`[data-testid="paper-card"][data-arxiv-id="${id}"]`);
const cardIds = (page: Page) => page.locator('[data-testid="paper-card"]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-arxiv-id')));

async function open(path: string): Promise<Page> {
  const page = await h.open(path);
  pages.push(page);
  return page;
}

/** Attributes that could run code or load something, anywhere inside `root`. */
function liveAttributes(root: Locator): Promise<string[]> {
  return root.evaluate((element) =>
    [element, ...element.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes]
        .filter((a) => a.name.startsWith('on') || /^\s*(javascript|data|vbscript):/i.test(a.value) || a.name === 'srcdoc')
        .map((a) => `<${el.localName} ${a.name}="${a.value.slice(0, 60)}">`),
    ),
  );
}

/** Elements that load or run something; a card has none of them (its figure is off here). */
const loadingElements = (root: Locator) =>
  root.evaluate((element) => [...element.querySelectorAll('script, iframe, frame, object, embed, img, image, svg:not([aria-hidden="true"]), a[href^="javascript" i]')].map((el) => el.outerHTML.slice(0, 80)));

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work();
  const ms = Date.now() - started;
  console.log(`canary: ${label}: ${ms} ms`);
  expect(ms, label).toBeLessThan(FREEZE_MS);
  return result;
}

async function expectNothingRan(): Promise<void> {
  for (const page of pages.filter((p) => !p.isClosed())) {
    const report = await canaryIn(page);
    expect(report.pwned, report.url).toBeNull();
    if (report.url.startsWith('chrome-extension://')) expect(report.cspViolations, report.url).toEqual([]);
  }
  expect(h.fake.log.filter((r) => r.path.startsWith(CANARY_PATH))).toEqual([]);
  expect(trouble.errors.filter((e) => e.startsWith('chrome-extension://'))).toEqual([]);
}

beforeAll(async () => {
  const fake = new FakeArxiv();
  addHostileWorld(fake, QUERY);
  fake.pages.set(`/abs/${MARKUP_ID}`, hostileAbsPage(MARKUP_ID));
  h = await launch({ fake });
  trouble = await watchPages(h.context);
});
afterAll(async () => h?.close());

describe('hostile papers from arXiv', () => {
  it('are previewed and stored as text by a real sync', async () => {
    const options = await open('options.html');
    await options.getByTestId('subscription-input').fill(QUERY);
    await options.getByRole('button', { name: 'Preview' }).click();
    const preview = options.locator('.preview-results');
    await expect.poll(() => preview.innerText(), { timeout: 15_000 }).toContain(`${MARKUP_WORD} ${PAYLOADS.img}`);
    expect(await liveAttributes(preview)).toEqual([]);
    await options.getByTestId('subscription-input').fill('');

    await subscribe(options, QUERY, 2);
    const stored = await readStoredPapers<StoredPaper>(options);
    const markup = stored.find((p) => p.id === MARKUP_ID)!;
    const huge = stored.find((p) => p.id === HUGE_ID)!;
    expect(markup.title).toBe(markupTitle);
    expect(markup.summary).toBe(markupAbstract);
    expect(markup.authors[0]!.name).toBe(PAYLOADS.img);
    // Stored cut to the limit every paper keeps (lib/schema/limits.ts), marked as cut.
    expect(huge.summary).toBe(`${hugeAbstract.slice(0, LIMITS.summary - 1).trimEnd()}…`);
    expect(huge.authors).toHaveLength(HUGE_AUTHORS);
    await expectNothingRan();
  });

  it('show as text on the new tab, abstracts and authors expanded, links only to https', async () => {
    digest = await open('newtab.html');
    const markup = card(digest, MARKUP_ID);
    const huge = card(digest, HUGE_ID);
    await timed('new tab, both hostile cards shown', async () => {
      await markup.waitFor();
      await huge.waitFor();
    });
    const title = await markup.locator('.card__title').innerText();
    expect(title).toContain(`${MARKUP_WORD} ${PAYLOADS.img} ${PAYLOADS.script}`);
    expect(await markup.locator('.card__authors').innerText()).toContain(PAYLOADS.img);
    expect(await markup.locator('.card__comment').innerText()).toContain(PAYLOADS.link);
    expect(await markup.locator('.card__journal').innerText()).toContain('<a href=javascript:');

    await timed('expand the hostile abstract', async () => {
      await markup.getByRole('button', { name: 'Show full abstract' }).click();
      await expect.poll(() => markup.locator('.card__abstract').innerText()).toContain(PAYLOADS.svg);
    });
    expect(await markup.locator('.card__abstract').innerText()).toContain(PAYLOADS.link);
    await timed('expand the abstract cut from 1 MB', async () => {
      await huge.getByRole('button', { name: 'Show full abstract' }).click();
      await expect.poll(() => huge.locator('.card__abstract').evaluate((p) => p.textContent!.length)).toBeGreaterThan(LIMITS.summary - 100);
    });
    await timed('show all 10,000 authors', async () => {
      await huge.getByRole('button', { name: `Show all ${HUGE_AUTHORS} authors` }).click();
      await expect.poll(() => huge.locator('.card__authors').innerText()).toContain(`Author Number ${HUGE_AUTHORS - 1}`);
    });

    for (const c of [markup, huge]) {
      expect(await liveAttributes(c)).toEqual([]);
      expect(await loadingElements(c)).toEqual([]);
      const hrefs = await c.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href).toMatch(/^https:\/\/(arxiv\.org|github\.com)\//);
    }
    await expectNothingRan();
  });

  it('isolate bidirectional text in every piece of a card', async () => {
    const markup = card(digest, MARKUP_ID);
    const isolation = await markup.evaluate((root) => {
      const pieces = ['.card__title', '.card__authors', '.card__comment', '.card__journal', '.card__abstract'];
      return pieces.map((selector) => {
        const element = root.querySelector(selector);
        if (!element) return `${selector}: missing`;
        const isolates = (el: Element) => el.getAttribute('dir') === 'auto' || /isolate|plaintext/.test(getComputedStyle(el).unicodeBidi);
        return `${selector}: ${isolates(element) ? 'isolated' : getComputedStyle(element).unicodeBidi}`;
      });
    });
    expect(isolation).toEqual(['.card__title', '.card__authors', '.card__comment', '.card__journal', '.card__abstract'].map((s) => `${s}: isolated`));
    // Each author's name is isolated too: an override in one name cannot reverse the next.
    const names = await markup.locator('.card__authors bdi, .card__authors [dir="auto"]').allInnerTexts();
    expect(names[1]).toBe(`${PAYLOADS.bidi} Noam Shazeer`);
  });

  it('are found by search, also by a word of the 1 MB paper', async () => {
    for (const [word, id] of [[MARKUP_WORD, MARKUP_ID], [HUGE_WORD, HUGE_ID]] as const) {
      await timed(`search for "${word}"`, async () => {
        await digest.getByTestId('search-input').fill(word);
        await expect.poll(() => digest.locator('#search-summary').getAttribute('data-query'), { timeout: FREEZE_MS }).toBe(word);
        await expect.poll(() => cardIds(digest)).toEqual([id]);
      });
    }
    expect(await card(digest, HUGE_ID).locator('.card__title').innerText()).toContain(PAYLOADS.svg);
    await digest.getByTestId('search-input').fill('');
    await expectNothingRan();
  });

  it('copy their BibTeX as text', async () => {
    // The clipboard cannot be read back from an extension page here: what is written is recorded on its way.
    await digest.evaluate(() => {
      const clipboard = navigator.clipboard;
      const write = clipboard.writeText.bind(clipboard);
      clipboard.writeText = (text: string) => {
        (window as unknown as { __copied?: string }).__copied = text;
        return write(text);
      };
    });
    await digest.bringToFront();
    await card(digest, MARKUP_ID).getByRole('button', { name: 'BibTeX' }).click();
    await expect.poll(() => digest.locator('body').innerText()).toMatch(/BibTeX copied\.|Could not copy/);
    const bibtex = await digest.evaluate(() => (window as unknown as { __copied?: string }).__copied ?? '');
    expect(bibtex).toMatch(new RegExp(`^@misc\\{[^,]+,\\n\\s+title=\\{${MARKUP_WORD}`));
    expect(bibtex).toContain(`eprint={${MARKUP_ID}}`);
    expect(await digest.locator('body').innerText()).toContain('BibTeX copied.');
    await expectNothingRan();
  });

  it('are saved, and the Library shows and searches them as text', async () => {
    for (const id of [MARKUP_ID, HUGE_ID]) {
      const toggle = card(digest, id).getByTestId('save-toggle');
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    }
    await digest.getByRole('link', { name: 'Library' }).click();
    await expect.poll(() => cardIds(digest), { timeout: 15_000 }).toEqual(expect.arrayContaining([MARKUP_ID, HUGE_ID]));
    const huge = card(digest, HUGE_ID);
    await timed('Library: show all 10,000 authors and the 1 MB abstract', async () => {
      await huge.getByRole('button', { name: `Show all ${HUGE_AUTHORS} authors` }).click();
      await huge.getByRole('button', { name: 'Show full abstract' }).click();
      await expect.poll(() => huge.locator('.card__authors').innerText()).toContain(`Author Number ${HUGE_AUTHORS - 1}`);
    });
    expect(await liveAttributes(huge)).toEqual([]);
    expect(await loadingElements(huge)).toEqual([]);
    await digest.getByTestId('search-input').fill(MARKUP_WORD);
    await expect.poll(() => cardIds(digest)).toEqual([MARKUP_ID]);
    const markup = card(digest, MARKUP_ID);
    expect(await markup.locator('.card__title').innerText()).toContain(PAYLOADS.script);
    await markup.getByRole('button', { name: 'Show full abstract' }).click();
    expect(await markup.locator('.card__abstract').innerText()).toContain(PAYLOADS.frame);
    expect(await liveAttributes(markup)).toEqual([]);
    expect(await loadingElements(markup)).toEqual([]);
    await digest.getByTestId('search-input').fill('');
    await expectNothingRan();
  });

  it('show as text in the popup', async () => {
    const popup = await open('popup.html');
    const markup = card(popup, MARKUP_ID);
    await markup.waitFor();
    expect(await markup.innerText()).toContain(`${MARKUP_WORD} ${PAYLOADS.img}`);
    expect(await markup.innerText()).toContain(PAYLOADS.img); // the first author's name
    expect(await card(popup, HUGE_ID).innerText()).toContain(PAYLOADS.svg);
    expect(await liveAttributes(popup.locator('body'))).toEqual([]);
    const author = markup.locator('.mini__author');
    expect(await author.innerText()).toContain(PAYLOADS.img);
    expect(await author.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');
    await expectNothingRan();
  });
});

describe('a hostile arXiv page', () => {
  it('shows its markup as the page made it; our one control ignores look-alikes and never runs anything', async () => {
    const arxiv = await h.context.newPage();
    pages.push(arxiv);
    await arxiv.goto(`https://arxiv.org/abs/${MARKUP_ID}`);
    // The page planted two look-alikes in its own DOM; ours is the one in a (closed) shadow root.
    const planted = arxiv.locator('button[data-paper-radar-save]');
    await expect.poll(async () => (await saveControls(arxiv)).map((c) => c.id)).toEqual([MARKUP_ID]);
    const asPlanted = [`${MARKUP_ID} true Saved to Paper Radar`, '../../etc/passwd false Save'];
    const plantedNow = () => planted.evaluateAll((buttons) => buttons.map((b) => `${b.getAttribute('data-arxiv-id')} ${b.getAttribute('aria-pressed')} ${b.textContent}`));
    expect(await plantedNow()).toEqual(asPlanted);
    await expect.poll(() => pressedOf(arxiv, MARKUP_ID)).toBe('true');
    expect(await arxiv.locator('h1.title').innerText()).toContain(PAYLOADS.script);

    await pressSaveControl(arxiv, MARKUP_ID);
    await expect.poll(() => pressedOf(arxiv, MARKUP_ID), { timeout: 15_000 }).toBe('false');
    await expect.poll(async () => (await readStore<{ id: string }>(digest, 'library')).map((i) => i.id)).toEqual([HUGE_ID]);
    await pressSaveControl(arxiv, MARKUP_ID);
    await expect.poll(() => pressedOf(arxiv, MARKUP_ID), { timeout: 15_000 }).toBe('true');
    await expect.poll(async () => (await readStore<{ id: string }>(digest, 'library')).map((i) => i.id).sort()).toEqual([HUGE_ID, MARKUP_ID].sort());
    expect(await plantedNow()).toEqual(asPlanted);

    // Pressing the page's look-alikes saves nothing and changes nothing of ours.
    const before = await readStore(digest, 'library');
    await planted.first().click();
    await planted.nth(1).click();
    await arxiv.waitForTimeout(500);
    expect(await readStore(digest, 'library')).toEqual(before);
    expect(await pressedOf(arxiv, MARKUP_ID)).toBe('true');
    expect(await arxiv.evaluate(() => document.querySelectorAll('img[src*="canary"], iframe[src*="canary"]').length)).toBe(0);
    await expectNothingRan();
  });
});

describe('the watch itself', () => {
  it('would see a payload that got in as markup: a CSP violation, and the image asked for', async () => {
    const page = await h.open('options.html');
    await page.evaluate(() => {
      const holder = document.createElement('div');
      // Deliberately the sink the extension never uses, to prove the detectors work.
      holder.innerHTML = `<img src="https://arxiv.org/probe/img" onerror="window.__pwned=1">`;
      document.body.append(holder);
    });
    await expect.poll(async () => (await canaryIn(page)).cspViolations).toContainEqual(expect.stringMatching(/^script-src-attr blocked inline/));
    await expect.poll(() => h.fake.log.some((r) => r.path === '/probe/img')).toBe(true);
    await page.close();
  });
});
