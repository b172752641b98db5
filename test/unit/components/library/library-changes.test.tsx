import { cleanup, fireEvent, render, screen, waitFor, within } from '../../../helpers/dom-testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryPage } from './library-page';
import type { ArxivEntry } from '../../../../lib/arxiv/entry';
import { db } from '../../../../lib/db/db';
import { savePaper } from '../../../../lib/db/library';
import { recordCheckAnswer, recordCheckRefusal, setSavedCheckState } from '../../../../lib/db/saved-check';
import { attentionPaper, higgsPaper, testingPapers } from '../../../helpers/fixtures';
import { shortDate } from '../../../../lib/ui/day-groups';
import { NOW, testServices, WithServices } from '../test-services';

const DAY = 86_400_000;
const other = testingPapers[0]!;

/** Derived here: the attention paper's v8 (the fixture is v7), renamed and published. */
const v8: ArxivEntry = {
  ...attentionPaper,
  version: 8,
  updated: '2026-11-20T17:00:00Z',
  title: 'Attention Is All You Need, Revisited',
  journalRef: 'Advances in Neural Information Processing Systems 30 (2017)',
  absUrl: `https://arxiv.org/abs/${attentionPaper.id}v8`,
  pdfUrl: `https://arxiv.org/pdf/${attentionPaper.id}v8`,
};

beforeEach(async () => {
  await db.delete();
  await db.open();
  await savePaper(attentionPaper.id, NOW - 3 * DAY, attentionPaper);
  await savePaper(higgsPaper.id, NOW - 2 * DAY, higgsPaper);
  await savePaper(other.id, NOW - DAY, other);
  // The daily check found v8 of the attention paper and no news of the other two.
  await recordCheckAnswer([attentionPaper.id, higgsPaper.id, other.id], [v8, higgsPaper, other], NOW - 60_000);
  await setSavedCheckState({ announcement: NOW - 3_600_000, startedAt: NOW - 60_000, requests: 1, finishedAt: NOW - 60_000 });
});
afterEach(cleanup);

function renderLibrary() {
  const { services } = testServices();
  render(
    <WithServices services={services}>
      <LibraryPage query="" now={NOW} />
    </WithServices>,
  );
  return services;
}

const cardIds = () => screen.queryAllByTestId('paper-card').map((card) => card.dataset.arxivId);
const card = (id: string) => screen.getAllByTestId('paper-card').find((c) => c.dataset.arxivId === id)!;

