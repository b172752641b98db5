import { cleanup, fireEvent, screen, waitFor } from '../../../helpers/dom-testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackupSection } from '../../../../components/options/backup-section';
import { backupJson, createBackup } from '../../../../lib/backup/export';
import { db } from '../../../../lib/db/db';
import { getSettings } from '../../../../lib/settings';
import { seedProfile, snapshot, T0 } from '../../backup/seed';
import { validateMessage } from '../../../../lib/messaging/validate';
import type { Input } from '../../../../lib/messaging/protocol';
import { renderWithServices } from './render';

beforeEach(async () => {
  await db.delete();
  await db.open();
  fakeBrowser.reset();
});
afterEach(cleanup);

function choose(text: string, name = 'paper-radar-backup-2026-08-14.json') {
  const input = screen.getByTestId('import-file') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'application/json' })], configurable: true });
  fireEvent.change(input);
}

async function exportedText(): Promise<string> {
  await seedProfile();
  const text = backupJson(await createBackup(new Date(T0)));
  await db.delete();
  await db.open();
  fakeBrowser.reset();
  return text;
}

describe('backup section', () => {
  it('exports the whole profile as a dated JSON download', async () => {
    await seedProfile();
    const { services } = renderWithServices(<BackupSection />);
    fireEvent.click(screen.getByTestId('export-button'));
    await waitFor(() => expect(services.download).toHaveBeenCalledTimes(1));
    const [filename, text, type] = vi.mocked(services.download).mock.calls[0]!;
    expect(filename).toBe('paper-radar-backup-2026-08-14.json');
    expect(type).toBe('application/json');
    expect(JSON.parse(text)).toMatchObject({ format: 'paper-radar-backup', version: 1, exportedAt: '2026-08-14T09:30:00.000Z' });
    expect(screen.getByRole('status').textContent).toBe('Saved paper-radar-backup-2026-08-14.json: 4 subscriptions, 5 saved papers and your settings.');
  });

  it('shows what a file will add, imports it on confirmation and syncs the new subscriptions', async () => {
    const text = await exportedText();
    const { send } = renderWithServices(<BackupSection />);
    choose(text);
    const review = await screen.findByRole('group', { name: 'Import this backup?' });
    expect(review.textContent).toContain('4 subscriptions');
    expect(review.textContent).toContain('5 papers to your library');
    expect(review.textContent).toContain('new tags: physics, to read, transformers');
    expect(review.textContent).toContain('Attention Is All You Need');
    // A fresh profile takes the backup's settings unless told otherwise.
    expect((screen.getByRole('checkbox', { name: /replace my settings/ }) as HTMLInputElement).checked).toBe(true);
    expect(await db.subscriptions.count()).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Imported 4 subscriptions and 5 papers. Settings restored.');
    await screen.findByText('arXiv sent 0 new papers for them.');
    expect(await db.subscriptions.count()).toBe(4);
    expect(await db.library.count()).toBe(5);
    expect((await getSettings()).theme).toBe('dark');
    const ids = (await db.subscriptions.toCollection().primaryKeys()).sort();
    const sync = send.mock.calls.find(([type]) => type === 'syncNow');
    expect((sync?.[1] as { subscriptionIds: string[] }).subscriptionIds.sort()).toEqual(ids);

    // The same file again, one of its notes written on elsewhere (derived here): the review says what joins what.
    const again = JSON.parse(text) as { library: { note: string }[] };
    again.library[0]!.note = 'Written on another computer.';
    choose(JSON.stringify(again), 'again.json');
    const second = await screen.findByRole('group', { name: 'Import this backup?' });
    expect(second.textContent).toContain('0 subscriptions (4 are already here and left as they are)');
    expect(second.textContent).toContain('1 paper you already saved takes what the file adds (tags and notes joined to its own, newer details from arXiv); 4 are already here as in the file');
  });

  it('lists exactly what is wrong with a broken file and changes nothing', async () => {
    const text = await exportedText();
    await seedProfile();
    const before = await snapshot();
    const broken = JSON.parse(text) as { library: { paper?: { title: unknown } }[]; settings: Record<string, unknown> };
    broken.library[3]!.paper!.title = 12;
    broken.settings.theme = 'neon';
    renderWithServices(<BackupSection />);
    choose(JSON.stringify(broken), 'broken.json');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('broken.json can’t be imported. Nothing was changed.');
    expect(Array.from(alert.querySelectorAll('li')).map((li) => li.textContent)).toEqual([
      'library[3].paper.title: expected text, found the number 12',
      'settings.theme: expected one of "system", "light", "dark", found text',
    ]);
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect(await snapshot()).toEqual(before);
  });

  it('says a file is not JSON', async () => {
    renderWithServices(<BackupSection />);
    choose('<html><body>Not a backup</body></html>', 'page.html');
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('li')?.textContent).toMatch(/^Not valid JSON/);
  });

  it('shows titles from the file as text, never as markup', async () => {
    const text = await exportedText();
    const hostile = text.replace('"Attention Is All You Need"', JSON.stringify('<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>Attention'));
    const { container } = renderWithServices(<BackupSection />);
    choose(hostile);
    const review = await screen.findByRole('group', { name: 'Import this backup?' });
    expect(review.textContent).toContain('<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>Attention');
    expect(container.querySelector('img, script')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText(/^Imported/);
  });

  it('imports nothing when cancelled', async () => {
    const text = await exportedText();
    renderWithServices(<BackupSection />);
    choose(text);
    await screen.findByRole('group', { name: 'Import this backup?' });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Import this backup?' })).toBeNull();
    expect(await db.subscriptions.count()).toBe(0);
  });
});

