import { cleanup, fireEvent, render, screen, waitFor, within } from '../../../helpers/dom-testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POPUP_FIRST_SCREEN_KEY, PopupApp } from '../../../../components/popup/popup-app';
import { putRankResult, type RankModel } from '../../../../lib/db/ranking';
import { FEED_ORDER_KEY } from '../../../../lib/ui/feed-order';
import { FIRST_SCREEN_CARDS, type FirstScreen } from '../../../../lib/ui/first-screen';
import { db } from '../../../../lib/db/db';
import { markRead } from '../../../../lib/db/feed';
import { updateSyncState } from '../../../../lib/sync/state';
import { ingest } from '../../../../lib/db/ingest';
import { addSubscription } from '../../../../lib/db/subscriptions';
import { testingPages } from '../../../helpers/fixtures';
import { NOW, testServices, WithServices } from '../test-services';
import { getPaper } from '../../../../lib/db/papers';
import { savePaper } from '../../../../lib/db/library';
import { markTold, recordCheckAnswer, untoldChanges } from '../../../../lib/db/saved-check';

beforeEach(async () => {
  await db.delete();
  await db.open();
});
afterEach(cleanup);

const HOUR = 3_600_000;
const cardIds = () => screen.queryAllByTestId('paper-card').map((card) => card.dataset.arxivId);

function renderPopup(services = testServices({ savePaper: async () => ({ pending: false }) })) {
  render(
    <WithServices services={services.services}>
      <PopupApp initial={null} />
    </WithServices>,
  );
  return services;
}