describe('saved papers arXiv changed since they were saved', () => {
  it('marks the card with the new version, its date, what changed, where it was published and the title it was saved under', async () => {
    renderLibrary();
    await waitFor(() => expect(cardIds()).toHaveLength(3));
    const mark = within(card(attentionPaper.id)).getByTestId('saved-change');
    expect(mark.dataset.kind).toBe('revised');
    expect(mark.textContent).toContain(`v8 since you saved v7 · ${shortDate('2026-11-20T17:00:00Z', NOW)} · changed: title, journal reference · All versions`);
    expect(mark.textContent).toContain('Published: Advances in Neural Information Processing Systems 30 (2017)');
    expect(mark.textContent).toContain('Saved as “Attention Is All You Need”');
    expect(within(mark).getByRole('link', { name: 'All versions' }).getAttribute('href')).toBe('https://arxiv.org/abs/1706.03762');
    expect(within(card(attentionPaper.id)).getByRole('heading').textContent).toBe('Attention Is All You Need, Revisited');
    for (const id of [higgsPaper.id, other.id]) expect(within(card(id)).queryByTestId('saved-change')).toBeNull();
    expect(screen.getByTestId('check-status').textContent).toBe('Saved papers checked against arXiv 1 min ago.');
  });

  it('does not say "checked" of saves brought in since the check, with older dates (a backup restored)', async () => {
    // Imported after the check, saved (in the backup) before it: the check never asked about them.
    const imported = testingPapers.slice(1, 3);
    for (const paper of imported) await savePaper(paper.id, NOW - 5 * DAY, paper);
    renderLibrary();
    await waitFor(() => expect(cardIds()).toHaveLength(5));
    await waitFor(() =>
      expect(screen.getByTestId('check-status').textContent).toBe(
        'Saved papers checked against arXiv 1 min ago, except 2 not asked about yet (from a backup, another browser, or waiting for arXiv then): they are checked after the next arXiv announcement.',
      ),
    );
  });

  it('finds the changed papers with the "Changed since saved" filter, and copies the new version’s BibTeX', async () => {
    const services = renderLibrary();
    const filter = await screen.findByRole('button', { name: 'Changed since saved (1)' });
    expect(filter.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(filter);
    await waitFor(() => expect(cardIds()).toEqual([attentionPaper.id]));
    expect(filter.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText(/saved papers?$/).textContent).toBe('1 of 3 saved papers');
    fireEvent.click(within(card(attentionPaper.id)).getByRole('button', { name: 'BibTeX' }));
    await waitFor(() => expect(services.copyText).toHaveBeenCalledTimes(1));
    const bibtex = (services.copyText as unknown as { mock: { calls: string[][] } }).mock.calls[0]![0]!;
    expect(bibtex).toContain('title={Attention Is All You Need, Revisited},');
    expect(bibtex).toContain('journal={Advances in Neural Information Processing Systems 30 (2017)},');
    fireEvent.click(filter);
    await waitFor(() => expect(cardIds()).toHaveLength(3));
  });

  it('forgets a change once marked as seen: the mark and the filter go, and Undo brings them back', async () => {
    renderLibrary();
    const before = await db.library.get(attentionPaper.id);
    const mark = await waitFor(() => within(card(attentionPaper.id)).getByTestId('saved-change'));
    const seen = within(mark).getByRole('button', { name: 'Mark as seen' });
    seen.focus();
    fireEvent.click(seen);
    await waitFor(() => expect(within(card(attentionPaper.id)).queryByTestId('saved-change')).toBeNull());
    // The button went with the mark: the focus stays on its card.
    expect(document.activeElement).toBe(card(attentionPaper.id));
    expect(screen.queryByRole('button', { name: /Changed since saved/ })).toBeNull();
    expect((await db.library.get(attentionPaper.id))?.baseline).toMatchObject({ version: 8, title: 'Attention Is All You Need, Revisited' });
    // One press loses what changed: Undo (or z) says it again, compared with the version saved.
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(within(card(attentionPaper.id)).getByTestId('saved-change')).toBeTruthy());
    expect(await db.library.get(attentionPaper.id)).toEqual(before);
    expect(await screen.findByRole('button', { name: 'Changed since saved (1)' })).toBeTruthy();
  });

  it('marks a withdrawn paper in red words of its own', async () => {
    const comment = 'arXiv admin note: This paper has been withdrawn by arXiv due to unverifiable authorship and affiliation';
    await recordCheckAnswer([other.id], [{ ...other, version: other.version + 1, updated: '2026-11-21T17:00:00Z', comment }], NOW);
    renderLibrary();
    const mark = await waitFor(() => within(card(other.id)).getByTestId('saved-change'));
    expect(mark.dataset.kind).toBe('withdrawn');
    expect(mark.textContent).toMatch(new RegExp(`^Withdrawn in v${other.version + 1} since you saved v${other.version} · ${shortDate('2026-11-21T17:00:00Z', NOW)}`));
    expect(card(other.id).textContent).toContain(comment);
  });

  it('says which papers arXiv’s answers left out or refused, kept and asked again', async () => {
    await recordCheckAnswer([higgsPaper.id, other.id], [], NOW - DAY / 2);
    await recordCheckAnswer([higgsPaper.id], [], NOW);
    await recordCheckRefusal([attentionPaper.id], 'arXiv rejected the query: incorrect id format for 1706.03762.', NOW);
    renderLibrary();
    await waitFor(() => expect(cardIds()).toHaveLength(3));
    const note = (id: string) => within(card(id).parentElement!).getByTestId('check-note').textContent;
    expect(note(higgsPaper.id)).toBe('arXiv’s last 2 answers left this paper out (first 12 h ago). It stays in your library and is asked for again at the next check.');
    expect(note(other.id)).toBe('arXiv’s last answer left this paper out. It stays in your library and is asked for again at the next check.');
    expect(note(attentionPaper.id)).toBe('The last check could not ask arXiv about it. arXiv rejected the query: incorrect id format for 1706.03762. It is asked again at the next check.');
  });
});
