import { cleanup, fireEvent, render, screen, waitFor, within } from '../../../helpers/dom-testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIBRARY_PAGE } from '../../../../components/library/library-view';
import { LibraryPage } from './library-page';
import { db } from '../../../../lib/db/db';
import { ingest } from '../../../../lib/db/ingest';
import { allLibraryItems, notePendingLookup, papersById, savePaper, setNote, setTags, unsavePaper } from '../../../../lib/db/library';
import { attentionPaper, higgsPaper } from '../../../helpers/fixtures';
import { derivedPapers } from '../../../helpers/derived-world';
import { markTold, recordCheckAnswer, untoldChanges } from '../../../../lib/db/saved-check';
import { NOW, testServices, WithServices } from '../test-services';

// The read of every save (after the first page), held back by a test until it opens the gate (open in every other test).
const wholeRead = vi.hoisted(() => ({ gate: Promise.resolve(), papersGate: Promise.resolve() }));
vi.mock('../../../../lib/db/library', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../lib/db/library')>();
  // Read at once, as Dexie's live queries need, and answered once the gate opens.
  return {
    ...actual,
    allLibraryItems: vi.fn(async () => ((read) => wholeRead.gate.then(() => read))(actual.allLibraryItems())),
    papersById: vi.fn(async (ids: readonly string[]) => ((read) => wholeRead.papersGate.then(() => read))(actual.papersById(ids))),
  };
});

beforeEach(async () => {
  wholeRead.gate = Promise.resolve();
  wholeRead.papersGate = Promise.resolve();
  await db.delete();
  await db.open();
  await ingest([attentionPaper], 'attention', NOW);
  await savePaper(attentionPaper.id, NOW - 2000);
  await savePaper(higgsPaper.id, NOW - 1000, higgsPaper); // saved from arXiv, in no subscription
});
afterEach(cleanup);

function renderLibrary(query = '') {
  const { services } = testServices();
  return render(
    <WithServices services={services}>
      <LibraryPage query={query} now={NOW} />
    </WithServices>,
  );
}

const cardIds = () => screen.queryAllByTestId('paper-card').map((card) => card.dataset.arxivId);

