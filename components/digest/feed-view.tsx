import type { SyncState } from '../../lib/sync/state';
import type { Density } from '../../lib/ui/density';
import { loadData } from '../common/load-data';
import type { FeedData, HeaderData } from '../common/page-data';
import { useServices } from '../common/services';
import { useToast } from '../common/toast';
import { DayGroupedCards, labelsById, PlainCards, ShowMore } from './card-list';
import { CaughtUp, NoPapersYet } from './empty-states';

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
}

/** The unread count and "Mark all as read"; the line is there, empty, until counted. */
function FeedBar({ unread, filter }: { unread: number | undefined; filter: string | undefined }) {
  const services = useServices();
  const toast = useToast();
  const markAll = async () => {
    const count = await (await loadData()).markAllRead(services.now(), filter);
    toast({ text: `Marked ${count} ${count === 1 ? 'paper' : 'papers'} as read.` });
  };
  return (
    <div class="feed-bar">
      <p class="feed-bar__count">{unread === undefined ? '\u00a0' : unread === 0 ? 'No unread papers' : `${unread} unread`}</p>
      {unread !== undefined && unread > 0 && (
        <button type="button" class="link-button" onClick={() => void markAll()}>
          Mark all as read
        </button>
      )}
    </div>
  );
}

/** The papers of one subscription or of all, under day headings, newest first. */
export function FeedView({ header, feed, filter, sync, seenAt, now, density, onMore }: FeedViewProps) {
  // Until the first answer nothing is drawn: an empty state that flashes by is worse than none.
  if (!feed) return null;
  const labels = labelsById(header.subscriptions);
  const label = filter === undefined ? undefined : labels.get(filter);
  const counts = header.counts;
  const unread = counts === undefined ? undefined : filter === undefined ? counts.all : (counts.bySubscription[filter] ?? 0);
  if (feed.papers.length === 0) {
    return <NoPapersYet sync={sync} now={now} subject={label === undefined ? 'your subscriptions' : `“${label}”`} />;
  }
  return (
    <>
      <FeedBar unread={unread} filter={filter} />
      {unread === 0 && <CaughtUp now={now} />}
      {density === 'compact' ? (
        // One row a paper, its date on it: day headings would take a row's room each.
        <section aria-labelledby="compact-heading">
          <h2 id="compact-heading" class="visually-hidden">
            Papers, newest first
          </h2>
          <PlainCards papers={feed.papers} saved={feed.saved} labels={labels} seenAt={seenAt} now={now} mode="feed" density="compact" />
        </section>
      ) : (
        <DayGroupedCards papers={feed.papers} saved={feed.saved} labels={labels} seenAt={seenAt} now={now} mode="feed" />
      )}
      {feed.more && <ShowMore onMore={onMore} />}
    </>
  );
}
