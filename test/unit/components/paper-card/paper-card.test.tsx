import { cleanup, fireEvent, render, screen, waitFor, within } from '../../../helpers/dom-testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCategoryNames } from '../../../../components/paper-card/category-names';
import { PaperCard } from '../../../../components/paper-card/paper-card';
import { db } from '../../../../lib/db/db';
import { ingest } from '../../../../lib/db/ingest';
import type { StoredPaper } from '../../../../lib/db/schema';
import { attentionPaper, higgsPaper } from '../../../helpers/fixtures';
import { NOW, testServices, WithServices } from '../test-services';
import { getPaper } from '../../../../lib/db/papers';
import { savePaper } from '../../../../lib/db/library';

beforeEach(async () => {
  await db.delete();
  await db.open();
});
afterEach(cleanup);

async function stored(id: string): Promise<StoredPaper> {
  return (await getPaper(id))!;
}

function renderCard(paper: StoredPaper, props: Partial<Parameters<typeof PaperCard>[0]> = {}, services = testServices()) {
  const view = render(
    <WithServices services={services.services}>
      <PaperCard paper={paper} saved={false} isNew={false} matched={[]} now={NOW} {...props} />
    </WithServices>,
  );
  return { ...view, card: screen.getByTestId('paper-card'), sent: services.sent, services: services.services };
}

