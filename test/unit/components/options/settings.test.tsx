import { cleanup, fireEvent, screen, waitFor, within } from '../../../helpers/dom-testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '../../../../components/options/options-app';
import { db } from '../../../../lib/db/db';
import { getSettings, updateSettings } from '../../../../lib/settings';
import { ingest } from '../../../../lib/db/ingest';
import { savePaper } from '../../../../lib/db/library';
import { addSubscription } from '../../../../lib/db/subscriptions';
import { derivedPapers } from '../../../helpers/derived-world';
import { allStoredPapers, countStoredPapers } from '../../../helpers/stored-papers';
import { renderWithServices } from './render';

beforeEach(async () => {
  await db.delete();
  await db.open();
  fakeBrowser.reset();
  delete document.documentElement.dataset.theme;
});
afterEach(cleanup);

const ready = () => screen.findByRole('heading', { name: 'Settings' });

describe('settings', () => {
  it('applies the theme to the page at once and keeps it', async () => {
    renderWithServices(<OptionsApp />);
    await ready();
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('system'));
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    expect((await getSettings()).theme).toBe('dark');
    fireEvent.click(screen.getByRole('radio', { name: 'Light' }));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
  });

  it('follows a theme changed in another page', async () => {
    renderWithServices(<OptionsApp />);
    await ready();
    await updateSettings({ theme: 'dark' });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    expect((screen.getByRole('radio', { name: 'Dark' }) as HTMLInputElement).checked).toBe(true);
  });

  it('never offers a sync interval below the floor, and saves the one chosen', async () => {
    renderWithServices(<OptionsApp />);
    await ready();
    const select = screen.getByLabelText('Check arXiv at most every') as HTMLSelectElement;
    const minutes = Array.from(select.options).map((o) => Number(o.value));
    expect(Math.min(...minutes)).toBe(15);
    fireEvent.change(select, { target: { value: '360' } });
    await waitFor(async () => expect((await getSettings()).minSyncIntervalMinutes).toBe(360));
    expect(select.selectedOptions[0]?.textContent).toBe('6 hours');
  });

  it('says a number of papers kept out of range, and changes nothing', async () => {
    renderWithServices(<OptionsApp />);
    await ready();
    const field = screen.getByLabelText('Papers kept per subscription') as HTMLInputElement;
    expect(field.value).toBe('200');
    fireEvent.input(field, { target: { value: '5' } });
    fireEvent.blur(field);
    expect((await screen.findByRole('alert')).textContent).toBe('Papers kept per subscription is a whole number from 10 to 2000; 200 stays until you choose one.');
    expect(field.value).toBe('5');
    expect((await getSettings()).papersPerSubscription).toBe(200);
    fireEvent.input(field, { target: { value: '350' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(async () => expect((await getSettings()).papersPerSubscription).toBe(350));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks before a lower number removes papers, says how many, and undoes it', async () => {
    // 101 papers of one subscription, published months before now; the oldest one saved.
    const papers = derivedPapers(101);
    await addSubscription({ kind: 'keyword', value: 'testing', categories: [], exclude: [] }, 0, () => 's1');
    await ingest(papers, 's1', 0);
    await savePaper(papers.at(-1)!.id, 0);
    const before = await allStoredPapers();
    renderWithServices(<OptionsApp />, { undoMs: 60_000 });
    await ready();
    const field = screen.getByLabelText('Papers kept per subscription') as HTMLInputElement;
    fireEvent.input(field, { target: { value: '10' } });
    fireEvent.blur(field);

    const question = await screen.findByRole('group', { name: 'Keep fewer papers?' });
    expect(question.textContent).toContain('Keeping 10 papers per subscription removes 90 papers from your feed now.');
    expect(await allStoredPapers()).toEqual(before);
    expect((await getSettings()).papersPerSubscription).toBe(200);
    // Said when it appears (the focus stays in the number field).
    expect(within(question).getByRole('alert').textContent).toContain('removes 90 papers');
    const keep = within(question).getByRole('button', { name: 'Keep 200' });
    keep.focus();
    fireEvent.click(keep);
    expect(screen.queryByRole('group', { name: 'Keep fewer papers?' })).toBeNull();
    expect(field.value).toBe('200');
    // Its buttons gone, the focus is back in the number field, not on the page.
    await waitFor(() => expect(document.activeElement).toBe(field));
    // Escape says no as well.
    fireEvent.input(field, { target: { value: '10' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await screen.findByRole('group', { name: 'Keep fewer papers?' });
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(screen.queryByRole('group', { name: 'Keep fewer papers?' })).toBeNull();
    expect(field.value).toBe('200');

    fireEvent.input(field, { target: { value: '10' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    const remove = within(await screen.findByRole('group', { name: 'Keep fewer papers?' })).getByRole('button', { name: 'Remove 90 papers' });
    remove.focus();
    fireEvent.click(remove);
    await screen.findByText('Removed 90 papers: each subscription keeps its newest 10.');
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(await countStoredPapers()).toBe(11);
    expect((await getSettings()).papersPerSubscription).toBe(10);

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await getSettings()).papersPerSubscription).toBe(200));
    expect(await allStoredPapers()).toEqual(before);
  });

  it('saves the switches, with AI headlines off until asked for and said to run on the device', async () => {
    renderWithServices(<OptionsApp />);
    await ready();
    const ai = screen.getByRole('checkbox', { name: /headlines written by your browser’s built-in AI/ }) as HTMLInputElement;
    expect(ai.checked).toBe(false);
    expect(screen.getByText(/on-device model/)).toBeTruthy();
    fireEvent.click(ai);
    fireEvent.click(screen.getByRole('checkbox', { name: /Notify me when new papers arrive/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Show a figure on new-tab cards/ }));
    await waitFor(async () => expect(await getSettings()).toMatchObject({ aiHeadlines: true, notifications: false, showFigures: false }));
  });

  it('turns off the notification about saved papers on its own, leaving the new-papers one on', async () => {
    renderWithServices(<OptionsApp />);
    await ready();
    const saved = screen.getByRole('checkbox', { name: /saved paper has a new version, is published or is withdrawn/ }) as HTMLInputElement;
    expect(saved.checked).toBe(true);
    fireEvent.click(saved);
    await waitFor(async () => expect(await getSettings()).toMatchObject({ savedChangeNotifications: false, notifications: true }));
  });
});
