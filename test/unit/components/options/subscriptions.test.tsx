import { cleanup, fireEvent, screen, waitFor, within } from '../../../helpers/dom-testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SubscriptionsSection } from '../../../../components/options/subscriptions-section';
import { db } from '../../../../lib/db/db';
import { ingest } from '../../../../lib/db/ingest';
import { savePaper } from '../../../../lib/db/library';
import { addSubscription, listSubscriptions } from '../../../../lib/db/subscriptions';
import type { PreviewResult } from '../../../../lib/messaging';
import { testingPages } from '../../../helpers/fixtures';
import { renderWithServices } from './render';
import { countStoredPapers } from '../../../helpers/stored-papers';

beforeEach(async () => {
  await db.delete();
  await db.open();
  fakeBrowser.reset();
});
afterEach(cleanup);

const input = () => screen.getByTestId('subscription-input') as HTMLInputElement;
const type = (text: string) => fireEvent.input(input(), { target: { value: text } });
const rows = () => screen.queryAllByTestId('subscription-row');
/** What the add form says is wrong while typing (named by the input, not announced at each key). */
const problems = () => document.querySelector('.subscription-form-add .query-check .problems-error')?.textContent ?? null;
const rowNames = () => rows().map((row) => row.getAttribute('aria-label'));

async function seed(...values: string[]) {
  let n = 0;
  for (const value of values) await addSubscription({ kind: 'keyword', value, categories: [], exclude: [] }, 0, () => `s${++n}`);
}

