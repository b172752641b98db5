import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import type { StoredPaper } from '../../lib/db/schema';
import type { FeedOrder } from '../../lib/schema/limits';
import type { SyncState } from '../../lib/sync/state';
import type { Density } from '../../lib/ui/density';
import { loadData } from '../common/load-data';
import type { FeedData, HeaderData } from '../common/page-data';
import { useServices } from '../common/services';
import { useToast } from '../common/toast';
import { useHeldPlaces } from '../paper-card/held-places';
import { DayGroupedCards, labelsById, PlainCards, RankedCards, ShowMore } from './card-list';
import { CaughtUp, NoPapersYet } from './empty-states';
import { OrderSwitch, type RankingState } from './order-switch';

const idOf = (paper: StoredPaper) => paper.id;
const pick = (values: Readonly<Record<string, number>>, keys: Iterable<string>) => Object.fromEntries([...keys].flatMap((key) => (key in values ? [[key, values[key]!]] : [])));

interface FeedViewProps {
  header: HeaderData;
  feed: FeedData | undefined;
  /** The subscription shown; undefined for All. */
  filter: string | undefined;
  sync: SyncState;
  seenAt: number | undefined;
  now: number;
  density: Density;
  onMore: () => void;
  order: FeedOrder;
  ranking: RankingState | undefined;
  onOrder: (order: FeedOrder) => void;
}

/** The unread count and "Mark all as read"; the line is there, empty, until counted. */
function FeedBar({ unread, filter, children }: { unread: number | undefined; filter: string | undefined; children?: ComponentChildren }) {
  const services = useServices();
  const toast = useToast();
  // One click marks a day's papers read: Undo marks exactly those unread again (a read another
  // browser made since stays), as Hide's Undo does. A second click while the first is stored does
  // nothing: its "Marked 0 papers" would replace the message with Undo.
  const marking = useRef(false);
  const button = useRef<HTMLButtonElement>(null);
  const markAll = async () => {
    if (marking.current) return;
    marking.current = true;
    try {
      const data = await loadData();
      const now = services.now();
      const focused = document.activeElement === button.current;
      const ids = await data.markAllRead(now, filter);
      // The button goes with the last unread paper: the focus it had goes to the papers, not the page.
      if (focused) document.getElementById('main')?.focus({ preventScroll: true });
      if (ids.length > 0) {
        toast({ text: `Marked ${ids.length} ${ids.length === 1 ? 'paper' : 'papers'} as read.`, action: { label: 'Undo', run: () => data.markUnread(ids, now) } });
      }
    } finally {
      marking.current = false;
    }
  };
  return (
    <div class="feed-bar">
      <p class="feed-bar__count">{unread === undefined ? '\u00a0' : unread === 0 ? 'No unread papers' : `${unread} unread`}</p>
      {unread !== undefined && unread > 0 && (
        <button ref={button} type="button" class="link-button" onClick={() => void markAll()}>
          Mark all as read
        </button>
      )}
      {children}
    </div>
  );
}

/** The papers of one subscription or of all: under day headings, newest first, or For you (what arrived lately, best first). */
export function FeedView({ header, feed, filter, sync, seenAt, now, density, onMore, order, ranking, onOrder }: FeedViewProps) {
  const { items: papers, held } = useHeldPlaces(feed?.papers ?? [], idOf, `${filter ?? ''}\u0000${order}`);
  // A held paper keeps its group in the For-you order (the order read since has it no longer).
  const freshness = useRef<Readonly<Record<string, number>>>({});
  if (feed?.ranked) freshness.current = held.size === 0 ? feed.ranked.freshness : { ...pick(freshness.current, held.keys()), ...feed.ranked.freshness };
  // Until the first answer nothing is drawn: an empty state that flashes by is worse than none.
  if (!feed) return null;
  const labels = labelsById(header.subscriptions);
  const label = filter === undefined ? undefined : labels.get(filter);
  const counts = header.counts;
  const unread = counts === undefined ? undefined : filter === undefined ? counts.all : (counts.bySubscription[filter] ?? 0);
  if (papers.length === 0) {
    return <NoPapersYet sync={sync} now={now} subject={label === undefined ? 'your subscriptions' : `“${label}”`} />;
  }
  return (
    <>
      <FeedBar unread={unread} filter={filter}>
        <OrderSwitch order={order} ranking={ranking} onOrder={onOrder} />
      </FeedBar>
      {/* Not while a place is held: appearing above it, it would move it from under the pointer. */}
      {unread === 0 && held.size === 0 && <CaughtUp now={now} />}
      {density === 'compact' ? (
        // One row a paper, its date on it: day headings would take a row's room each.
        <section aria-labelledby="compact-heading">
          <h2 id="compact-heading" class="visually-hidden">
            {feed.ranked ? 'Papers, the ones most like those you saved first' : 'Papers, newest first'}
          </h2>
          <PlainCards papers={papers} held={held} saved={feed.saved} labels={labels} seenAt={seenAt} now={now} mode="feed" density="compact" why={feed.ranked?.why} />
        </section>
      ) : feed.ranked ? (
        <RankedCards papers={papers} held={held} saved={feed.saved} labels={labels} seenAt={seenAt} now={now} mode="feed" why={feed.ranked.why} freshness={freshness.current} />
      ) : (
        <DayGroupedCards papers={papers} held={held} saved={feed.saved} labels={labels} seenAt={seenAt} now={now} mode="feed" />
      )}
      {feed.more && <ShowMore onMore={onMore} />}
    </>
  );
}
