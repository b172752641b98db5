import { cleanup, fireEvent, render, screen, waitFor, within } from '../../../helpers/dom-testing';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { DIGEST_FIRST_SCREEN_KEY, DigestApp } from '../../../../components/digest/digest-app';
import { db } from '../../../../lib/db/db';
import { hidePapers, markRead } from '../../../../lib/db/feed';
import { ingest } from '../../../../lib/db/ingest';
import { createLocalSearch } from '../../../../lib/search/local-search';
import { storedPapers } from '../../../../lib/search/paper-source';
import type { SearchClient } from '../../../../lib/search/search-client';
import type { SearchAnswer } from '../../../../lib/search/search-protocol';
import { addSubscription } from '../../../../lib/db/subscriptions';
import { updateSyncState } from '../../../../lib/sync/state';
import { testingPages, testingPapers } from '../../../helpers/fixtures';
import { NOW, testServices, WithServices } from '../test-services';
import { getPaper, getPapers } from '../../../../lib/db/papers';
import { savePaper, setTags } from '../../../../lib/db/library';
import { markTold, recordCheckAnswer, untoldChanges } from '../../../../lib/db/saved-check';
import { clearRanking, markNotInterested, putRankResult, type RankModel, takeBackNotInterested } from '../../../../lib/db/ranking';
import { storedIds } from '../../../helpers/stored-papers';
import { derivedPapers } from '../../../helpers/derived-world';
import { DENSITY_KEY } from '../../../../lib/ui/density';
import * as pageData from '../../../../components/common/page-data';
import { updateSettings } from '../../../../lib/settings';
import { KEEP_ORDER_AWAY_MS } from '../../../../components/common/use-live-feed';
import { FIRST_SCREEN_CARDS, type FirstScreen } from '../../../../lib/ui/first-screen';

const HOUR = 3_600_000;

beforeEach(async () => {
  await db.delete();
  await db.open();
  window.history.replaceState(null, '', '/');
});
afterEach(cleanup);

/** Two subscriptions over the real `testing` pages: the first two pages, and the third. */
async function store() {
  const testing = await addSubscription({ kind: 'keyword', value: 'testing', categories: [], exclude: [] }, NOW, () => 'testing');
  const fuzzing = await addSubscription({ kind: 'keyword', value: 'fuzzing', categories: [], exclude: [] }, NOW, () => 'fuzzing');
  await ingest([...testingPages[0]!, ...testingPages[1]!], testing.id, NOW - 2 * HOUR);
  await ingest(testingPages[2]!, fuzzing.id, NOW - HOUR);
  await updateSyncState({ state: 'ok', lastSuccessAt: NOW - 2 * HOUR });
}

/** The digest over the stored papers, once its first 30 cards are on screen. */
async function openDigest() {
  await store();
  renderDigest();
  await waitFor(() => expect(cardIds()).toHaveLength(30));
}

function renderDigest(services = testServices({ lastSeen: async () => ({ seenAt: NOW - 1.5 * HOUR }) })) {
  render(
    <WithServices services={services.services}>
      <DigestApp initial={null} />
    </WithServices>,
  );
  return services;
}

const cardIds = () => screen.queryAllByTestId('paper-card').map((card) => card.dataset.arxivId);

/** A paper of the stored pages, and the longest word of its abstract: search finds it by that word. */
const searchedPaper = testingPages[1]![4]!;
const abstractWord = (paper = searchedPaper) => paper.summary.split(/\W+/).filter((w) => w.length > 8).sort((a, b) => b.length - a.length)[0]!;
const cardOf = (id: string) => screen.getAllByTestId('paper-card').find((card) => card.dataset.arxivId === id)!;

/** Types `value` into the search box and waits until the searched paper is among the results. */
async function searchFor(value: string): Promise<void> {
  fireEvent.input(screen.getByTestId('search-input'), { target: { value } });
  await waitFor(() => expect(cardIds()).toContain(searchedPaper.id));
}
const newestFirst = (papers = testingPapers.slice(0, 30)) =>
  [...papers].sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : a.id < b.id ? 1 : -1)).map((p) => p.id);