describe('adding a subscription', () => {
  it('adds a keyword when Enter is pressed, shows it as a row and asks the background to sync it', async () => {
    const { send } = renderWithServices(<SubscriptionsSection />);
    type('graph neural networks');
    fireEvent.keyDown(input(), { key: 'Enter' });
    await waitFor(() => expect(rows()).toHaveLength(1));
    const [stored] = await listSubscriptions();
    expect(stored).toMatchObject({ kind: 'keyword', value: 'graph neural networks', label: 'graph neural networks', enabled: true });
    expect(rows()[0]!.dataset.subscriptionId).toBe(stored!.id);
    expect(send).toHaveBeenCalledWith('syncNow', { subscriptionIds: [stored!.id] });
    expect(input().value).toBe('');
    await waitFor(() => expect(screen.getByText(/“graph neural networks”: 0 new papers from arXiv/)).toBeTruthy());
    // Typing the next one: the line about the last one goes, so it is not read as about this one.
    type('dark matter');
    expect(screen.queryByText(/“graph neural networks”: 0 new papers from arXiv/)).toBeNull();
  });

  it('says how many papers a new subscription found when they were stored already, not "0 new papers"', async () => {
    const [first, second] = testingPages[0]!;
    await savePaper(first!.id, 0, first); // saved from arXiv before the subscription
    const send = async (type: string, data: unknown) => {
      if (type !== 'syncNow') throw new Error(`unexpected message ${type}`);
      // The background's sync: the saved paper is matched again, one paper is new.
      const [id] = (data as { subscriptionIds: string[] }).subscriptionIds;
      return { added: (await ingest([first!, second!], id!, 1000)).added.length, state: 'ok' as const };
    };
    renderWithServices(<SubscriptionsSection />, { send: send as never });
    type('testing');
    fireEvent.keyDown(input(), { key: 'Enter' });
    await waitFor(() => expect(screen.getByText('“testing”: 2 papers from arXiv, 1 of them already stored (saved, or found by another subscription).')).toBeTruthy());
  });

  it('says while typing that a subscription is longer than a backup holds, and does not add it', async () => {
    const { send } = renderWithServices(<SubscriptionsSection />);
    type(`a${' graph'.repeat(400)}`);
    expect(problems()).toBe('Can’t add this yet: What a subscription watches can be at most 2,000 characters long; this has 2,401. ');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('subscription-add').getAttribute('aria-disabled')).toBe('true');
    fireEvent.keyDown(input(), { key: 'Enter' });
    // Said when the reader tries to add.
    expect(screen.getByRole('alert').textContent).toBe('Can’t add this yet: What a subscription watches can be at most 2,000 characters long; this has 2,401.');
    type('graph');
    fireEvent.click(screen.getByText('Limit to categories, leave out words, name'));
    fireEvent.input(screen.getByLabelText('Name on chips and notifications'), { target: { value: 'n'.repeat(2001) } });
    expect(problems()).toContain('A name can be at most 2,000 characters long; this one has 2,001.');
    expect(screen.getByTestId('subscription-add').getAttribute('aria-disabled')).toBe('true');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await listSubscriptions()).toEqual([]);
    expect(send).not.toHaveBeenCalled();
  });

  it('shows the exact query that will be sent while typing', () => {
    renderWithServices(<SubscriptionsSection />);
    type('dark matter');
    expect(screen.getByText('ti:"dark matter" OR abs:"dark matter"')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Author'));
    type('Del Maestro');
    expect(screen.getByText('au:"Del Maestro"')).toBeTruthy();
  });

  it('explains in plain words why a hyphenated keyword misses papers, and still lets it be added', async () => {
    renderWithServices(<SubscriptionsSection />);
    type('large-scale');
    const warning = screen.getByText(/reads a hyphen as "NOT"/);
    expect(warning.textContent).toContain('Write "large scale" instead of "large-scale"');
    expect(screen.getByTestId('subscription-add').getAttribute('aria-disabled')).toBe('false');
    // One click takes the advice.
    fireEvent.click(screen.getByRole('button', { name: 'Use “large scale”' }));
    expect(input().value).toBe('large scale');
    expect(screen.queryByText(/reads a hyphen as "NOT"/)).toBeNull();
    expect(screen.getByText('ti:"large scale" OR abs:"large scale"')).toBeTruthy();
    expect(document.activeElement).toBe(input());
  });

  it('takes the plain spelling of an accented word in one click, which unblocks adding', () => {
    renderWithServices(<SubscriptionsSection />);
    type('Schrödinger bridge');
    expect(screen.getByTestId('subscription-add').getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Use “Schrodinger bridge”' }));
    expect(input().value).toBe('Schrodinger bridge');
    expect(problems()).toBeNull();
    expect(screen.getByTestId('subscription-add').getAttribute('aria-disabled')).toBe('false');
  });

  it('does not add a query arXiv would refuse, and says why', async () => {
    renderWithServices(<SubscriptionsSection />);
    fireEvent.click(screen.getByLabelText('arXiv query'));
    type('ti:"dark matter');
    expect(problems()).toMatch(/A double quote \(".*\) is missing its partner/);
    expect(screen.getByTestId('subscription-add').getAttribute('aria-disabled')).toBe('true');
    // The Add button stays in the tab order: pressed, it says what is missing.
    fireEvent.click(screen.getByTestId('subscription-add'));
    expect(screen.getByRole('alert').textContent).toMatch(/^Can’t add this yet: A double quote \(".*\) is missing its partner/);
    // Typing on makes it stale.
    type('ti:"dark matter"');
    expect(screen.queryByRole('alert')).toBeNull();
    type('ti:"dark matter');
    fireEvent.keyDown(input(), { key: 'Enter' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await db.subscriptions.count()).toBe(0);
  });

  it('refuses a second subscription to the same query', async () => {
    await seed('dark matter');
    renderWithServices(<SubscriptionsSection />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    type('Dark Matter');
    fireEvent.keyDown(input(), { key: 'Enter' });
    const said = await screen.findByText('You already watch this: “dark matter”.');
    expect(await db.subscriptions.count()).toBe(1);
    // Said of the field, and gone once the field changes.
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(input().getAttribute('aria-describedby')).toContain(said.id);
    type('Dark Matter halos');
    expect(screen.queryByText('You already watch this: “dark matter”.')).toBeNull();
    expect(input().getAttribute('aria-invalid')).toBe('false');
  });

  it('picks a category from the taxonomy by name', async () => {
    renderWithServices(<SubscriptionsSection />);
    fireEvent.click(screen.getByLabelText('Category'));
    fireEvent.focus(input());
    type('distributed');
    const option = await screen.findByRole('option', { name: /cs\.DC Distributed, Parallel, and Cluster Computing/ });
    fireEvent.mouseDown(option);
    expect(input().value).toBe('cs.DC');
    expect(screen.getByText('cat:cs.DC')).toBeTruthy();
  });

  it('looks a name up without calling its words unknown categories, tells the two Machine Learnings apart, and says what is wrong once Enter closes the list', async () => {
    renderWithServices(<SubscriptionsSection />);
    fireEvent.click(screen.getByLabelText('Category'));
    fireEvent.focus(input());
    type('machine learning');
    expect(screen.getByRole('option', { name: 'cs.LG Machine Learning Computer Science' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'stat.ML Machine Learning Statistics' })).toBeTruthy();
    expect(problems()).toBeNull();
    expect(screen.queryByRole('checkbox', { name: /anyway/ })).toBeNull();
    // Enter with no suggestion chosen: nothing is added; the list closes and the problem shows.
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(problems()).toContain('Did you mean "cs.LG" (Machine Learning)?');
    // Said as well, since the list is named by the field, not announced.
    expect(screen.getByRole('alert').textContent).toBe('Can’t add this yet: "machine", "learning" are not arXiv categories: a subscription to them would find nothing. Did you mean "cs.LG" (Machine Learning)?');
    fireEvent.click(screen.getByRole('button', { name: 'Use “cs.LG”' }));
    expect(input().value).toBe('cs.LG');
  });

  it('does not add a category arXiv does not have, offers the one meant, and adds an unknown one only when confirmed', async () => {
    const { send } = renderWithServices(<SubscriptionsSection />);
    fireEvent.click(screen.getByLabelText('Category'));
    type('distributed');
    expect(problems()).toContain('Can’t add this yet: "distributed" is not one of arXiv’s categories: a subscription to it would find nothing. Did you mean "cs.DC"');
    expect(screen.queryByText('Sent to arXiv as')).toBeNull();
    expect(screen.getByTestId('subscription-add').getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Use “cs.DC”' }));
    expect(input().value).toBe('cs.DC');
    expect(problems()).toBeNull();

    type('cs.XYZ');
    expect(problems()).toContain('"cs.XYZ" is not one of arXiv’s categories');
    expect(screen.getByTestId('subscription-add').getAttribute('aria-disabled')).toBe('true');
    fireEvent.keyDown(input(), { key: 'Enter' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await listSubscriptions()).toEqual([]);
    fireEvent.click(screen.getByRole('checkbox', { name: /Add it anyway: arXiv has a category “cs.XYZ”/ }));
    expect(problems()).toBeNull();
    expect(screen.getByText('cat:cs.XYZ')).toBeTruthy();
    fireEvent.click(screen.getByTestId('subscription-add'));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect((await listSubscriptions())[0]).toMatchObject({ kind: 'category', value: 'cs.XYZ' });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('limits to categories and leaves out words, in the query sent', async () => {
    renderWithServices(<SubscriptionsSection />);
    type('transformer');
    const categories = screen.getByLabelText('Only in these categories');
    fireEvent.focus(categories);
    fireEvent.input(categories, { target: { value: 'cs.CL' } });
    fireEvent.keyDown(categories, { key: 'Enter' });
    fireEvent.input(screen.getByLabelText(/Leave out papers that mention/), { target: { value: 'survey, electrical grid' } });
    expect(
      screen.getByText('(ti:"transformer" OR abs:"transformer") AND cat:cs.CL ANDNOT (ti:"survey" OR abs:"survey" OR ti:"electrical grid" OR abs:"electrical grid")'),
    ).toBeTruthy();
    fireEvent.keyDown(input(), { key: 'Enter' });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect((await listSubscriptions())[0]).toMatchObject({ categories: ['cs.CL'], exclude: ['survey', 'electrical grid'] });
  });
});

describe('preview', () => {
  const papers = testingPages[0]!.slice(0, 5);
  const answer: PreviewResult = {
    totalResults: 7370,
    papers: papers.map(({ id, title, published, authors }) => ({ id, title, published, authors })),
    url: 'https://export.arxiv.org/api/query?search_query=...',
  };

  it('asks the background only when Preview is pressed, then shows the count and the 5 newest titles', async () => {
    const { send } = renderWithServices(<SubscriptionsSection />);
    send.mockImplementation(async () => answer);
    type('testing');
    type('testing ');
    expect(send).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(screen.getByText(/7,370 papers match/)).toBeTruthy());
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith('previewQuery', { kind: 'keyword', value: 'testing', categories: [], exclude: [] });
    const items = screen.getAllByRole('listitem').filter((li) => li.dataset.arxivId);
    expect(items.map((li) => li.dataset.arxivId)).toEqual(papers.map((p) => p.id));
    expect(items[0]!.textContent).toContain(papers[0]!.title.slice(0, 30));
  });

  it('makes one request for a burst of clicks and none for a query already previewed', async () => {
    const { send } = renderWithServices(<SubscriptionsSection />, { previewDebounceMs: 30 });
    send.mockImplementation(async () => answer);
    type('testing');
    const button = screen.getByRole('button', { name: 'Preview' });
    fireEvent.click(button);
    fireEvent.click(button);
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByText(/7,370 papers match/)).toBeTruthy());
    type('testing!');
    type('testing');
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(screen.getByText(/7,370 papers match/)).toBeTruthy());
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('shows titles as text, never as markup', async () => {
    const { send, container } = renderWithServices(<SubscriptionsSection />);
    const hostile = { ...answer, papers: [{ ...answer.papers[0]!, title: '<img src=x onerror="window.pwned=1">Bold claim' }] };
    send.mockImplementation(async () => hostile);
    type('testing');
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(screen.getByText(/<img src=x/)).toBeTruthy());
    expect(container.querySelector('img')).toBeNull();
  });

  it('says what went wrong when the preview fails', async () => {
    const { send } = renderWithServices(<SubscriptionsSection />);
    send.mockImplementation(async () => {
      throw new Error('arXiv is busy (HTTP 503). Try again in a minute.');
    });
    type('testing');
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Preview failed: arXiv is busy (HTTP 503). Try again in a minute.'));
  });
});

describe('the list', () => {
  it('deletes with Undo: the subscription and its unsaved papers go, Undo brings it back and syncs it', async () => {
    await seed('testing');
    await ingest(testingPages[0]!, 's1', 0);
    await savePaper(testingPages[0]![0]!.id, 0);
    const { send } = renderWithServices(<SubscriptionsSection />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    screen.getByRole('button', { name: 'Delete testing' }).focus();
    fireEvent.click(screen.getByRole('button', { name: 'Delete testing' }));
    await waitFor(() => expect(rows()).toHaveLength(0));
    expect(await countStoredPapers()).toBe(1); // the saved one stays
    // The last one gone, the focus is on the section's heading (not on the page, nor in a field, where z would be typed).
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Subscriptions' }));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect((await db.subscriptions.get('s1'))?.value).toBe('testing');
    expect(send).toHaveBeenCalledWith('syncNow', { subscriptionIds: ['s1'] });
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('gives the focus a deleted row had to the next row, and Undo gives it to the row it brings back', async () => {
    await seed('alpha', 'beta');
    renderWithServices(<SubscriptionsSection />);
    await waitFor(() => expect(rowNames()).toEqual(['alpha', 'beta']));
    screen.getByRole('button', { name: 'Delete alpha' }).focus();
    fireEvent.click(screen.getByRole('button', { name: 'Delete alpha' }));
    await waitFor(() => expect(rowNames()).toEqual(['beta']));
    expect(document.activeElement).toBe(rows()[0]);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rowNames()).toEqual(['alpha', 'beta']));
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Edit alpha'));
  });

  it('lets the Undo lapse after its time', async () => {
    await seed('testing');
    renderWithServices(<SubscriptionsSection />, { undoMs: 50 });
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Delete testing' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy());
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull());
    expect(await db.subscriptions.count()).toBe(0);
  });

  it('shows, beside a subscription’s last failure and when it is tried again, the papers it still has and its last good check', async () => {
    await seed('testing');
    await ingest(testingPages[0]!, 's1', 0);
    const now = Date.UTC(2026, 10, 23, 12);
    await db.syncStatus.put({ subscriptionId: 's1', lastAttemptAt: now - 60_000, lastSuccessAt: now - 3 * 3_600_000, lastError: 'arXiv’s API is having trouble (HTTP 503).', nextRetryAt: now + 15 * 60_000 });
    renderWithServices(<SubscriptionsSection />, { now: () => now });
    await waitFor(() => expect(rows()).toHaveLength(1));
    const row = rows()[0]!;
    await waitFor(() => expect(row.querySelector('.sync-error')?.textContent).toMatch(/^arXiv’s API is having trouble \(HTTP 503\)\. Trying again at \d{1,2}:\d{2}/));
    await waitFor(() => expect(within(row).getByText('10 papers · checked 3 h ago')).toBeTruthy());
  });

  it('reorders with the buttons and with Alt+arrow keys', async () => {
    await seed('alpha', 'beta', 'gamma');
    renderWithServices(<SubscriptionsSection />);
    await waitFor(() => expect(rowNames()).toEqual(['alpha', 'beta', 'gamma']));
    fireEvent.click(screen.getByRole('button', { name: 'Move gamma up' }));
    await waitFor(() => expect(rowNames()).toEqual(['alpha', 'gamma', 'beta']));
    fireEvent.keyDown(screen.getByRole('button', { name: 'Edit alpha' }), { key: 'ArrowDown', altKey: true });
    await waitFor(() => expect(rowNames()).toEqual(['gamma', 'alpha', 'beta']));
    // The control used keeps the focus, so the next Alt+↓ moves the same subscription again.
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Edit alpha'));
    expect((await listSubscriptions()).map((s) => s.value)).toEqual(['gamma', 'alpha', 'beta']);
    // Said to a screen reader, which does not see the rows move.
    await waitFor(() => expect(screen.getByText('Moved “alpha” to 2 of 3.')).toBeTruthy());
    expect((screen.getByRole('button', { name: 'Move gamma up' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('pauses and resumes a subscription', async () => {
    await seed('testing');
    renderWithServices(<SubscriptionsSection />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    // Named for what it does, checked or not.
    const watch = within(rows()[0]!).getByRole('checkbox', { name: 'Watch testing' }) as HTMLInputElement;
    expect(watch.checked).toBe(true);
    fireEvent.click(watch);
    await waitFor(() => expect(screen.getByText('Paused')).toBeTruthy());
    expect((await db.subscriptions.get('s1'))?.enabled).toBe(false);
    expect(screen.getByText('Paused “testing”: not checked until turned on.')).toBeTruthy();
    expect((within(rows()[0]!).getByRole('checkbox', { name: 'Watch testing' }) as HTMLInputElement).checked).toBe(false);
  });

  it('leaves an edit with Escape, as with Cancel, the focus back on the row’s Edit', async () => {
    await seed('testing');
    renderWithServices(<SubscriptionsSection />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Edit testing' }));
    const field = within(rows()[0]!).getByRole('textbox', { name: 'Subscription' }) as HTMLInputElement;
    fireEvent.input(field, { target: { value: 'fuzz testing' } });
    fireEvent.keyDown(field, { key: 'Escape', isComposing: true }); // closing an input method's word, not the edit
    expect(screen.getByRole('form', { name: 'Editing “testing”' })).toBeTruthy();
    // The category suggestions take Escape first: the edit stays.
    fireEvent.click(within(field.form!).getByLabelText('Category'));
    fireEvent.focus(field);
    fireEvent.input(field, { target: { value: 'distributed' } });
    expect(within(field.form!).getByRole('listbox')).toBeTruthy();
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(within(field.form!).queryByRole('listbox')).toBeNull();
    expect(screen.getByRole('form', { name: 'Editing “testing”' })).toBeTruthy();
    fireEvent.keyDown(field, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Editing “testing”' })).toBeNull());
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Edit testing'));
    expect((await db.subscriptions.get('s1'))?.value).toBe('testing');
  });

  it('edits a subscription in place and syncs it when its query changed', async () => {
    await seed('testing');
    await ingest(testingPages[0]!, 's1', 0); // what it found before the edit
    const { send } = renderWithServices(<SubscriptionsSection />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Edit testing' }));
    const field = within(rows()[0]!).getByRole('textbox', { name: 'Subscription' }) as HTMLInputElement;
    expect(field.value).toBe('testing');
    expect(document.activeElement).toBe(field); // the form takes the focus its Edit button had
    // It says what it edits: it looks like the form for a new subscription above it.
    expect(screen.getByRole('form', { name: 'Editing “testing”' })).toBe(field.form);
    expect(within(field.form!).getByText(/newest papers that match/).textContent).toBe('Shows the 5 newest papers that match, before you save the change.');
    fireEvent.input(field, { target: { value: 'fuzz testing' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(() => expect(rowNames()).toEqual(['fuzz testing']));
    // Saved, the form goes: the focus goes back to the row's Edit.
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Edit fuzz testing'));
    expect(await db.subscriptions.get('s1')).toMatchObject({ value: 'fuzz testing', label: 'fuzz testing' });
    expect(send).toHaveBeenCalledWith('syncNow', { subscriptionIds: ['s1'] });
    // What it found before is not counted as found now, nor as "already stored".
    await waitFor(() => expect(screen.getByText('“fuzz testing”: 0 new papers from arXiv.')).toBeTruthy());
  });
});
