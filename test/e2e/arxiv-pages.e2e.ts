import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, readStore, readStoredPapers, type Harness } from './harness';
import { controlsWhenCounted, pressedOf, pressSaveControl, saveControls } from './save-controls';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

async function waitForPapers<T>(predicate: (papers: T[]) => boolean, timeout = 20_000): Promise<T[]> {
  const until = Date.now() + timeout;
  for (;;) {
    const papers = await readStoredPapers<T>(await h.worker());
    if (predicate(papers)) return papers;
    if (Date.now() > until) throw new Error(`timed out waiting for papers: ${JSON.stringify(papers).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('Save buttons on arXiv pages', () => {
  it.each([
    ['https://arxiv.org/list/cs.CL/recent?skip=0&show=50', 50],
    ['https://arxiv.org/search/?searchtype=all&query=attention+is+all+you+need&size=50', 50],
    ['https://arxiv.org/abs/1706.03762', 1],
    ['https://arxiv.org/abs/1207.7214', 1],
  ])('%s gets one control per paper', async (url, papers) => {
    const page = await h.context.newPage();
    await page.goto(url);
    const controls = await controlsWhenCounted(page, papers);
    await page.waitForTimeout(300);
    expect(await saveControls(page)).toHaveLength(papers);
    expect(new Set(controls.map((c) => c.id)).size).toBe(papers);
    await page.close();
  });

  it('saves with one click, with full metadata from the API, and shows it saved after a reload', async () => {
    const page = await h.context.newPage();
    await page.goto('https://arxiv.org/abs/1706.03762');
    await expect.poll(() => pressedOf(page, '1706.03762')).toBe('false');
    await pressSaveControl(page, '1706.03762');
    await expect.poll(() => pressedOf(page, '1706.03762'), { timeout: 15_000 }).toBe('true');
    const papers = await waitForPapers<{ id: string; title: string; authors: unknown[] }>((papers) => papers.some((p) => p.id === '1706.03762'));
    const paper = papers.find((p) => p.id === '1706.03762')!;
    expect(paper.title).toBe('Attention Is All You Need');
    expect(paper.authors).toHaveLength(8);
    const library = await readStore<{ id: string; pending?: number }>(await h.worker(), 'library');
    expect(library.find((i) => i.id === '1706.03762')?.pending).toBeUndefined();
    expect(h.fake.log.some((r) => r.path.includes('id_list=1706.03762'))).toBe(true);
    await page.reload();
    await expect.poll(() => pressedOf(page, '1706.03762')).toBe('true');
    expect(await saveControls(page)).toHaveLength(1);
    await page.close();
  });

  it('never shows a control twice after navigating back and forth', async () => {
    const page = await h.context.newPage();
    await page.goto('https://arxiv.org/list/cs.CL/recent?skip=0&show=50');
    await controlsWhenCounted(page, 50);
    await page.goto('https://arxiv.org/abs/1207.7214');
    await controlsWhenCounted(page, 1);
    await page.goBack();
    await controlsWhenCounted(page, 50);
    await page.goForward();
    await controlsWhenCounted(page, 1);
    await page.goBack();
    await controlsWhenCounted(page, 50);
    await page.waitForTimeout(500);
    expect(await saveControls(page)).toHaveLength(50);
    await page.close();
  });
});
