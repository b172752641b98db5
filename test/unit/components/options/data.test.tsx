import { cleanup, fireEvent, screen, waitFor } from '../../../helpers/dom-testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DataSection } from '../../../../components/options/data-section';
import { db } from '../../../../lib/db/db';
import { ingest } from '../../../../lib/db/ingest';
import { savePaper } from '../../../../lib/db/library';
import { addSubscription } from '../../../../lib/db/subscriptions';
import { DEFAULT_SETTINGS, getSettings, updateSettings } from '../../../../lib/settings';
import { testingPages } from '../../../helpers/fixtures';
import { renderWithServices } from './render';
import { countStoredPapers, storedIds } from '../../../helpers/stored-papers';

const saved = testingPages[0]![2]!;

beforeEach(async () => {
  await db.delete();
  await db.open();
  fakeBrowser.reset();
  await addSubscription({ kind: 'keyword', value: 'testing', categories: [], exclude: [] }, 0, () => 's1');
  await ingest(testingPages[0]!, 's1', 0);
  await savePaper(saved.id, 0);
  await updateSettings({ theme: 'dark' });
});
afterEach(cleanup);

const stat = (name: string) => document.querySelector(`[data-stat="${name}"]`)?.textContent;

describe('your data', () => {
  it('shows the storage used and how many papers are stored and saved', async () => {
    renderWithServices(<DataSection />);
    await waitFor(() => expect(stat('papers')).toBe('10'));
    expect(stat('saved')).toBe('1');
    await waitFor(() => expect(stat('storage')).toBe('3.3 MB'));
  });

  it('clears the feed after a confirmation and keeps saved papers', async () => {
    renderWithServices(<DataSection />);
    await waitFor(() => expect(stat('papers')).toBe('10'));
    fireEvent.click(screen.getByRole('button', { name: 'Clear feed (keeps saved papers)' }));
    expect(await countStoredPapers()).toBe(10);
    fireEvent.click(screen.getByRole('button', { name: 'Clear feed' }));
    await waitFor(() => expect(stat('papers')).toBe('1'));
    expect(await storedIds()).toEqual([saved.id]);
    expect(await db.subscriptions.count()).toBe(1);
    expect(screen.getByRole('status').textContent).toBe('Cleared the feed: 9 papers removed. Saved papers stay.');
  });

  it('deletes everything only once DELETE is typed', async () => {
    renderWithServices(<DataSection />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    const confirm = screen.getByRole('button', { name: 'Delete everything' }) as HTMLButtonElement;
    const field = screen.getByLabelText('Type DELETE to confirm');
    expect(confirm.disabled).toBe(true);
    fireEvent.input(field, { target: { value: 'delete' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.click(confirm);
    fireEvent.input(field, { target: { value: 'DELETE' } });
    expect(await db.subscriptions.count()).toBe(1);
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    await waitFor(() => expect(stat('papers')).toBe('0'));
    expect([await db.subscriptions.count(), await db.library.count(), await countStoredPapers()]).toEqual([0, 0, 0]);
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