describe('the popup', () => {
  it('shows the newest unread papers, clears the badge, and counts per subscription', async () => {
    await addSubscription({ kind: 'keyword', value: 'testing', categories: [], exclude: [] }, NOW, () => 'testing');
    await ingest(testingPages[0]!, 'testing', NOW);
    await markRead([testingPages[0]![0]!.id], NOW);
    const services = renderPopup();
    const unread = [...testingPages[0]!.slice(1)].sort((a, b) => (a.published < b.published ? 1 : -1)).map((p) => p.id);
    await waitFor(() => expect(cardIds()).toEqual(unread));
    // The first author, and how many others outside the name, which a narrow line cuts.
    const withOthers = testingPages[0]!.find((p) => unread.includes(p.id) && p.authors.length > 1)!;
    const card = screen.getAllByTestId('paper-card').find((c) => c.dataset.arxivId === withOthers.id)!;
    const name = within(card).getByText(withOthers.authors[0]!.name);
    expect(name.parentElement!.textContent).toContain(`${withOthers.authors[0]!.name} + ${withOthers.authors.length - 1} · `);
    expect(services.sent.map((m) => m.type)).toContain('markSeen');
    expect(await screen.findByRole('button', { name: 'testing 9 unread: open in the digest' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'testing 9 unread: open in the digest' }));
    expect(services.services.openDigest).toHaveBeenCalledWith('testing');
    // The reading list is a click away too.
    fireEvent.click(screen.getByRole('button', { name: 'Library' }));
    expect(services.services.openLibrary).toHaveBeenCalledOnce();
  });

  it('leads to the saved papers arXiv changed that the reader was told of and has not marked seen', async () => {
    await addSubscription({ kind: 'keyword', value: 'testing', categories: [], exclude: [] }, NOW, () => 'testing');
    await ingest(testingPages[0]!, 'testing', NOW);
    const paper = testingPages[0]![0]!;
    await savePaper(paper.id, NOW - 1000, paper);
    await recordCheckAnswer([paper.id], [{ ...paper, version: paper.version + 1, updated: '2026-11-22T17:00:00Z' }], NOW);
    await markTold(await untoldChanges());
    const services = renderPopup();
    fireEvent.click(await screen.findByRole('button', { name: '1 saved paper changed' }));
    expect(services.services.openChangedSaves).toHaveBeenCalled();
  });

  it('leaves out the chip of a subscription with nothing unread: the popup lists only unread papers', async () => {
    await addSubscription({ kind: 'keyword', value: 'testing', categories: [], exclude: [] }, NOW, () => 'testing');
    await addSubscription({ kind: 'keyword', value: 'fuzzing', categories: [], exclude: [] }, NOW, () => 'fuzzing');
    await ingest(testingPages[0]!, 'testing', NOW);
    await ingest(testingPages[1]!.slice(0, 1), 'fuzzing', NOW);
    await markRead([testingPages[1]![0]!.id], NOW);
    renderPopup();
    expect(await screen.findByRole('button', { name: 'testing 10 unread: open in the digest' })).toBeTruthy();
    const chips = within(screen.getByRole('list', { name: 'Unread papers per subscription' })).getAllByRole('button');
    expect(chips.map((chip) => chip.querySelector('.chip__label')!.textContent)).toEqual(['All', 'testing']);
  });

  it('saves from a compact card and opens a paper in a new tab, marking it read', async () => {
    await addSubscription({ kind: 'keyword', value: 'testing', categories: [], exclude: [] }, NOW, () => 'testing');
    await ingest(testingPages[0]!, 'testing', NOW);
    const services = renderPopup();
    await waitFor(() => expect(cardIds()).toHaveLength(10));
    const card = screen.getAllByTestId('paper-card')[0]!;
    const id = card.dataset.arxivId!;
    fireEvent.click(within(card).getByTestId('save-toggle'));
    await waitFor(() => expect(services.sent.some((m) => m.type === 'savePaper')).toBe(true));
    fireEvent.click(within(card).getByRole('link'));
    await waitFor(() => expect(services.services.open).toHaveBeenCalledWith(expect.stringContaining(`/abs/${id}v`), 'new-tab'));
    expect((await getPaper(id))!.readAt).toBe(NOW);
    await waitFor(() => expect(cardIds()).not.toContain(id)); // read papers leave the unread list
  });

  it('keeps the best-first order it drew while open: ranking done again after a save moves no paper', async () => {
    await addSubscription({ kind: 'keyword', value: 'testing', categories: [], exclude: [] }, NOW, () => 'testing');
    await ingest(testingPages[0]!, 'testing', NOW - 1);
    const model: RankModel = { vocabularyId: 1, terms: [], idf: new Float32Array(), weights: new Float32Array(), bias: 0, documents: 0, labels: '', trainedAt: 0 };
    const rank = (ids: string[], builtAt: number) => putRankResult(model, { ids, freshness: ids.map(() => 0), why: ids.map((id) => `like ${id}`), builtAt });
    const drawn = testingPages[0]!.map((p) => p.id);
    await rank(drawn, NOW);
    const services = testServices({ savePaper: async () => ({ pending: false }) });
    services.services.storage.setItem(FEED_ORDER_KEY, 'forYou');
    renderPopup(services);
    await waitFor(() => expect(cardIds()).toEqual(drawn));
    // What the background stores once a save has trained ranking again (derived: the order turned round).
    const newer = [...drawn].reverse();
    await rank(newer, NOW + 1);
    const nextPopup = () => (JSON.parse(services.services.storage.getItem(POPUP_FIRST_SCREEN_KEY) ?? '{"papers":[]}') as FirstScreen).papers.map((p) => p.id);
    await waitFor(() => expect(nextPopup()).toEqual(newer.slice(0, FIRST_SCREEN_CARDS)));
    expect(cardIds()).toEqual(drawn);
  });

  it('shows hostile text in a title as text', async () => {
    await addSubscription({ kind: 'keyword', value: 'testing', categories: [], exclude: [] }, NOW, () => 'testing');
    // Derived from a real entry: markup planted in the title.
    const title = '<img src=x onerror="window.__popupPwned=1"> Testing';
    await ingest([{ ...testingPages[0]![0]!, title }], 'testing', NOW);
    renderPopup();
    const card = await screen.findByTestId('paper-card');
    expect(card.querySelector('h2')!.textContent).toBe(title);
    expect(card.querySelector('img')).toBeNull();
    expect((window as { __popupPwned?: number }).__popupPwned).toBeUndefined();
  });

  it('says "all caught up" only once arXiv has been asked: not while the first papers are fetched, nor after that failed', async () => {
    await addSubscription({ kind: 'keyword', value: 'testing', categories: [], exclude: [] }, NOW, () => 'testing');
    await updateSyncState({ state: 'syncing', lastAttemptAt: NOW });
    renderPopup();
    expect(await screen.findByText(/^Fetching the first papers…/)).toBeTruthy();
    await updateSyncState({ state: 'error', message: "arXiv's API is having trouble (HTTP 503).", retryAt: NOW + 15 * 60_000 });
    expect(await screen.findByText('No papers yet.')).toBeTruthy();
    expect(screen.queryByText(/caught up/)).toBeNull();
    expect(screen.getByTestId('sync-status').textContent).toContain('HTTP 503');
    await updateSyncState({ state: 'ok', lastSuccessAt: NOW, message: undefined, retryAt: undefined });
    expect(await screen.findByText('No unread papers. You’re all caught up.')).toBeTruthy();
  });

  it('asks for the check it promised once the browser is back online, the background having slept through it', async () => {
    await addSubscription({ kind: 'keyword', value: 'testing', categories: [], exclude: [] }, NOW, () => 'testing');
    await updateSyncState({ state: 'offline', lastSuccessAt: NOW - HOUR });
    const online = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine');
    let isOnline = false;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => isOnline });
    try {
      const services = renderPopup();
      expect(await screen.findByText(/You’re offline/)).toBeTruthy();
      const asked = () => services.sent.filter((m) => m.type === 'syncNow').length;
      expect(asked()).toBe(0);
      isOnline = true;
      window.dispatchEvent(new Event('online'));
      await waitFor(() => expect(asked()).toBe(1));
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
      if (online) Object.defineProperty(Navigator.prototype, 'onLine', online);
    }
  });

  it('sends a first-time user to the digest to add a subscription', async () => {
    await updateSyncState({ state: 'ok', lastSuccessAt: NOW - 60_000 }); // a sync over no subscription
    const services = renderPopup();
    fireEvent.click(await screen.findByRole('button', { name: 'Get started' }));
    expect(screen.queryByTestId('sync-status')).toBeNull();
    expect(screen.queryByTestId('sync-now')).toBeNull();
    expect(services.services.openDigest).toHaveBeenCalled();
  });
});