describe('the first sync of imported subscriptions', () => {
  /** A backup of `count` keyword subscriptions and nothing else, as Paper Radar writes one. */
  function backupOf(count: number): string {
    const subscriptions = Array.from({ length: count }, (_, i) => ({
      id: `s${i}`,
      kind: 'keyword',
      value: `topic ${i}`,
      categories: [],
      exclude: [],
      label: `topic ${i}`,
      enabled: true,
      order: i,
      createdAt: T0,
    }));
    return JSON.stringify({ format: 'paper-radar-backup', version: 1, exportedAt: new Date(T0).toISOString(), subscriptions, library: [], settings: {} });
  }

  async function importWith(text: string, answer: () => Promise<unknown>) {
    const send = vi.fn(async (type: string, data: unknown) => {
      // The background's own check of the message, then its answer.
      validateMessage(type as 'syncNow', data);
      return answer();
    });
    renderWithServices(<BackupSection />, { send: send as never });
    choose(text);
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    return send;
  }

  it('asks for all of a backup’s 150 subscriptions at once, in a message the background accepts, and says what came', async () => {
    const send = await importWith(backupOf(150), async () => ({ added: 1234, state: 'ok' }));
    await screen.findByText('Imported 150 subscriptions and 0 papers. Settings restored.');
    await screen.findByText('arXiv sent 1,234 new papers for them.');
    expect(send).toHaveBeenCalledTimes(1);
    expect((send.mock.calls[0]![1] as Input<'syncNow'>).subscriptionIds).toHaveLength(150);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a sync that failed instead of swallowing it', async () => {
    await importWith(backupOf(3), async () => ({ added: 0, state: 'error', message: "arXiv's API is having trouble (HTTP 503)." }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe("Their papers could not be fetched yet. arXiv's API is having trouble (HTTP 503). Paper Radar will try again at its next check.");
  });

  it('shows a refused sync request instead of swallowing it', async () => {
    await importWith(backupOf(3), async () => {
      throw new Error('The message does not fit: subscriptionIds: a list of 1001 items; at most 1000 are allowed.');
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Their papers could not be fetched yet. The message does not fit');
  });
});
