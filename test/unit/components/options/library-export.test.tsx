import { cleanup, fireEvent, screen, waitFor } from '../../../helpers/dom-testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LibraryExportSection } from '../../../../components/options/library-export-section';
import { db } from '../../../../lib/db/db';
import { savePaper, setTags } from '../../../../lib/db/library';
import { attentionPaper, higgsPaper } from '../../../helpers/fixtures';
import { renderWithServices } from './render';

beforeEach(async () => {
  await db.delete();
  await db.open();
  fakeBrowser.reset();
  await savePaper(attentionPaper.id, 1, attentionPaper);
  await savePaper(higgsPaper.id, 2, higgsPaper);
  await savePaper('2601.00042', 3); // waiting for arXiv's metadata
  await setTags(attentionPaper.id, ['to read']);
  await setTags(higgsPaper.id, ['Physics & HEP']);
});
afterEach(cleanup);

const lastDownload = (download: unknown) => vi.mocked(download as (...args: string[]) => void).mock.lastCall ?? [];

describe('library export', () => {
  it('downloads the whole library as BibTeX in arXiv’s style, leaving out papers still waiting for metadata', async () => {
    const { services } = renderWithServices(<LibraryExportSection />);
    await screen.findByRole('option', { name: 'All saved papers (3)' });
    expect(screen.getByText(/1 paper is left out until arXiv has sent its details/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Download BibTeX' }));
    const [name, text, type] = lastDownload(services.download);
    expect([name, type]).toEqual(['paper-radar-library.bib', 'application/x-bibtex']);
    expect(text?.match(/^@misc\{/gm)).toHaveLength(2);
    expect(text).toContain('eprint={1706.03762}');
    expect(text).toContain('eprint={1207.7214}');
  });

  it('downloads one tag as RIS', async () => {
    const { services } = renderWithServices(<LibraryExportSection />);
    const select = (await screen.findByLabelText('Papers')) as HTMLSelectElement;
    await waitFor(() => expect(Array.from(select.options).map((o) => o.textContent)).toEqual(['All saved papers (3)', 'Tagged “Physics & HEP” (1)', 'Tagged “to read” (1)']));
    fireEvent.change(select, { target: { value: 'Physics & HEP' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download RIS' }));
    const [name, text] = lastDownload(services.download);
    expect(name).toBe('paper-radar-physics-hep.ris');
    expect(text?.match(/^TY {2}- /gm)).toHaveLength(1);
    expect(text).toContain('UR  - https://arxiv.org/abs/1207.7214');
    expect(text).not.toContain('1706.03762');
    expect(screen.getByRole('status').textContent).toBe('Saved paper-radar-physics-hep.ris with 1 paper.');
  });
});