describe('the new tab', () => {
  it('shows the stored papers newest first under day headings, with counts per subscription', async () => {
    await store();
    renderDigest();
    await waitFor(() => expect(cardIds()).toEqual(newestFirst()));
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings.length).toBeGreaterThan(1);
    await waitFor(() => expect(screen.getByRole('button', { name: 'All 30 unread' })).toBeTruthy());
    expect(screen.getByRole('button', { name: 'testing 20 unread' }).getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByTestId('sync-status').dataset.state).toBe('ok');
    expect(screen.getByTestId('sync-status').textContent).toContain('Updated 2 h ago');
  });

  it('marks as new only the papers that arrived since the last visit', async () => {
    await store();
    renderDigest();
    await waitFor(() => expect(document.querySelectorAll('.card__flag--new')).toHaveLength(10));
    for (const flag of document.querySelectorAll('.card__flag--new')) {
      const id = flag.closest<HTMLElement>('[data-testid="paper-card"]')!.dataset.arxivId;
      expect(testingPages[2]!.map((p) => p.id)).toContain(id);
    }
  });

  it('filters by subscription and marks all of that one read', async () => {
    await openDigest();
    fireEvent.click(await screen.findByRole('button', { name: /^fuzzing 10 unread/ }));
    await waitFor(() => expect(cardIds()).toEqual(newestFirst(testingPages[2])));
    // A paper of the other subscription, read before: Undo must leave it read.
    await markRead([testingPages[0]![0]!.id], NOW - HOUR);
    await waitFor(() => expect(screen.getByRole('button', { name: 'All 29 unread' })).toBeTruthy());
    // Clicked twice before the first click is stored: one marking, one message, with Undo.
    screen.getByRole('button', { name: 'Mark all as read' }).focus();
    fireEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));
    fireEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'All 19 unread' })).toBeTruthy());
    // The button is gone with the last unread paper: its focus went to the papers, not the page.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Mark all as read' })).toBeNull());
    expect(document.activeElement?.id).toBe('main');
    await waitFor(() => expect(document.querySelectorAll('.card--unread')).toHaveLength(0));
    expect(screen.getByText(/all caught up/)).toBeTruthy();
    expect(screen.getByText('Marked 10 papers as read.')).toBeTruthy();
    // Undo marks exactly those ten unread again.
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(document.querySelectorAll('.card--unread')).toHaveLength(10));
    await waitFor(() => expect(screen.getByRole('button', { name: 'All 29 unread' })).toBeTruthy());
    expect((await getPaper(testingPages[0]![0]!.id))?.readAt).toBe(NOW - HOUR);
  });

  it('shows everything when linked to a subscription that no longer exists', async () => {
    await store();
    window.history.replaceState(null, '', '#sub=deleted-long-ago');
    renderDigest();
    await waitFor(() => expect(cardIds()).toHaveLength(30));
  });

  it('lists in the Library only the shortcuts that work there (hiding and reading are the feed’s)', async () => {
    await store();
    window.history.replaceState(null, '', '#library');
    renderDigest();
    await screen.findByText('Your library is empty');
    fireEvent.keyDown(document.body, { key: '?' });
    const listed = () => [...screen.getByRole('dialog', { name: 'Keyboard shortcuts' }).querySelectorAll('dd')].map((dd) => dd.textContent);
    expect(listed()).toContain('Save or unsave');
    expect(listed()).not.toContain('Hide');
    expect(listed()).not.toContain('Mark read or unread');
    fireEvent.click(screen.getByRole('link', { name: 'Digest' }));
    await waitFor(() => expect(listed()).toContain('Mark read or unread'));
  });

  it('opened on the Library, leaves the next new tab’s first screen alone until the digest is shown', async () => {
    await store();
    window.history.replaceState(null, '', '#library');
    const services = renderDigest();
    await screen.findByText('Your library is empty');
    // Far longer than the page waits for an idle moment (none here; 200 ms where a browser has no idle callbacks).
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(services.services.storage.getItem(DIGEST_FIRST_SCREEN_KEY)).toBeNull();
    fireEvent.click(screen.getByRole('link', { name: 'Digest' }));
    await waitFor(() => expect(services.services.storage.getItem(DIGEST_FIRST_SCREEN_KEY)).not.toBeNull());
  });

  it('counts on the Library tab the saved papers whose change the reader was told of and has not marked seen', async () => {
    await store();
    const [changed, other] = testingPapers.slice(0, 2);
    await savePaper(changed!.id, NOW - HOUR, changed);
    await savePaper(other!.id, NOW - HOUR, other);
    const v2 = { ...changed!, version: changed!.version + 1, updated: '2026-11-22T17:00:00Z', comment: 'camera-ready' };
    await recordCheckAnswer([changed!.id, other!.id], [v2, other!], NOW - 60_000);
    await markTold(await untoldChanges()); // the check told the reader (a notification)
    renderDigest();
    const views = await screen.findByRole('navigation', { name: 'Views' });
    const library = await within(views).findByRole('link', { name: 'Library, 1 saved paper changed on arXiv' });
    fireEvent.click(library);
    const seen = await waitFor(() => within(cardOf(changed!.id)).getByRole('button', { name: 'Mark as seen' }));
    fireEvent.click(seen);
    await waitFor(() => expect(within(views).getByRole('link', { name: 'Library' })).toBeTruthy());
  });

  it('opened at #library/changed (the saved-changes notification), shows only the saved papers arXiv changed, and keeps the filter in the address', async () => {
    // Three saves; the daily check found a new version (derived here: v8 of a fixture paper) of the oldest.
    const [changed, ...unchanged] = testingPapers.slice(0, 3);
    for (const [i, paper] of [changed!, ...unchanged].entries()) await savePaper(paper.id, NOW - (3 - i) * HOUR, paper);
    const v8 = { ...changed!, version: changed!.version + 1, updated: '2026-11-22T17:00:00Z', comment: 'camera-ready' };
    await recordCheckAnswer([changed!.id, ...unchanged.map((p) => p.id)], [v8, ...unchanged], NOW - 60_000);
    window.history.replaceState(null, '', '#library/changed');
    renderDigest();
    await waitFor(() => expect(cardIds()).toEqual([changed!.id]));
    const chip = screen.getByRole('button', { name: 'Changed since saved (1)' });
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('1 of 3 saved papers')).toBeTruthy();
    // Turned off: every save, and a reload would open the whole Library.
    fireEvent.click(chip);
    await waitFor(() => expect(cardIds()).toHaveLength(3));
    expect(window.location.hash).toBe('#library');
    fireEvent.click(screen.getByRole('button', { name: 'Changed since saved (1)' }));
    await waitFor(() => expect(cardIds()).toEqual([changed!.id]));
    expect(window.location.hash).toBe('#library/changed');
    // The skip link moves the focus to the papers and leaves the address (and the page) as it was.
    fireEvent.click(screen.getByRole('link', { name: 'Skip to the papers' }));
    expect(document.activeElement?.id).toBe('main');
    expect(window.location.hash).toBe('#library/changed');
    expect(cardIds()).toEqual([changed!.id]);
    // Marked seen: nothing changed is left, and the page says so rather than "no match"; the
    // focus, on the button that went with the card, goes to the papers' region.
    const seen = within(screen.getByTestId('paper-card')).getByRole('button', { name: 'Mark as seen' });
    seen.focus();
    fireEvent.click(seen);
    await waitFor(() => expect(cardIds()).toEqual([]));
    expect(document.activeElement?.id).toBe('main');
    expect(screen.getByText('No saved paper has changed since it was saved (or since you marked it seen).')).toBeTruthy();
  });

  it('keeps the Library’s tag filter in the address: a reload keeps it, the header’s Library link clears it', async () => {
    const papers = testingPapers.slice(0, 3);
    for (const [i, paper] of papers.entries()) await savePaper(paper.id, NOW - (3 - i) * HOUR, paper);
    await setTags(papers[0]!.id, ['to read']);
    await setTags(papers[2]!.id, ['to read', 'methods']);
    window.history.replaceState(null, '', '#library/tag=to%20read');
    renderDigest();
    await waitFor(() => expect(cardIds()).toEqual([papers[2]!.id, papers[0]!.id]));
    expect(screen.getByRole('button', { name: 'to read' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'methods' }));
    await waitFor(() => expect(cardIds()).toEqual([papers[2]!.id]));
    expect(window.location.hash).toBe('#library/tag=methods');
    // The header's link is to the whole Library.
    fireEvent.click(screen.getByRole('link', { name: 'Library' }));
    await waitFor(() => expect(cardIds()).toHaveLength(3));
    expect(window.location.hash).toBe('#library');
    expect(screen.getByRole('button', { name: 'All tags' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('opened at a tag no save has, shows the whole Library and forgets the tag', async () => {
    await savePaper(testingPapers[0]!.id, NOW - HOUR, testingPapers[0]);
    window.history.replaceState(null, '', '#library/tag=gone');
    renderDigest();
    await waitFor(() => expect(cardIds()).toEqual([testingPapers[0]!.id]));
    await waitFor(() => expect(window.location.hash).toBe('#library'));
  });

  it('opened on the Library, reads no paper of the feed and asks nothing of what was seen until the digest is shown', async () => {
    await store();
    const loadFeed = vi.spyOn(pageData, 'loadFeed');
    const lastSeen = vi.fn(async () => ({ seenAt: NOW - 1.5 * HOUR }));
    window.history.replaceState(null, '', '#library');
    const { sent } = renderDigest(testServices({ lastSeen }));
    await screen.findByText('Your library is empty');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(loadFeed).not.toHaveBeenCalled();
    expect(lastSeen).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('link', { name: 'Digest' }));
    await waitFor(() => expect(cardIds()).toHaveLength(30));
    expect(loadFeed).toHaveBeenCalled();
    expect(lastSeen).toHaveBeenCalledTimes(1);
    expect(sent.filter((m) => m.type === 'markSeen')).toHaveLength(0);
    loadFeed.mockRestore();
  });

  it('marks nothing seen on a new tab nobody touched; a key pressed on it marks it seen, and its "New" flags stay', async () => {
    await store();
    const { sent } = renderDigest();
    // Before, the flags came from markSeen's answer: sent by the time they show.
    await waitFor(() => expect(document.querySelectorAll('.card__flag--new')).toHaveLength(10));
    expect(sent.filter((m) => m.type === 'markSeen')).toHaveLength(0);
    fireEvent.keyDown(document.body, { key: 'j' });
    await waitFor(() => expect(sent.filter((m) => m.type === 'markSeen')).toHaveLength(1));
    fireEvent.wheel(document.body);
    expect(sent.filter((m) => m.type === 'markSeen')).toHaveLength(1);
    expect(document.querySelectorAll('.card__flag--new')).toHaveLength(10);
  });

  it('keeps a paper hidden just before going to the Library hidden on the next new tab’s first screen', async () => {
    await store();
    const { services } = renderDigest();
    await waitFor(() => expect(cardIds()).toHaveLength(30));
    const kept = () => services.storage.getItem(DIGEST_FIRST_SCREEN_KEY) ?? '';
    const id = cardIds()[0]!;
    await waitFor(() => expect(kept()).toContain(id));
    fireEvent.click(within(cardOf(id)).getByRole('button', { name: 'Hide' }));
    await waitFor(() => expect(cardIds()).not.toContain(id));
    fireEvent.click(screen.getByRole('link', { name: 'Library' }));
    await waitFor(() => expect(kept()).not.toContain(id));
  });

  it('keeps the next new tab’s first screen up to date while the reader is in the Library', async () => {
    await store();
    const { services } = renderDigest();
    await waitFor(() => expect(cardIds()).toHaveLength(30));
    const kept = () => services.storage.getItem(DIGEST_FIRST_SCREEN_KEY) ?? '';
    await waitFor(() => expect(kept()).toContain(cardIds()[0]!));
    fireEvent.click(screen.getByRole('link', { name: 'Library' }));
    await screen.findByText('Your library is empty');
    // A sync brings a paper newer than all the others.
    const [arrived] = derivedPapers(1, { yymm: '2612', newestAt: NOW });
    await ingest([arrived!], 'testing', NOW);
    await waitFor(() => expect(kept()).toContain(arrived!.id));
  });

  it('keeps a hidden paper hidden, also after a new sync brings it again', async () => {
    await openDigest();
    const [first, second] = screen.getAllByTestId('paper-card');
    const id = first!.dataset.arxivId!;
    const hide = within(first!).getByRole('button', { name: 'Hide' });
    const focus = vi.spyOn(second!, 'focus');
    hide.focus();
    fireEvent.click(hide);
    // The next card takes the focus without scrolling the page: it moves up into the hidden one's place.
    expect(focus).toHaveBeenCalledWith({ preventScroll: true });
    await waitFor(() => expect(cardIds()).not.toContain(id));
    await ingest(testingPages[0]!, 'testing', NOW); // the same page again
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cardIds()).not.toContain(id);
    expect(cardIds()).toHaveLength(29);
  });

  it('keeps the For-you order it drew while the reader is on it and when back soon; the next new tab, and the page after a long while away, take the newest', async () => {
    await store();
    const model: RankModel = { vocabularyId: 1, terms: [], idf: new Float32Array(), weights: new Float32Array(), bias: 0, documents: 0, labels: '', trainedAt: 0 };
    /** An order of the stored papers as a training would store it (every paper arrived earlier, each with a why line). */
    const rank = (ids: string[], builtAt: number) => putRankResult(model, { ids, freshness: ids.map(() => 2), why: ids.map((id) => `like ${id}`), builtAt });
    const firstOrder = newestFirst().reverse();
    await rank(firstOrder, NOW);
    const services = testServices({ lastSeen: async () => ({ seenAt: NOW }) });
    await updateSettings({ feedOrder: 'forYou' });
    onTestFinished(() => updateSettings({ feedOrder: 'newest' }).then(() => undefined));
    renderDigest(services);
    await waitFor(() => expect(cardIds()).toEqual(firstOrder));
    const nextTab = () => (JSON.parse(services.services.storage.getItem(DIGEST_FIRST_SCREEN_KEY) ?? '{"papers":[]}') as FirstScreen).papers.map((p) => p.id);
    await waitFor(() => expect(nextTab()).toEqual(firstOrder.slice(0, FIRST_SCREEN_CARDS)));
    // "Not interested" in the second card, and the order trained on it (derived: the newest first).
    const [, dismissed] = firstOrder;
    await markNotInterested([dismissed!], NOW);
    const secondOrder = newestFirst().filter((id) => id !== dismissed);
    await rank(secondOrder, NOW + 1);
    const kept = firstOrder.filter((id) => id !== dismissed);
    await waitFor(() => expect(nextTab()).toEqual(secondOrder.slice(0, FIRST_SCREEN_CARDS)));
    expect(cardIds()).toEqual(kept);
    // Read and hidden papers still leave; the others stay where they were.
    await hidePapers([kept[0]!], NOW);
    await waitFor(() => expect(cardIds()).toEqual(kept.slice(1)));
    // Another tab is shown for a while (a paper opened from the page): back, the list is as it was.
    let visibility: DocumentVisibilityState = 'hidden';
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
    const leave = (ms: number) => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      visibility = 'hidden';
      document.dispatchEvent(new Event('visibilitychange'));
      vi.advanceTimersByTime(ms);
    };
    const comeBack = () => {
      visibility = 'visible';
      document.dispatchEvent(new Event('visibilitychange'));
      vi.advanceTimersByTime(KEEP_ORDER_AWAY_MS);
      vi.useRealTimers();
    };
    leave(KEEP_ORDER_AWAY_MS - 60_000);
    comeBack();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cardIds()).toEqual(kept.slice(1));
    // Away longer: the page takes the newest order while hidden, follows any newer one until it is
    // shown again, and keeps the one it has then.
    leave(KEEP_ORDER_AWAY_MS);
    vi.useRealTimers();
    await waitFor(() => expect(cardIds()).toEqual(secondOrder.filter((id) => id !== kept[0])));
    const thirdOrder = [...secondOrder.slice(5), ...secondOrder.slice(0, 5)];
    await rank(thirdOrder, NOW + 2);
    await waitFor(() => expect(cardIds()).toEqual(thirdOrder.filter((id) => id !== kept[0])));
    visibility = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    await rank(kept, NOW + 3);
    await waitFor(() => expect(nextTab()).toEqual(kept.slice(1, FIRST_SCREEN_CARDS + 1)));
    expect(cardIds()).toEqual(thirdOrder.filter((id) => id !== kept[0]));
    // Choosing the order again draws the list anew, in the newest order.
    fireEvent.click(screen.getByRole('button', { name: 'Newest' }));
    await waitFor(() => expect(screen.queryAllByTestId('why')).toHaveLength(0));
    fireEvent.click(screen.getByRole('button', { name: 'For you' }));
    await waitFor(() => expect(cardIds()).toEqual(kept.slice(1)));
    // Saves removed took the order away: the page goes newest first and says what For you needs.
    await clearRanking();
    await screen.findByTestId('feed-order-hint');
    await waitFor(() => expect(cardIds()).toEqual(newestFirst().filter((id) => id !== dismissed && id !== kept[0])));
  });

  /** The cards and the places held for cards gone, in the page's order: what lies under the pointer after a click. */
  const cardsAndPlaces = () => [...document.querySelectorAll<HTMLElement>('[data-testid="paper-card"], .held-place')].map((e) => e.dataset.arxivId ?? `held: ${e.textContent}`);
  // happy-dom lays nothing out: every box is at x = 0, so 0 is in the column of the cards and 5,000 beside it.
  const alongTheCards = { clientX: 0 };
  const besideTheCards = { clientX: 5_000 };
  /** A click made with the mouse (a click from a key has no `detail`). */
  const clickWithMouse = (element: HTMLElement) => fireEvent.click(element, { detail: 1 });

  it('keeps the place of a card hidden with a click while the pointer stays on it: the next card does not slide under the pointer', async () => {
    await store();
    // What the background does with "Not interested" (lib/background/handlers.ts), here in the page.
    const setNotInterested = async ({ ids, value }: { ids: string[]; value: boolean }) => {
      await (value ? markNotInterested(ids, NOW) : takeBackNotInterested(ids));
      return { ok: true as const };
    };
    renderDigest(testServices({ lastSeen: async () => ({ seenAt: NOW }), setNotInterested }));
    await waitFor(() => expect(cardIds()).toHaveLength(30));
    const [first, second, third] = cardIds() as string[];
    clickWithMouse(within(cardOf(first!)).getByRole('button', { name: 'Hide' }));
    await waitFor(() => expect(cardIds()).not.toContain(first));
    expect(cardsAndPlaces().slice(0, 3)).toEqual(['held: Hidden.', second, third]);
    // Moving on the place, and down the column to the next cards, keeps it; moving beside the column, the cards close up.
    fireEvent.pointerMove(document.querySelector('.held-place')!, alongTheCards);
    fireEvent.pointerMove(cardOf(third!), alongTheCards);
    expect(cardsAndPlaces()[0]).toBe('held: Hidden.');
    fireEvent.pointerMove(document.body, besideTheCards);
    await waitFor(() => expect(cardsAndPlaces().slice(0, 2)).toEqual([second, third]));

    // "Not interested" the same; its Undo brings the card back into its place.
    clickWithMouse(within(cardOf(second!)).getByRole('button', { name: 'Not interested' }));
    await waitFor(() => expect(cardsAndPlaces().slice(0, 2)).toEqual(['held: Not interested: fewer papers like it.', third]));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(cardsAndPlaces().slice(0, 2)).toEqual([second, third]));

    // Pressed from the keyboard, nothing is held: the focus moved on, and so do the cards.
    fireEvent.click(within(cardOf(second!)).getByRole('button', { name: 'Hide' }));
    await waitFor(() => expect(cardsAndPlaces()[0]).toBe(third));
    expect(document.querySelector('.held-place')).toBeNull();
  });

  it.each(['comfortable', 'compact'] as const)('works from the keyboard in the %s view: j/k move, s saves, x hides, z undoes, o opens, e expands, m marks, / searches, ? lists shortcuts', async (density) => {
    await store();
    const services = testServices({ savePaper: async () => ({ pending: false }), lastSeen: async () => ({ seenAt: 0 }) });
    services.services.storage.setItem(DENSITY_KEY, density);
    renderDigest(services);
    await waitFor(() => expect(cardIds()).toHaveLength(30));
    expect(document.querySelectorAll(density === 'compact' ? '.row' : '.card')).toHaveLength(30);
    const ids = cardIds();
    const focused = () => (document.activeElement as HTMLElement).closest<HTMLElement>('[data-testid="paper-card"]');
    const focusedCard = () => focused()?.dataset.arxivId;
    const press = (key: string) => fireEvent.keyDown(document.activeElement ?? document.body, { key });

    press('j');
    expect(focusedCard()).toBe(ids[0]);
    press('j');
    press('j');
    press('k');
    expect(focusedCard()).toBe(ids[1]);

    press('s');
    await waitFor(() => expect(services.sent.some((m) => m.type === 'savePaper' && (m.data as { id: string }).id === ids[1])).toBe(true));
    const toggle = within(screen.getAllByTestId('paper-card')[1]!).getByTestId('save-toggle');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(toggle.textContent).toBe('Saved');

    press('x');
    expect(focusedCard()).toBe(ids[2]); // focus moves on before the card goes
    await waitFor(() => expect(cardIds()).not.toContain(ids[1]));
    expect((await getPaper(ids[1]!))!.hiddenAt).toBe(NOW);
    press('z'); // the Undo of the message at the bottom
    await waitFor(() => expect(cardIds()).toContain(ids[1]));
    expect((await getPaper(ids[1]!))!.hiddenAt).toBeUndefined();
    await waitFor(() => expect(focusedCard()).toBe(ids[1])); // back with the card
    press('j');
    expect(focusedCard()).toBe(ids[2]);

    press('o');
    await waitFor(() => expect(services.services.open).toHaveBeenCalledWith(expect.stringContaining(`/abs/${ids[2]}v`), 'background-tab'));
    await waitFor(async () => expect((await getPaper(ids[2]!))!.readAt).toBe(NOW));
    await waitFor(() => expect(focused()!.querySelector('[data-action="read"]')?.textContent).toBe('Mark unread'));
    press('m');
    await waitFor(async () => expect((await getPaper(ids[2]!))!.readAt).toBeUndefined());

    // e opens what the card keeps folded: the whole abstract, or the row's details.
    const expand = () => focused()!.querySelector('[data-action="expand"]');
    press('e');
    expect(expand()?.getAttribute('aria-expanded')).toBe('true');

    press('/');
    expect(document.activeElement).toBe(screen.getByTestId('search-input'));
    press('j'); // typing in the search box is text, not a shortcut
    expect(document.activeElement).toBe(screen.getByTestId('search-input'));

    (document.activeElement as HTMLElement).blur();
    press('?');
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
  }, 20_000);

  it('switches to the compact view in the header, and the next page opens in it', async () => {
    await store();
    const services = testServices({ lastSeen: async () => ({ seenAt: 0 }) });
    const first = render(
      <WithServices services={services.services}>
        <DigestApp initial={null} />
      </WithServices>,
    );
    await waitFor(() => expect(cardIds()).toHaveLength(30));
    const density = screen.getByRole('group', { name: 'Density' });
    expect(within(density).getByRole('button', { name: 'Cards' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(within(density).getByRole('button', { name: 'Compact' }));
    await waitFor(() => expect(document.querySelectorAll('.row')).toHaveLength(30));
    // A row: title, first author and date, Save, and its claim; the rest opens in place.
    const row = cardOf(cardIds()[0]!);
    expect(within(row).getByRole('heading', { level: 3 }).textContent).toBe(testingPapers.find((p) => p.id === row.dataset.arxivId)!.title);
    expect(row.querySelector('.row__byline')?.textContent).toMatch(/\+ \d+ · /);
    const details = row.querySelector<HTMLElement>('.row__details')!;
    expect(details.hidden).toBe(true);
    fireEvent.click(within(row).getByRole('button', { name: 'Details' }));
    expect(details.hidden).toBe(false);
    expect(within(details).queryByTestId('save-toggle')).toBeNull(); // one Save a paper, on its first line
    first.unmount();

    renderDigest(services);
    await waitFor(() => expect(document.querySelectorAll('.row')).toHaveLength(30));
    expect(within(screen.getByRole('group', { name: 'Density' })).getByRole('button', { name: 'Compact' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('finds a paper by a word of its abstract', async () => {
    await openDigest();
    const paper = searchedPaper;
    const word = abstractWord(paper);
    await searchFor(word);
    expect(document.getElementById('search-summary')!.textContent).toMatch(/match/);
    fireEvent.keyDown(screen.getByTestId('search-input'), { key: 'Escape' });
    await waitFor(() => expect(cardIds()).toHaveLength(30));
  });

  it('marks where the words typed matched: title, authors, abstract', async () => {
    await openDigest();
    expect(document.querySelector('mark')).toBeNull(); // the feed marks nothing
    const paper = searchedPaper;
    const titleWord = paper.title.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 5)[0]!;
    const surname = paper.authors[0]!.name.split(' ').at(-1)!;
    const word = abstractWord(paper);
    const query = `${titleWord.slice(0, 5).toUpperCase()} ${surname.slice(0, 4)} ${word}`;
    await searchFor(query);
    const card = cardOf(paper.id);
    await waitFor(() => expect(card.querySelector('.card__title mark')?.textContent?.toLowerCase()).toBe(titleWord.toLowerCase()));
    expect([...card.querySelectorAll('.card__authors mark')].map((m) => m.textContent)).toContain(surname);
    expect([...card.querySelectorAll('.card__abstract mark')].map((m) => m.textContent)).toContain(word);
    // Marking changes no text: the title reads as before.
    expect(card.querySelector('.card__title')!.textContent).toBe(paper.title);
  });

  it('starts a result’s abstract at the sentence of its hit when its three lines would not show it, and shows it whole on request', async () => {
    await openDigest();
    // A word of one stored paper only, first written far into its abstract.
    const stored = testingPapers.slice(0, 30);
    const written = (p: (typeof stored)[number]) => `${p.title} ${p.summary} ${p.authors.map((a) => a.name).join(' ')}`.toLowerCase();
    const [paper, word] = stored
      .flatMap((p) => p.summary.split(/[^\p{L}]+/u).filter((w) => w.length > 7).map((w) => [p, w] as const))
      .find(([p, w]) => p.summary.toLowerCase().indexOf(w.toLowerCase()) > 400 && stored.filter((other) => written(other).includes(w.toLowerCase())).length === 1)!;
    fireEvent.input(screen.getByTestId('search-input'), { target: { value: word } });
    await waitFor(() => expect(cardIds()).toEqual([paper.id]));
    const abstract = cardOf(paper.id).querySelector('.card__abstract')!;
    expect(abstract.textContent!.startsWith('…')).toBe(true);
    expect(abstract.textContent!.indexOf(word)).toBeLessThan(200);
    expect(abstract.querySelector('mark')?.textContent).toBe(word);
    fireEvent.click(within(cardOf(paper.id)).getByRole('button', { name: 'Show full abstract' }));
    expect(abstract.textContent).toBe(paper.summary);
  });

  it('keeps a paper hidden from search results on screen, marked, with the focus on it', async () => {
    await openDigest();
    const paper = searchedPaper;
    const word = abstractWord(paper);
    await searchFor(word);
    const card = () => cardOf(paper.id);
    const hide = within(card()).getByRole('button', { name: 'Hide' });
    hide.focus();
    fireEvent.click(hide);
    await waitFor(() => expect(within(card()).getByRole('button', { name: 'Unhide' })).toBeTruthy());
    expect(document.activeElement).toBe(card());
    // Unhidden, its button goes and the focus stays on the card.
    const unhide = within(card()).getByRole('button', { name: 'Unhide' });
    unhide.focus();
    fireEvent.click(unhide);
    await waitFor(() => expect(within(card()).queryByRole('button', { name: 'Unhide' })).toBeNull());
    expect(document.activeElement).toBe(card());
  });

  it('tells a screen reader the search’s answer once every stored paper was searched, not each count on the way', async () => {
    await store();
    const local = createLocalSearch(storedPapers);
    let finished = false;
    const updates = new Set<() => void>();
    const client: SearchClient = {
      ...local,
      // Derived from the real answer: a part of the store searched, then all of it.
      search: async (query, limit) => {
        const result = await local.search(query, limit);
        return finished ? result : { ...result, complete: false, progress: { ...result.progress, loaded: 10, total: 40 } };
      },
      onUpdate: (listener) => {
        updates.add(listener);
        const stop = local.onUpdate(listener);
        return () => (updates.delete(listener), stop());
      },
    };
    renderDigest(testServices({ lastSeen: async () => ({ seenAt: 0 }) }, { search: () => client }));
    await waitFor(() => expect(cardIds()).toHaveLength(30));
    await searchFor(abstractWord());
    const told = () => within(document.querySelector('.search-results')!).getByRole('status').textContent;
    expect(document.getElementById('search-summary')!.textContent).toMatch(/so far · searched 10 of 40 papers/);
    expect(told()).toBe('');
    finished = true;
    for (const update of updates) update();
    await waitFor(() => expect(told()).toMatch(/^1 paper matches, among all stored papers\.$|^\d+ papers match, among all stored papers\.$/));
    expect(told()).toBe(document.getElementById('search-summary')!.textContent);
  });

  it('draws the cards a search sends with its answer, and tells it which cards are on screen', async () => {
    await store();
    const local = createLocalSearch(storedPapers);
    const asked: (string | undefined)[] = [];
    const client: SearchClient = {
      ...local,
      // As the worker does: the papers of the ids come with the answer, unless they are shown already.
      search: async (query, limit, shown) => {
        asked.push(shown);
        const result: SearchAnswer = await local.search(query, limit);
        if (result.ids.join(' ') === shown) return result;
        const papers = (await getPapers(result.ids)).flatMap((p) => (p ? [p] : []));
        return { ...result, cards: { papers, saved: [] } };
      },
    };
    renderDigest(testServices({ lastSeen: async () => ({ seenAt: 0 }) }, { search: () => client }));
    await waitFor(() => expect(cardIds()).toHaveLength(30));
    const paper = searchedPaper;
    const word = abstractWord(paper);
    await searchFor(word);
    expect(document.querySelector('.search-results')!.getAttribute('aria-busy')).toBe('false');
    expect(asked[0]).toBeUndefined(); // nothing on screen yet
    fireEvent.input(screen.getByTestId('search-input'), { target: { value: `${word} ` } });
    await waitFor(() => expect(document.getElementById('search-summary')!.dataset.query).toBe(`${word} `));
    expect(asked.at(-1)).toBe(cardIds().join(' '));
  });

  it('on the first run explains itself and follows a first keyword, then syncs it', async () => {
    // The background's first sync ran over no subscription at all and succeeded.
    await updateSyncState({ state: 'ok', lastSuccessAt: NOW - 60_000 });
    const services = renderDigest(testServices({ syncNow: async () => ({ added: 0, state: 'ok' }) }));
    await screen.findByRole('heading', { name: /New papers from arXiv/ });
    // Nothing is watched yet: no "Updated 1 min ago", no Sync now, no empty row of chips.
    expect(screen.queryByTestId('sync-status')).toBeNull();
    expect(screen.queryByTestId('sync-now')).toBeNull();
    expect(document.querySelector('.topbar__chips')).toBeNull();
    fireEvent.input(screen.getByTestId('subscription-input'), { target: { value: 'graph neural networks' } });
    fireEvent.click(screen.getByTestId('subscription-add'));
    await waitFor(() => expect(services.sent.some((m) => m.type === 'syncNow')).toBe(true));
    const [subscription] = await db.subscriptions.toArray();
    expect(subscription).toMatchObject({ kind: 'keyword', value: 'graph neural networks' });
    expect(services.sent.find((m) => m.type === 'syncNow')!.data).toEqual({ subscriptionIds: [subscription!.id] });
    expect(await screen.findByTestId('sync-status')).toBeTruthy();
    // No papers yet: the page says they are on their way.
    await updateSyncState({ state: 'syncing', progress: { done: 0, total: 1 } });
    expect(await screen.findByText(/Fetching the first papers/)).toBeTruthy();
  });

  it('refuses an empty first keyword with a plain message', async () => {
    renderDigest();
    fireEvent.click(await screen.findByTestId('subscription-add'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Enter a word or phrase/);
  });

  it('refuses a first category arXiv does not have, and names the one meant', async () => {
    renderDigest();
    fireEvent.click(await screen.findByLabelText('Category'));
    fireEvent.input(screen.getByTestId('subscription-input'), { target: { value: 'distributed' } });
    fireEvent.click(screen.getByTestId('subscription-add'));
    expect((await screen.findByRole('alert')).textContent).toContain('Did you mean "cs.DC" (Distributed, Parallel, and Cluster Computing)?');
    expect(await db.subscriptions.count()).toBe(0);
  });

  it('on a Friday with everything read, says when arXiv announces next, in the reader’s time too', async () => {
    await store();
    await markRead(await storedIds(), NOW);
    const friday = Date.parse('2026-05-22T16:00:00Z'); // Friday 12:00 in New York
    renderDigest(testServices({}, { now: () => friday }));
    const note = await screen.findByText(/all caught up/);
    // The test environment's locale writes times as 20:00 or 8:00 PM.
    expect(note.parentElement!.textContent).toMatch(
      /no announcements on Fridays and Saturdays\. The next one is Sunday (20:00|8:00 PM) in New York/,
    );
  });

  it('says what it takes to get the feed ordered for you, counting saves still waiting for arXiv', async () => {
    await store();
    await savePaper(testingPapers[0]!.id, NOW);
    renderDigest();
    const hint = await screen.findByTestId('feed-order-hint');
    expect(hint.textContent).toBe('Save 2 more papers to get the feed ordered for you');
    // Saved from arXiv pages, before arXiv's API gave their details: they will count, and the hint says what they wait for.
    await savePaper('2612.00001', NOW);
    await waitFor(() => expect(hint.textContent).toBe('Save 1 more paper to get the feed ordered for you'));
    await savePaper('2612.00002', NOW);
    await waitFor(() => expect(hint.textContent).toBe('The feed is ordered for you once arXiv sends the details of the 2 papers you saved, or once you save 2 more'));
    // Two known and two waiting: either of the two will do.
    await savePaper(testingPapers[1]!.id, NOW);
    await waitFor(() => expect(hint.textContent).toBe('The feed is ordered for you once arXiv sends the details of 1 of the 2 papers you saved, or once you save 1 more'));
  });

  it('says on a line of its own why arXiv is being asked again, with no Retry while it is', async () => {
    await addSubscription({ kind: 'keyword', value: 'testing', categories: [], exclude: [] }, NOW, () => 'testing');
    await ingest(testingPages[0]!, 'testing', NOW);
    await updateSyncState({ state: 'syncing', lastSuccessAt: NOW - HOUR, retrying: 'arXiv did not answer within 30 seconds.' });
    renderDigest();
    const line = await screen.findByTestId('sync-problem');
    expect(line.textContent).toBe('Checking arXiv… arXiv did not answer within 30 seconds. Asking again.');
    expect(within(line).queryByRole('button')).toBeNull();
    expect(screen.getByTestId('sync-status').textContent).toBe('Checking arXiv…');
    await updateSyncState({ state: 'ok', lastSuccessAt: NOW, retrying: undefined });
    await waitFor(() => expect(screen.queryByTestId('sync-problem')).toBeNull());
  });

  it('says in plain words why the first papers have not come, with a way to retry', async () => {
    await addSubscription({ kind: 'keyword', value: 'testing', categories: [], exclude: [] }, NOW, () => 'testing');
    await updateSyncState({ state: 'error', message: 'arXiv did not answer in time.', retryAt: NOW + HOUR });
    const services = renderDigest(testServices({ syncNow: async () => ({ added: 0, state: 'ok' }) }));
    expect(await screen.findByText(/arXiv did not answer in time\. Trying again at/, { selector: 'section p' })).toBeTruthy();
    expect(screen.getByTestId('sync-status').dataset.state).toBe('error');
    // The bar says it in two words; the whole of it, with Retry, has a line of its own (cut short in the bar at 1280 px).
    expect(screen.getByTestId('sync-status').textContent).toBe('Check failed');
    expect(screen.getByTestId('sync-problem').textContent).toMatch(/^arXiv did not answer in time\. Trying again at .+Retry$/);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(services.sent.some((m) => m.type === 'syncNow')).toBe(true));
  });
});
