import { cleanup, fireEvent, render, waitFor } from '../../../helpers/dom-testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaperCard } from '../../../../components/paper-card/paper-card';
import { db } from '../../../../lib/db/db';
import { ingest } from '../../../../lib/db/ingest';
import type { StoredPaper } from '../../../../lib/db/schema';
import { attentionPaper, higgsPaper, testingPapers } from '../../../helpers/fixtures';
import { figureRequests, newTabServices, renderCards, settle } from '../card-extras-harness';
import { NOW, testServices, WithServices } from '../test-services';
import { getPapers } from '../../../../lib/db/papers';

const ATTENTION_FIGURE = 'https://arxiv.org/html/1706.03762v7/x1.png';

beforeEach(async () => {
  await db.delete();
  await db.open();
});
afterEach(cleanup);

async function stored(...entries: typeof attentionPaper[]): Promise<StoredPaper[]> {
  await ingest(entries, 's', NOW - 1000);
  return (await getPapers(entries.map((e) => e.id))) as StoredPaper[];
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the first figure on a new-tab card', () => {
  it('shows a stored figure as soon as the card comes near the screen, without asking arXiv', async () => {
    await db.extras.put({ id: attentionPaper.id, figureUrl: ATTENTION_FIGURE });
    const tab = newTabServices();
    const { card } = renderCards(await stored(attentionPaper), tab);
    await settle();
    expect(card(attentionPaper.id).querySelector('img')).toBeNull(); // not before it is scrolled to
    tab.screen.scrollTo(card(attentionPaper.id));
    const img = await waitFor(() => {
      const found = card(attentionPaper.id).querySelector<HTMLImageElement>('.card__figure img');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(img.getAttribute('src')).toBe(ATTENTION_FIGURE);
    expect(img.getAttribute('alt')).toBe('First figure of Attention Is All You Need');
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('decoding')).toBe('async');
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(figureRequests(tab)).toEqual([]);
  });

  it('asks the background for the figure of a card the reader scrolls to, and only then', async () => {
    const tab = newTabServices({ handlers: { getFigure: async () => ({ url: ATTENTION_FIGURE }) } });
    const { card } = renderCards(await stored(attentionPaper), tab);
    await settle();
    expect(figureRequests(tab)).toEqual([]);
    tab.screen.scrollTo(card(attentionPaper.id));
    await waitFor(() => expect(card(attentionPaper.id).querySelector('.card__figure img')?.getAttribute('src')).toBe(ATTENTION_FIGURE));
    expect(figureRequests(tab)).toEqual([{ id: attentionPaper.id, version: attentionPaper.version }]);
  });

  it('keeps the figure’s place from the first frame, then shows the figure in it', async () => {
    const tab = newTabServices({ handlers: { getFigure: async () => ({ url: ATTENTION_FIGURE }) } });
    const { card } = renderCards(await stored(attentionPaper), tab);
    // Before anything is known the place is there, waiting: the abstract is laid out around it once.
    const box = card(attentionPaper.id).querySelector('.card__figure')!;
    expect(box.getAttribute('data-figure')).toBe('waiting');
    tab.screen.scrollTo(card(attentionPaper.id));
    await waitFor(() => expect(box.querySelector('img')?.getAttribute('src')).toBe(ATTENTION_FIGURE));
    expect(card(attentionPaper.id).querySelector('.card__figure')).toBe(box);
    expect(box.getAttribute('data-figure')).toBe('shown');
  });

  it('shows no figure for a paper without an HTML version, asked or stored, and keeps its place empty', async () => {
    await db.extras.put({ id: higgsPaper.id, figureUrl: null });
    const tab = newTabServices({ handlers: { getFigure: async () => ({ url: null }) } });
    const { card } = renderCards(await stored(attentionPaper, higgsPaper), tab);
    tab.screen.scrollTo(card(attentionPaper.id));
    tab.screen.scrollTo(card(higgsPaper.id));
    await waitFor(() => expect(figureRequests(tab)).toHaveLength(1));
    await settle();
    expect(figureRequests(tab)).toEqual([{ id: attentionPaper.id, version: attentionPaper.version }]);
    expect(document.querySelector('.card__figure img')).toBeNull();
    expect([...document.querySelectorAll('.card__figure')].map((box) => box.getAttribute('data-figure'))).toEqual(['none', 'none']);
  });

  it('leaves an empty place where a figure’s image fails to load', async () => {
    await db.extras.put({ id: attentionPaper.id, figureUrl: ATTENTION_FIGURE });
    const tab = newTabServices();
    const { card } = renderCards(await stored(attentionPaper), tab);
    tab.screen.scrollTo(card(attentionPaper.id));
    const img = await waitFor(() => {
      const found = card(attentionPaper.id).querySelector('.card__figure img');
      expect(found).not.toBeNull();
      return found!;
    });
    fireEvent.error(img);
    await waitFor(() => expect(card(attentionPaper.id).querySelector('.card__figure img')).toBeNull());
    expect(card(attentionPaper.id).querySelector('.card__figure')?.getAttribute('data-figure')).toBe('none');
  });

  it('asks one figure at a time, and never for a card scrolled past before its turn', async () => {
    const [first, second, third] = testingPapers as [typeof attentionPaper, typeof attentionPaper, typeof attentionPaper];
    const answers = new Map<string, ReturnType<typeof deferred<{ url: string | null }>>>();
    const tab = newTabServices({
      handlers: {
        getFigure: ({ id }) => {
          const answer = deferred<{ url: string | null }>();
          answers.set(id, answer);
          return answer.promise;
        },
      },
    });
    const { card } = renderCards(await stored(first, second, third), tab);
    for (const paper of [first, second, third]) tab.screen.scrollTo(card(paper.id));
    await waitFor(() => expect(figureRequests(tab)).toHaveLength(1));
    await settle();
    expect(figureRequests(tab)).toHaveLength(1); // the others wait for the answer
    tab.screen.scrollAway(card(second.id));
    answers.get(first.id)!.resolve({ url: `https://arxiv.org/html/${first.id}v${first.version}/x1.png` });
    await waitFor(() => expect(figureRequests(tab)).toHaveLength(2));
    expect(figureRequests(tab).map((d) => (d as { id: string }).id)).toEqual([first.id, third.id]);
    await waitFor(() => expect(card(first.id).querySelector('.card__figure img')).not.toBeNull());
  });

  it('asks nothing while the page is hidden, and carries on when it is shown', async () => {
    const tab = newTabServices({ hidden: true, handlers: { getFigure: async () => ({ url: ATTENTION_FIGURE }) } });
    const { card } = renderCards(await stored(attentionPaper), tab);
    tab.screen.scrollTo(card(attentionPaper.id));
    await settle();
    expect(figureRequests(tab)).toEqual([]);
    tab.page.set(false);
    await waitFor(() => expect(card(attentionPaper.id).querySelector('.card__figure img')).not.toBeNull());
    expect(figureRequests(tab)).toHaveLength(1);
  });

  it('shows and asks nothing when figures are turned off, or where the page has no card extras (the popup)', async () => {
    await db.extras.put({ id: attentionPaper.id, figureUrl: ATTENTION_FIGURE });
    const off = newTabServices({ options: { figures: false }, handlers: { getFigure: async () => ({ url: ATTENTION_FIGURE }) } });
    const [paper] = await stored(attentionPaper, higgsPaper);
    const { card } = renderCards([paper!], off);
    off.screen.scrollTo(card(attentionPaper.id));
    await settle();
    expect(card(attentionPaper.id).querySelector('.card__figure')).toBeNull();
    expect(figureRequests(off)).toEqual([]);
    cleanup();
    const plain = testServices();
    render(
      <WithServices services={plain.services}>
        <PaperCard paper={paper!} saved={false} isNew={false} matched={[]} now={NOW} />
      </WithServices>,
    );
    await settle();
    expect(document.querySelector('.card__figure')).toBeNull();
  });

  it('never shows a stored address off arxiv.org, nor a failed answer, and asks no more for it', async () => {
    await db.extras.put({ id: attentionPaper.id, figureUrl: 'https://evil.example/x1.png' });
    const tab = newTabServices({
      handlers: {
        getFigure: async ({ id }) => {
          if (id === higgsPaper.id) throw new Error('arXiv answered HTTP 503.');
          return { url: 'javascript:alert(1)//x.png' };
        },
      },
    });
    const { card } = renderCards(await stored(attentionPaper, higgsPaper), tab);
    tab.screen.scrollTo(card(attentionPaper.id));
    tab.screen.scrollTo(card(higgsPaper.id));
    await waitFor(() => expect(figureRequests(tab)).toHaveLength(2));
    await settle();
    expect(document.querySelector('.card__figure img')).toBeNull();
    tab.screen.scrollAway(card(higgsPaper.id));
    tab.screen.scrollTo(card(higgsPaper.id));
    await settle();
    expect(figureRequests(tab)).toHaveLength(2);
  });
});