describe('the library', () => {
  it('shows a save still waiting for arXiv and why the last lookup brought nothing; it takes tags and a note, and its removal has Undo', async () => {
    const shown = { title: 'Structural Silence', authors: ['Avijit Roy'], version: 2 };
    await savePaper('2611.99999', NOW - 500, undefined, shown); // saved from a page: its details are not known yet
    const { services, sent } = testServices({
      unsavePaper: async ({ id }) => (await unsavePaper(id), { ok: true }),
      savePaper: ({ id, entry, shown: page }) => savePaper(id, NOW + 60_000, entry, page),
    });
    render(
      <WithServices services={services}>
        <LibraryPage query="" now={NOW} />
      </WithServices>,
    );
    const card = () => screen.getAllByTestId('paper-card').find((c) => c.dataset.arxivId === '2611.99999')!;
    await waitFor(() => expect(card().textContent).toContain('Its details are being fetched from arXiv.'));
    await notePendingLookup(['2611.99999'], 'arXiv’s answer did not include this paper.', NOW);
    await waitFor(() => expect(card().textContent).toContain('No details from arXiv yet: arXiv’s answer did not include this paper. Asked just now; Paper Radar will ask again later.'));
    // Tagged and noted as any save.
    const entry = card().parentElement!;
    const tagInput = within(entry).getByRole('combobox', { name: 'Add a tag' });
    fireEvent.input(tagInput, { target: { value: 'to read' } });
    fireEvent.keyDown(tagInput, { key: 'Enter' });
    await waitFor(async () => expect((await db.library.get('2611.99999'))!.tags).toEqual(['to read']));
    const before = await db.library.get('2611.99999');
    const remove = within(card()).getByRole('button', { name: 'Remove' });
    remove.focus();
    fireEvent.click(remove);
    await waitFor(() => expect(cardIds()).not.toContain('2611.99999'));
    expect(sent.filter((m) => m.type === 'unsavePaper').map((m) => m.data)).toEqual([{ id: '2611.99999' }]);
    expect(await db.library.get('2611.99999')).toBeUndefined();
    expect(screen.getByText('Removed from your library, with its tag.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    // Back as it was: pending, with what the page showed, the last lookup and the tag; saved again through the background (arXiv tabs are told).
    await waitFor(() => expect(cardIds()).toContain('2611.99999'));
    expect(await db.library.get('2611.99999')).toEqual(before);
    expect(sent.filter((m) => m.type === 'savePaper').map((m) => m.data)).toEqual([{ id: '2611.99999', shown }]);
    await waitFor(() => expect(document.activeElement).toBe(card()));

    // Removed again, and arXiv's details come meanwhile (a sync stores the paper; derived here
    // from a fixture): Undo brings back a complete save, with the reader's tag, not a pending one.
    fireEvent.click(within(card()).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(cardIds()).not.toContain('2611.99999'));
    const arrived = { ...attentionPaper, id: '2611.99999', version: 2, absUrl: 'https://arxiv.org/abs/2611.99999v2', pdfUrl: 'https://arxiv.org/pdf/2611.99999v2' };
    await ingest([arrived], 'attention', NOW);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await db.library.get('2611.99999')).toMatchObject({ tags: ['to read'], savedAt: before!.savedAt }));
    const restored = (await db.library.get('2611.99999'))!;
    expect([restored.pending, restored.lookup, restored.baseline?.version]).toEqual([undefined, undefined, 2]);
  });

  it('shows a save from an arXiv page with the title and authors the page showed, and says so', async () => {
    await savePaper('2611.99999', NOW - 500, undefined, { title: 'Structural <b>Silence</b>', authors: ['Avijit Roy', 'Proma Roy'], version: 2 });
    renderLibrary('silence');
    const card = await waitFor(() => screen.getAllByTestId('paper-card').find((c) => c.dataset.arxivId === '2611.99999')!);
    expect(within(card).getByRole('heading').textContent).toBe('Structural <b>Silence</b>');
    expect(card.querySelector('b')).toBeNull();
    expect(card.textContent).toContain('Avijit Roy, Proma Roy');
    expect(card.textContent).toContain('As the arXiv page showed it (arXiv:2611.99999v2). Its details are being fetched from arXiv.');
    // In the type of the titles: the page's title is a title (only an id alone is set as code).
    expect(within(card).getByRole('heading').className).toBe('card__title');
  });

  it('lists every saved paper, the latest save first, each pressed as saved', async () => {
    renderLibrary();
    await waitFor(() => expect(cardIds()).toEqual([higgsPaper.id, attentionPaper.id]));
    for (const toggle of screen.getAllByTestId('save-toggle')) expect(toggle.getAttribute('aria-pressed')).toBe('true');
  });

  it('keeps tags and a note per paper', async () => {
    renderLibrary();
    await waitFor(() => expect(cardIds()).toHaveLength(2));
    const entry = screen.getAllByTestId('paper-card')[1]!.parentElement!;
    const tagInput = within(entry).getByRole('combobox', { name: 'Add a tag' });
    fireEvent.input(tagInput, { target: { value: 'transformers' } });
    fireEvent.keyDown(tagInput, { key: 'Enter' });
    await waitFor(async () => expect((await db.library.get(attentionPaper.id))!.tags).toEqual(['transformers']));
    const note = within(entry).getByRole('textbox', { name: /Note on/ });
    fireEvent.focus(note);
    fireEvent.input(note, { target: { value: 'Read section 3.2' } });
    fireEvent.blur(note);
    await waitFor(async () => expect((await db.library.get(attentionPaper.id))!.note).toBe('Read section 3.2'));
    fireEvent.click(await within(entry).findByRole('button', { name: 'Remove tag transformers' }));
    await waitFor(async () => expect((await db.library.get(attentionPaper.id))!.tags).toEqual([]));
  });

  it('moves the focus to the next tag when one is removed, and to the tag field after the last', async () => {
    await setTags(attentionPaper.id, ['a', 'b']);
    renderLibrary();
    const entry = () => screen.getAllByTestId('paper-card').find((c) => c.dataset.arxivId === attentionPaper.id)!.parentElement!;
    const removeA = await within(await waitFor(entry)).findByRole('button', { name: 'Remove tag a' });
    removeA.focus();
    fireEvent.click(removeA);
    expect(document.activeElement).toBe(within(entry()).getByRole('button', { name: 'Remove tag b' }));
    await waitFor(async () => expect((await db.library.get(attentionPaper.id))!.tags).toEqual(['b']));
    fireEvent.click(document.activeElement!);
    expect(document.activeElement).toBe(within(entry()).getByRole('combobox', { name: 'Add a tag' }));
    await waitFor(async () => expect((await db.library.get(attentionPaper.id))!.tags).toEqual([]));
  });

  it('takes the last tag back into the field on Backspace in the empty field, to be edited, and removes it only once the field is left without it', async () => {
    await setTags(attentionPaper.id, ['thesis', 'to-read']);
    renderLibrary();
    const entry = () => screen.getAllByTestId('paper-card').find((c) => c.dataset.arxivId === attentionPaper.id)!.parentElement!;
    await within(await waitFor(entry)).findByText('to-read');
    const field = within(entry()).getByRole<HTMLInputElement>('combobox', { name: 'Add a tag' });
    const drawn = () => within(entry()).getAllByRole('listitem').map((li) => li.querySelector('.tag__text')?.textContent);
    const stored = async () => (await db.library.get(attentionPaper.id))!.tags;
    fireEvent.keyDown(field, { key: 'Backspace' });
    await waitFor(() => expect(field.value).toBe('to-read'));
    expect(drawn()).toEqual(['thesis']);
    // Still stored while it is in the field: a tab closed now loses nothing.
    expect(await stored()).toEqual(['thesis', 'to-read']);
    // Pressed by mistake: leaving the field puts it back.
    fireEvent.blur(field);
    await waitFor(() => expect(drawn()).toEqual(['thesis', 'to-read']));
    expect(field.value).toBe('');
    expect(await stored()).toEqual(['thesis', 'to-read']);
    // Edited: the new text replaces it.
    fireEvent.keyDown(field, { key: 'Backspace' });
    await waitFor(() => expect(field.value).toBe('to-read'));
    fireEvent.input(field, { target: { value: 'reading' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(async () => expect(await stored()).toEqual(['thesis', 'reading']));
    // Emptied and left: it goes.
    fireEvent.keyDown(field, { key: 'Backspace' });
    await waitFor(() => expect(field.value).toBe('reading'));
    fireEvent.input(field, { target: { value: '' } });
    fireEvent.blur(field);
    await waitFor(async () => expect(await stored()).toEqual(['thesis']));
    await waitFor(() => expect(drawn()).toEqual(['thesis']));
  });

  it('keeps every tag of a quick run of them, each added before the one before is drawn', async () => {
    renderLibrary();
    await waitFor(() => expect(cardIds()).toHaveLength(2));
    const entry = screen.getAllByTestId('paper-card')[1]!.parentElement!;
    const tagInput = within(entry).getByRole('combobox', { name: 'Add a tag' });
    for (const tag of ['transformers', 'to cite', 'nlp']) {
      fireEvent.input(tagInput, { target: { value: tag } });
      fireEvent.keyDown(tagInput, { key: 'Enter' });
    }
    await waitFor(async () => expect((await db.library.get(attentionPaper.id))!.tags).toEqual(['transformers', 'to cite', 'nlp']));
    await within(entry).findByText('nlp');
    // Two removals in a row, the second before the first is drawn.
    fireEvent.click(within(entry).getByRole('button', { name: 'Remove tag transformers' }));
    fireEvent.click(within(entry).getByRole('button', { name: 'Remove tag nlp' }));
    await waitFor(async () => expect((await db.library.get(attentionPaper.id))!.tags).toEqual(['to cite']));
  });

  it('gives a tag back to its field when storing it fails (the 100th and 101st added at once)', async () => {
    await db.library.update(attentionPaper.id, { tags: Array.from({ length: 99 }, (_, i) => `tag ${i}`) });
    renderLibrary();
    await waitFor(() => expect(cardIds()).toHaveLength(2));
    const entry = screen.getAllByTestId('paper-card')[1]!.parentElement!;
    const tagInput = within(entry).getByRole<HTMLInputElement>('combobox', { name: 'Add a tag' });
    for (const tag of ['hundredth', 'one too many']) {
      fireEvent.input(tagInput, { target: { value: tag } });
      fireEvent.keyDown(tagInput, { key: 'Enter' });
    }
    expect(await within(entry).findByRole('alert')).toHaveProperty('textContent', 'A paper can have at most 100 tags.');
    expect(tagInput.value).toBe('one too many');
    expect((await db.library.get(attentionPaper.id))!.tags.at(-1)).toBe('hundredth');
  });

  it('offers every tag of the library in each tag field, from one list on the page', async () => {
    await db.library.update(higgsPaper.id, { tags: ['physics'] });
    await db.library.update(attentionPaper.id, { tags: ['nlp'] });
    renderLibrary();
    await waitFor(() => expect(cardIds()).toHaveLength(2));
    const lists = document.querySelectorAll('datalist');
    expect(lists).toHaveLength(1);
    expect([...lists[0]!.querySelectorAll('option')].map((o) => o.value).sort()).toEqual(['nlp', 'physics']);
    const fields = screen.getAllByRole('combobox', { name: 'Add a tag' });
    expect(fields).toHaveLength(2);
    for (const field of fields) expect(field.getAttribute('list')).toBe(lists[0]!.id);
  });

  it('says as the user types that a tag or a note is longer than a backup holds, and keeps it out', async () => {
    renderLibrary();
    await waitFor(() => expect(cardIds()).toHaveLength(2));
    const entry = screen.getAllByTestId('paper-card')[1]!.parentElement!;
    const tagInput = within(entry).getByRole('combobox', { name: 'Add a tag' });
    fireEvent.input(tagInput, { target: { value: 'x'.repeat(300) } });
    expect(within(entry).getByRole('alert').textContent).toBe('A tag can be at most 100 characters long; this one has 300.');
    expect(tagInput.getAttribute('aria-invalid')).toBe('true');
    fireEvent.keyDown(tagInput, { key: 'Enter' });
    fireEvent.blur(tagInput);
    // Kept in the field to be shortened; nothing stored.
    expect((tagInput as HTMLInputElement).value).toBe('x'.repeat(300));
    fireEvent.input(tagInput, { target: { value: 'y'.repeat(100) } });
    expect(within(entry).queryByRole('alert')).toBeNull();
    fireEvent.keyDown(tagInput, { key: 'Enter' });
    await waitFor(async () => expect((await db.library.get(attentionPaper.id))!.tags).toEqual(['y'.repeat(100)]));

    const note = within(entry).getByRole('textbox', { name: /Note on/ });
    fireEvent.focus(note);
    fireEvent.input(note, { target: { value: 'n'.repeat(100_001) } });
    fireEvent.blur(note);
    expect(within(entry).getByRole('alert').textContent).toBe('A note can be at most 100,000 characters long; this one has 100,001. Shorten it to save it.');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await db.library.get(attentionPaper.id))!.note).toBe('');
  });

  it('searches the saved papers by their text, tags and notes', async () => {
    await db.library.update(higgsPaper.id, { tags: ['physics'], note: 'landmark' });
    const view = renderLibrary('higgs boson');
    await waitFor(() => expect(cardIds()).toEqual([higgsPaper.id]));
    view.rerender(
      <WithServices services={testServices().services}>
        <LibraryPage query="landm" now={NOW} />
      </WithServices>,
    );
    await waitFor(() => expect(cardIds()).toEqual([higgsPaper.id]));
    view.rerender(
      <WithServices services={testServices().services}>
        <LibraryPage query="" now={NOW} />
      </WithServices>,
    );
    await waitFor(() => expect(cardIds()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'physics' }));
    await waitFor(() => expect(cardIds()).toEqual([higgsPaper.id]));
  });

  it('removes a paper with its Save button, says what went with it, moves the focus on, and Undo puts it back as it was, the focus too', async () => {
    await setTags(attentionPaper.id, ['transformers']);
    await setNote(attentionPaper.id, 'Read section 3.2');
    const before = await db.library.get(attentionPaper.id);
    const { services } = testServices({
      unsavePaper: async ({ id }) => (await unsavePaper(id), { ok: true }),
      savePaper: ({ id, entry }) => savePaper(id, NOW + 60_000, entry),
    });
    render(
      <WithServices services={services}>
        <LibraryPage query="" now={NOW} />
      </WithServices>,
    );
    await waitFor(() => expect(cardIds()).toEqual([higgsPaper.id, attentionPaper.id]));
    const card = (id: string) => screen.getAllByTestId('paper-card').find((c) => c.dataset.arxivId === id)!;
    const save = within(card(attentionPaper.id)).getByRole('button', { name: 'Saved' });
    save.focus();
    fireEvent.click(save);
    await waitFor(() => expect(cardIds()).toEqual([higgsPaper.id]));
    expect(document.activeElement).toBe(card(higgsPaper.id));
    expect(screen.getByText('Removed from your library, with its tag and its note.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    // Its entry (the card with its tags and note) back in its place.
    await waitFor(() => expect(within(card(attentionPaper.id).parentElement!).getByText('transformers')).toBeTruthy());
    expect(cardIds()).toEqual([higgsPaper.id, attentionPaper.id]);
    expect(await db.library.get(attentionPaper.id)).toEqual(before);
    // The focus came back with it, where the reader left it.
    await waitFor(() => expect(document.activeElement).toBe(card(attentionPaper.id)));

    // Removed again, and the reader moves on before Undo: the focus stays where they went.
    fireEvent.click(within(card(attentionPaper.id)).getByRole('button', { name: 'Saved' }));
    await waitFor(() => expect(cardIds()).toEqual([higgsPaper.id]));
    const elsewhere = within(card(higgsPaper.id)).getByRole('button', { name: 'Saved' });
    elsewhere.focus();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(cardIds()).toEqual([higgsPaper.id, attentionPaper.id]));
    expect(document.activeElement).toBe(elsewhere);
  });

  it('keeps the place of a paper removed with a click while the pointer stays on it: the next save does not slide under the pointer', async () => {
    const { services } = testServices({ unsavePaper: async ({ id }) => (await unsavePaper(id), { ok: true }) });
    render(
      <WithServices services={services}>
        <LibraryPage query="" now={NOW} />
      </WithServices>,
    );
    await waitFor(() => expect(cardIds()).toEqual([higgsPaper.id, attentionPaper.id]));
    const entries = () => [...document.querySelectorAll<HTMLElement>('[data-testid="paper-card"], .held-place')].map((e) => e.dataset.arxivId ?? `held: ${e.textContent}`);
    const higgs = screen.getAllByTestId('paper-card').find((c) => c.dataset.arxivId === higgsPaper.id)!;
    // A click with the mouse (`detail`: a click from a key has none).
    fireEvent.click(within(higgs).getByRole('button', { name: 'Saved' }), { detail: 1 });
    await waitFor(() => expect(entries()).toEqual(['held: Removed from your library.', attentionPaper.id]));
    // In the list where its entry was, with the entry's tags and note, not inside the next one.
    expect(document.querySelector('.held-place')!.nextElementSibling?.querySelector('[data-testid="paper-card"]')?.getAttribute('data-arxiv-id')).toBe(attentionPaper.id);
    // happy-dom lays nothing out: every box is at x = 0, so 0 is in the column of the entries and 5,000 beside it.
    fireEvent.pointerMove(screen.getByTestId('paper-card'), { clientX: 0 });
    expect(entries()[0]).toBe('held: Removed from your library.');
    fireEvent.pointerMove(document.body, { clientX: 5_000 });
    await waitFor(() => expect(entries()).toEqual([attentionPaper.id]));
  });

  it('drops a tag filter once no save has the tag, so the page never ends up with nothing to clear it', async () => {
    await setTags(attentionPaper.id, ['only']);
    renderLibrary();
    fireEvent.click(await screen.findByRole('button', { name: 'only' }));
    await waitFor(() => expect(cardIds()).toEqual([attentionPaper.id]));
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag only' }));
    await waitFor(() => expect(cardIds()).toEqual([higgsPaper.id, attentionPaper.id]));
    expect(screen.queryByText('No saved paper matches.')).toBeNull();
    expect(screen.getByText('2 saved papers')).toBeTruthy();
  });

  it('draws a large library a page at a time, and searches all of it', async () => {
    // 73 saves after the two above, each a second apart, the first of them saved last.
    const papers = derivedPapers(73);
    await db.transaction('rw', [db.papers, db.library, db.meta], async () => {
      for (const [i, paper] of papers.entries()) await savePaper(paper.id, NOW + (papers.length - i) * 1000, paper);
    });
    renderLibrary();
    await waitFor(() => expect(cardIds()).toHaveLength(LIBRARY_PAGE));
    expect(cardIds()).toEqual(papers.slice(0, LIBRARY_PAGE).map((p) => p.id));
    expect(screen.getByText('75 saved papers')).toBeTruthy();
    // Offered once the rest of the library is read, which starts when the first page is drawn.
    // Each press gives the focus to the first card it brings (the button goes after the last page).
    const more = await screen.findByRole('button', { name: 'Show more (45 not shown yet)' });
    more.focus();
    fireEvent.click(more);
    await waitFor(() => expect(cardIds()).toHaveLength(2 * LIBRARY_PAGE));
    expect((document.activeElement as HTMLElement).dataset.arxivId).toBe(papers[LIBRARY_PAGE]!.id);
    screen.getByRole('button', { name: 'Show more (15 not shown yet)' }).focus();
    fireEvent.click(screen.getByRole('button', { name: 'Show more (15 not shown yet)' }));
    await waitFor(() => expect(cardIds()).toHaveLength(75));
    expect(screen.queryByRole('button', { name: /^Show more/ })).toBeNull();
    expect((document.activeElement as HTMLElement).dataset.arxivId).toBe(papers[2 * LIBRARY_PAGE]!.id);
    cleanup();
    // The oldest save, far below the first page, is found by a word of its title.
    renderLibrary('attention is all');
    await waitFor(() => expect(cardIds()).toEqual([attentionPaper.id]));
  });

  it('keeps a found paper on screen while the library grows past its first page', async () => {
    // 28 more saves: 30 in all, the oldest of them the one searched for.
    const papers = derivedPapers(29);
    await db.transaction('rw', [db.papers, db.library, db.meta], async () => {
      for (const [i, paper] of papers.slice(0, 28).entries()) await savePaper(paper.id, NOW + (papers.length - i) * 1000, paper);
    });
    const count = () => document.querySelector('.feed-bar__count')?.textContent;
    const found = async (total: number) => {
      await waitFor(() => expect(count()).toBe(`1 of ${total} saved papers`));
      expect(cardIds()).toEqual([attentionPaper.id]);
    };
    for (const wholeReadFirst of [false, true]) {
      await db.library.delete(papers[28]!.id);
      let openGate = () => undefined as void;
      wholeRead.gate = wholeReadFirst ? Promise.resolve() : new Promise<void>((resolve) => (openGate = resolve));
      vi.mocked(allLibraryItems).mockClear();
      vi.mocked(papersById).mockClear();
      renderLibrary('attention is all');
      await found(30);
      if (wholeReadFirst) {
        // Every save and all their papers read, and answered.
        await waitFor(() => expect(vi.mocked(papersById).mock.results).toHaveLength(1));
        await vi.mocked(papersById).mock.results[0]!.value;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const card = screen.getByTestId('paper-card');
      let removed = false;
      const watch = new MutationObserver(() => (removed ||= !card.isConnected));
      watch.observe(document.body, { childList: true, subtree: true });
      // A 31st save (from another tab), before or after every save was read.
      await savePaper(papers[28]!.id, NOW + 100_000, papers[28]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      openGate();
      await found(31);
      watch.disconnect();
      expect(removed, wholeReadFirst ? 'after every save was read' : 'while the first page alone was read').toBe(false);
      cleanup();
    }
  });

  it('draws a save from elsewhere once its paper is read, never as waiting for arXiv', async () => {
    const papers = derivedPapers(31);
    await db.transaction('rw', [db.papers, db.library, db.meta], async () => {
      for (const [i, paper] of papers.slice(0, 30).entries()) await savePaper(paper.id, NOW + (papers.length - i) * 1000, paper);
    });
    vi.mocked(papersById).mockClear();
    renderLibrary();
    // The cards first: a role query at each card drawn reads every card's styles (some 1 s here).
    await waitFor(() => expect(cardIds()).toHaveLength(LIBRARY_PAGE));
    fireEvent.click(await screen.findByRole('button', { name: 'Show more (2 not shown yet)' }));
    await waitFor(() => expect(cardIds()).toHaveLength(32));
    // A save older than all of these (from another browser), its paper here, read while the papers are held back.
    let openGate = () => undefined as void;
    wholeRead.papersGate = new Promise<void>((resolve) => (openGate = resolve));
    const older = papers[30]!;
    await savePaper(older.id, NOW - 1_000_000, older);
    await waitFor(() => expect(document.querySelector('.feed-bar__count')!.textContent).toBe('33 saved papers'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText(/details are being fetched from arXiv/)).toBeNull();
    openGate();
    await waitFor(() => expect(cardIds()).toHaveLength(33));
    expect(cardIds().at(-1)).toBe(older.id);
    expect(screen.queryByText(/details are being fetched from arXiv/)).toBeNull();
  });

  it('shows a tag written without reading the saved papers again', async () => {
    vi.mocked(papersById).mockClear();
    renderLibrary();
    await waitFor(() => expect(cardIds()).toHaveLength(2));
    await waitFor(() => expect(vi.mocked(papersById)).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 50));
    const reads = vi.mocked(papersById).mock.calls.length;
    await setTags(attentionPaper.id, ['to read']);
    await waitFor(() => expect(screen.getAllByText('to read').length).toBeGreaterThan(0));
    expect(vi.mocked(papersById).mock.calls.length).toBe(reads);
  });

  it('follows a new version of a saved paper below its first page, and reads the papers again for nothing else', async () => {
    // 33 saves after the two above: the attention paper, saved first, is the 35th.
    const papers = derivedPapers(34);
    await db.transaction('rw', [db.papers, db.library, db.meta], async () => {
      for (const [i, paper] of papers.slice(0, 33).entries()) await savePaper(paper.id, NOW + (papers.length - i) * 1000, paper);
    });
    vi.mocked(papersById).mockClear();
    renderLibrary('attention is all');
    await waitFor(() => expect(document.querySelector('.feed-bar__count')?.textContent).toBe('1 of 35 saved papers'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const reads = vi.mocked(papersById).mock.calls.length;
    // A sync stores a paper no one saved: the saved papers are not read again.
    await ingest([papers[33]!], 'attention', NOW + 1);
    // Longer than the Library waits after a write before it reads (100 ms).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(vi.mocked(papersById).mock.calls.length).toBe(reads);
    // A sync brings the saved paper's next version: its card follows.
    const revised = { ...attentionPaper, version: attentionPaper.version + 1, updated: '2026-11-20T00:00:00Z', title: 'Attention Is All You Need, revised' };
    await ingest([revised], 'attention', NOW + 2);
    await waitFor(() => expect(screen.getByRole('heading', { name: /Attention Is All You Need, revised/ })).toBeTruthy());
  });

  it('opened at "Changed since saved" (the notification), shows the changes the reader was told of before the rest of a large library is read', async () => {
    const papers = derivedPapers(73);
    await db.transaction('rw', [db.papers, db.library, db.meta], async () => {
      for (const [i, paper] of papers.entries()) await savePaper(paper.id, NOW + (papers.length - i) * 1000, paper);
    });
    // The oldest of the derived saves, far below the first page, has a new version the reader was told of.
    const old = papers.at(-1)!;
    await recordCheckAnswer([old.id], [{ ...old, version: old.version + 1, updated: '2026-11-22T17:00:00Z' }], NOW);
    await markTold(await untoldChanges());
    let openGate = () => undefined as void;
    wholeRead.gate = new Promise<void>((resolve) => (openGate = resolve));
    render(
      <WithServices services={testServices().services}>
        <LibraryPage query="" now={NOW} changed />
      </WithServices>,
    );
    await waitFor(() => expect(cardIds()).toEqual([old.id]));
    expect(document.querySelector('.feed-bar__count')!.textContent).toBe('Looking through 75 saved papers…');
    openGate();
    await waitFor(() => expect(document.querySelector('.feed-bar__count')!.textContent).toBe('1 of 75 saved papers'));
    expect(cardIds()).toEqual([old.id]);
  });

  it('shows the newest saves while the rest of a large library is read, and answers a search only once it is', async () => {
    const papers = derivedPapers(73);
    await db.transaction('rw', [db.papers, db.library, db.meta], async () => {
      for (const [i, paper] of papers.entries()) await savePaper(paper.id, NOW + (papers.length - i) * 1000, paper);
    });
    const count = () => document.querySelector('.feed-bar__count')!.textContent;
    let openGate = () => undefined as void;
    wholeRead.gate = new Promise<void>((resolve) => (openGate = resolve));
    vi.mocked(allLibraryItems).mockClear();
    const view = renderLibrary();
    await waitFor(() => expect(cardIds()).toEqual(papers.slice(0, LIBRARY_PAGE).map((p) => p.id)));
    await waitFor(() => expect(vi.mocked(allLibraryItems)).toHaveBeenCalled());
    expect(count()).toBe('75 saved papers');
    expect((screen.getByRole('button', { name: 'Export BibTeX' }) as HTMLButtonElement).disabled).toBe(true);
    // The oldest save is not read yet: the search says it is looking, not that nothing matches.
    view.rerender(
      <WithServices services={testServices().services}>
        <LibraryPage query="attention is all" now={NOW} />
      </WithServices>,
    );
    await waitFor(() => expect(count()).toBe('Looking through 75 saved papers…'));
    expect(screen.queryByText('No saved paper matches.')).toBeNull();
    openGate();
    await waitFor(() => expect(cardIds()).toEqual([attentionPaper.id]));
    expect(count()).toBe('1 of 75 saved papers');
    expect((screen.getByRole('button', { name: 'Export BibTeX' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('reads the rest of a large library once its first page is drawn, and at once for a search or in a background tab', async () => {
    const papers = derivedPapers(73);
    await db.transaction('rw', [db.papers, db.library, db.meta], async () => {
      for (const [i, paper] of papers.entries()) await savePaper(paper.id, NOW + (papers.length - i) * 1000, paper);
    });
    // How many cards were on the page when the next read of every save was asked for.
    const readWhenCards: number[] = [];
    const noteTheRead = () => {
      readWhenCards.length = 0;
      vi.mocked(allLibraryItems).mockClear();
      vi.mocked(allLibraryItems).mockImplementationOnce(async () => {
        readWhenCards.push(cardIds().length);
        return (await vi.importActual<typeof import('../../../../lib/db/library')>('../../../../lib/db/library')).allLibraryItems();
      });
    };
    noteTheRead();
    renderLibrary();
    await waitFor(() => expect(vi.mocked(allLibraryItems)).toHaveBeenCalledTimes(1));
    // The page's 30 cards were all drawn before the other 45 saves were asked for.
    expect(readWhenCards).toEqual([LIBRARY_PAGE]);
    await waitFor(() => expect(cardIds()).toHaveLength(LIBRARY_PAGE));
    await screen.findByRole('button', { name: 'Show more (45 not shown yet)' });
    cleanup();
    // A search needs every save: asked for with the first page, before its cards are drawn.
    // (Every derived paper's id starts 2605: all 30 of the first page match, and 73 in all.)
    noteTheRead();
    renderLibrary('2605');
    await waitFor(() => expect(screen.getByText('73 of 75 saved papers')).toBeTruthy());
    expect(readWhenCards).toHaveLength(1);
    expect(readWhenCards[0]).toBeLessThan(LIBRARY_PAGE);
    cleanup();
    // A tab opened in the background (its timers, which draw the cards, slowed to one a second) reads it all at once too.
    noteTheRead();
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    renderLibrary();
    await waitFor(() => expect(cardIds()).toHaveLength(LIBRARY_PAGE));
    await screen.findByRole('button', { name: 'Show more (45 not shown yet)' });
    visibility.mockRestore();
    expect(readWhenCards).toHaveLength(1);
    expect(readWhenCards[0]).toBeLessThan(LIBRARY_PAGE);
  });
});
