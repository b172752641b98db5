import { cleanup, fireEvent, render, screen, waitFor, within } from '../../../helpers/dom-testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FeedView } from '../../../../components/digest/feed-view';
import type { FeedData } from '../../../../components/common/page-data';
import { db } from '../../../../lib/db/db';
import { newStoredPaper } from '../../../../lib/db/ingest';
import type { StoredPaper } from '../../../../lib/db/schema';
import type { FeedOrder } from '../../../../lib/schema/limits';
import { testingPapers } from '../../../helpers/fixtures';
import { NOW, testServices, WithServices } from '../test-services';

// The feed as the page draws it, given what was read (a read of the database would give the same
// papers less the one hidden): where a card that left at a click keeps its place, and where not.

beforeEach(async () => {
  await db.delete();
  await db.open();
});
afterEach(cleanup);

const papers: StoredPaper[] = testingPapers.slice(0, 4).map((entry) => newStoredPaper(entry, ['testing'], NOW));
const [a, b, c, d] = papers.map((p) => p.id) as [string, string, string, string];
const services = testServices();

/** The For-you order: a and b arrived today, c and d earlier. */
const ranked = (shown: StoredPaper[]): FeedData => ({
  papers: shown,
  saved: [],
  more: false,
  ranked: { why: {}, freshness: Object.fromEntries(shown.map((p) => [p.id, p.id === a || p.id === b ? 0 : 2])) },
});

function draw(feed: FeedData, { order = 'forYou', filter, unread = feed.papers.length }: { order?: FeedOrder; filter?: string; unread?: number } = {}) {
  return (
    <WithServices services={services.services}>
      <FeedView
        header={{ subscriptions: [], counts: { all: unread, bySubscription: {} } }}
        feed={feed}
        filter={filter}
        sync={{ state: 'ok' }}
        seenAt={undefined}
        now={NOW}
        density="comfortable"
        onMore={() => undefined}
        order={order}
        ranking={undefined}
        onOrder={() => undefined}
      />
    </WithServices>
  );
}

/** Headings, cards and held places, in the page's order. */
const page = () =>
  [...document.querySelectorAll<HTMLElement>('h2, [data-testid="paper-card"], .held-place')].map((e) =>
    e.tagName === 'H2' ? `## ${e.textContent}` : (e.dataset.arxivId ?? 'held'),
  );
// happy-dom lays nothing out: every box is at x = 0, so 0 is in the column of the cards and 5,000 beside it.
const alongTheCards = { clientX: 0 };
const besideTheCards = { clientX: 5_000 };
const hideWithMouse = (id: string) =>
  fireEvent.click(within(screen.getAllByTestId('paper-card').find((card) => card.dataset.arxivId === id)!).getByRole('button', { name: 'Hide' }), { detail: 1 });

describe('a card hidden with a click', () => {
  it('keeps its place in its group of the For-you order, though the order read since has no group for it, while the pointer is on the cards or the message', async () => {
    const { rerender } = render(draw(ranked(papers)));
    hideWithMouse(a);
    rerender(draw(ranked(papers.filter((p) => p.id !== a))));
    expect(page()).toEqual(['## Arrived today', 'held', b, '## Earlier', c, d]);
    fireEvent.pointerMove(screen.getAllByTestId('paper-card')[1]!, alongTheCards);
    fireEvent.pointerMove(await screen.findByText('Paper hidden.'), besideTheCards);
    expect(page()).toContain('held');
    fireEvent.pointerMove(document.body, besideTheCards);
    expect(page()).toEqual(['## Arrived today', b, '## Earlier', c, d]);
  });

  it('keeps no place in another list (a filter or an order chosen before the pointer moved)', () => {
    const { rerender } = render(draw(ranked(papers)));
    hideWithMouse(a);
    rerender(draw(ranked(papers.filter((p) => p.id !== a))));
    expect(page()).toContain('held');
    rerender(draw(ranked([papers[2]!, papers[3]!]), { filter: 'other' }));
    expect(page()).toEqual(['## Earlier', c, d]);
    rerender(draw({ papers: papers.filter((p) => p.id !== a), saved: [], more: false }, { order: 'newest' }));
    expect(page()).not.toContain('held');
  });

  it('holds no place for a card that came back (Undo) and leaves again otherwise (a sync, another tab)', () => {
    const { rerender } = render(draw(ranked(papers)));
    hideWithMouse(a);
    rerender(draw(ranked(papers.filter((p) => p.id !== a))));
    expect(page()).toContain('held');
    rerender(draw(ranked(papers)));
    expect(page()).toEqual(['## Arrived today', a, b, '## Earlier', c, d]);
    rerender(draw(ranked(papers.filter((p) => p.id !== a))));
    expect(page()).toEqual(['## Arrived today', b, '## Earlier', c, d]);
  });

  it('gives up a place scrolled out of the window (the reader reads on), and keeps one in it', () => {
    const { rerender } = render(draw(ranked(papers)));
    hideWithMouse(a);
    rerender(draw(ranked(papers.filter((p) => p.id !== a))));
    const box = { top: 300, bottom: 600 };
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(() => ({ ...box, left: 0, right: 0 }) as DOMRect);
    fireEvent.scroll(window);
    expect(page()).toContain('held');
    Object.assign(box, { top: -400, bottom: -100 });
    fireEvent.scroll(window);
    expect(page()).toEqual(['## Arrived today', b, '## Earlier', c, d]);
  });

  it('says "all caught up" once the place is given up, not above it while it is held', async () => {
    const { rerender } = render(draw(ranked(papers), { unread: 1 }));
    hideWithMouse(a);
    rerender(draw(ranked(papers.filter((p) => p.id !== a)), { unread: 0 }));
    expect(page()).toContain('held');
    expect(screen.queryByText(/all caught up/)).toBeNull();
    fireEvent.pointerMove(document.body, besideTheCards);
    await waitFor(() => expect(screen.getByText(/all caught up/)).toBeTruthy());
  });
});

describe('cards past the first screen', () => {
  it('keep, as long as they are drawn, whether they were past it when first drawn (Chromium left a card blank that lost it)', async () => {
    const { FIRST_SCREEN_CARDS } = await import('../../../../lib/ui/first-screen');
    const many = testingPapers.slice(0, FIRST_SCREEN_CARDS + 2).map((entry) => newStoredPaper(entry, ['testing'], NOW));
    const newest = { papers: many, saved: [], more: false };
    const later = () => screen.getAllByTestId('paper-card').flatMap((card) => (card.classList.contains('card--later') ? [card.dataset.arxivId] : []));
    const { rerender } = render(draw(newest, { order: 'newest' }));
    const drawnLater = many.slice(FIRST_SCREEN_CARDS).map((p) => p.id);
    expect(later()).toEqual(drawnLater);
    // The first two leave: the two drawn later move up into the first screen, and stay as drawn.
    rerender(draw({ ...newest, papers: many.slice(2) }, { order: 'newest' }));
    expect(later()).toEqual(drawnLater);
    // Two new ones above them: the cards drawn on the first screen that move down past it stay as drawn too.
    const arrived = testingPapers.slice(FIRST_SCREEN_CARDS + 2, FIRST_SCREEN_CARDS + 4).map((entry) => newStoredPaper(entry, ['testing'], NOW));
    rerender(draw({ ...newest, papers: [...arrived, ...many.slice(2)] }, { order: 'newest' }));
    expect(later()).toEqual(drawnLater);
  });
});
