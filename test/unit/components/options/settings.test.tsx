import { cleanup, fireEvent, screen, waitFor } from '../../../helpers/dom-testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '../../../../components/options/options-app';
import { db } from '../../../../lib/db/db';
import { getSettings, updateSettings } from '../../../../lib/settings';
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

  it('keeps the number of papers per subscription in range', async () => {
    renderWithServices(<OptionsApp />);
    await ready();
    const field = screen.getByLabelText('Papers kept per subscription') as HTMLInputElement;
    expect(field.value).toBe('200');
    fireEvent.input(field, { target: { value: '3' } });
    fireEvent.blur(field);
    await waitFor(() => expect(field.value).toBe('10'));
    expect((await getSettings()).papersPerSubscription).toBe(10);
    fireEvent.input(field, { target: { value: '350' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(async () => expect((await getSettings()).papersPerSubscription).toBe(350));
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