describe('PaperCard', () => {
  it('shows every field of a real entry', async () => {
    await ingest([higgsPaper], 'higgs', NOW - 1000);
    const { card } = renderCard(await stored(higgsPaper.id), { isNew: true, matched: ['Higgs'] });
    expect(card.dataset.arxivId).toBe('1207.7214');
    const text = card.textContent ?? '';
    expect(card.querySelector('.card__category')?.textContent).toBe('hep-ex');
    expect(card.querySelector('time')?.getAttribute('datetime')).toBe(higgsPaper.published);
    expect(card.querySelector('time')?.textContent).toMatch(/31.*2012|2012.*31/);
    expect(text).toContain(`v${higgsPaper.version}`); // revised since
    expect(text).toContain('New');
    expect(card.querySelector('.card__matched')?.textContent).toBe('Higgs');
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe(higgsPaper.title);
    expect(card.querySelector('.card__authors')?.textContent).toBe('The ATLAS Collaboration');
    expect(text).toContain(higgsPaper.comment!);
    expect(text).toContain(higgsPaper.journalRef!);
    expect(card.querySelector('.card__abstract')?.textContent).toBe(higgsPaper.summary);
    const links = within(card).getAllByRole('link').map((a) => a.getAttribute('href'));
    expect(links).toEqual(
      expect.arrayContaining([
        'https://arxiv.org/abs/1207.7214v2',
        'https://arxiv.org/pdf/1207.7214v2',
        'https://arxiv.org/html/1207.7214v2',
      ]),
    );
    expect(within(card).getByTestId('save-toggle').getAttribute('aria-pressed')).toBe('false');
  });

  it('names the primary category first and the others after it', async () => {
    await ingest([attentionPaper], 'attention', NOW);
    await loadCategoryNames();
    const { card } = renderCard(await stored(attentionPaper.id));
    expect(card.querySelector('.card__category')?.textContent).toBe('cs.CL');
    expect(card.querySelector('.card__category')?.getAttribute('title')).toBe('Computation and Language');
    expect(card.querySelector('.card__categories')?.textContent).toBe('cs.LG');
  });

  it('shows three authors and "et al. (8)", all of them on request', async () => {
    await ingest([attentionPaper], 'attention', NOW);
    renderCard(await stored(attentionPaper.id));
    const authors = document.querySelector('.card__authors')!;
    expect(authors.textContent).toBe('Ashish Vaswani, Noam Shazeer, Niki Parmar et al. (8)');
    fireEvent.click(screen.getByRole('button', { name: 'Show all 8 authors' }));
    expect(authors.textContent).toContain('Illia Polosukhin');
  });

  it('clamps the abstract to three lines until expanded', async () => {
    await ingest([attentionPaper], 'attention', NOW);
    renderCard(await stored(attentionPaper.id));
    const abstract = document.querySelector('.card__abstract')!;
    expect(abstract.classList.contains('card__abstract--clamped')).toBe(true);
    const toggle = screen.getByRole('button', { name: 'Show full abstract' });
    expect(toggle.getAttribute('aria-controls')).toBe(abstract.id);
    fireEvent.click(toggle);
    expect(abstract.classList.contains('card__abstract--clamped')).toBe(false);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
  });

  it('keeps hostile text in the title, abstract and comment as text', async () => {
    // Derived from a real entry: markup planted in the fields arXiv authors control.
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    await ingest([{ ...attentionPaper, title: `T ${hostile}`, summary: `A ${hostile}`, comment: `C ${hostile}` }], 's', NOW);
    const { card } = renderCard(await stored(attentionPaper.id));
    expect(card.querySelector('img, script, [onerror]')).toBeNull();
    expect(card.textContent).toContain(`T ${hostile}`);
    expect(card.textContent).toContain(`A ${hostile}`);
    expect(card.textContent).toContain(`C ${hostile}`);
  });

  it('builds links from the id, never from the feed’s URLs', async () => {
    await ingest([{ ...attentionPaper, absUrl: 'javascript:alert(1)', pdfUrl: 'https://evil.example/x.pdf' }], 's', NOW);
    const { card } = renderCard(await stored(attentionPaper.id));
    for (const link of within(card).getAllByRole('link')) {
      expect(link.getAttribute('href')).toMatch(/^https:\/\/arxiv\.org\/(abs|pdf|html)\/1706\.03762v7$/);
    }
  });

  it('saves through the background with the stored entry and shows the new state at once', async () => {
    await ingest([attentionPaper], 'attention', NOW);
    const services = testServices({ savePaper: async () => ({ pending: false }) });
    const { card, sent } = renderCard(await stored(attentionPaper.id), {}, services);
    const toggle = within(card).getByTestId('save-toggle');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(sent.map((m) => m.type)).toContain('savePaper'));
    const data = sent.find((m) => m.type === 'savePaper')!.data as { id: string; entry: Record<string, unknown> };
    expect(data.id).toBe(attentionPaper.id);
    expect(data.entry.title).toBe(attentionPaper.title);
    expect(data.entry).not.toHaveProperty('subs');
  });

  it('goes back to unsaved and says why when the save fails', async () => {
    await ingest([attentionPaper], 'attention', NOW);
    const services = testServices({ savePaper: async () => Promise.reject(new Error('The background is busy.')) });
    const { card } = renderCard(await stored(attentionPaper.id), {}, services);
    const toggle = within(card).getByTestId('save-toggle');
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-pressed')).toBe('false'));
    expect(screen.getByRole('status').textContent).toContain('The background is busy.');
  });

  it('marks read and unread, and hides with an undo', async () => {
    await ingest([attentionPaper], 'attention', NOW);
    const { card } = renderCard(await stored(attentionPaper.id));
    expect(card.classList.contains('card--unread')).toBe(true);
    fireEvent.click(within(card).getByRole('button', { name: 'Mark read' }));
    await waitFor(async () => expect((await stored(attentionPaper.id)).readAt).toBe(NOW));
    fireEvent.click(within(card).getByRole('button', { name: 'Hide' }));
    await waitFor(async () => expect((await stored(attentionPaper.id)).hiddenAt).toBe(NOW));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await stored(attentionPaper.id)).hiddenAt).toBeUndefined());
  });

  it('offers no Mark read or Hide on a paper in no subscription (saved from arXiv, found by a search): they would change nothing it shows', async () => {
    await savePaper(higgsPaper.id, NOW, higgsPaper);
    const { card } = renderCard(await stored(higgsPaper.id), { mode: 'search', saved: true });
    expect(within(card).getByRole('button', { name: 'Saved' })).toBeTruthy();
    expect(within(card).queryByRole('button', { name: /^Mark (un)?read$/ })).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Hide' })).toBeNull();
  });

  it('offers "Not interested" in the feed on a paper the reader has not saved, and not on one they saved', async () => {
    await ingest([attentionPaper], 'attention', NOW);
    const view = renderCard(await stored(attentionPaper.id), { mode: 'feed' });
    expect(within(view.card).getByRole('button', { name: 'Not interested' })).toBeTruthy();
    view.unmount();
    const { card } = renderCard(await stored(attentionPaper.id), { mode: 'feed', saved: true });
    expect(within(card).getByRole('button', { name: 'Saved' })).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Hide' })).toBeTruthy();
    expect(within(card).queryByRole('button', { name: 'Not interested' })).toBeNull();
  });

  it('marks a paper read when its abstract page is opened', async () => {
    await ingest([attentionPaper], 'attention', NOW);
    const { card, services } = renderCard(await stored(attentionPaper.id));
    fireEvent.click(within(card).getByRole('link', { name: /Attention Is All You Need/ }));
    await waitFor(() => expect(services.open).toHaveBeenCalledWith('https://arxiv.org/abs/1706.03762v7', 'here'));
    expect((await stored(attentionPaper.id)).readAt).toBe(NOW);
  });

  it('copies BibTeX in arXiv’s form', async () => {
    await ingest([attentionPaper], 'attention', NOW);
    const { card, services } = renderCard(await stored(attentionPaper.id));
    fireEvent.click(within(card).getByRole('button', { name: 'BibTeX' }));
    await waitFor(() => expect(services.copyText).toHaveBeenCalled());
    expect(String((services.copyText as unknown as { mock: { calls: string[][] } }).mock.calls[0]![0])).toMatch(
      /^@misc\{vaswani2023attentionneed,/,
    );
  });
});
