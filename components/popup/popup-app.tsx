import { useEffect, useState } from 'preact/hooks';
import { FIRST_SCREEN_CARDS } from '../../lib/ui/first-screen';
import type { InitialScreen } from '../common/initial-screen';
import type { FeedData, HeaderData } from '../common/page-data';
import { readFeedOrder } from '../../lib/ui/feed-order';
import { useServices } from '../common/services';
import { SyncButton, SyncStatus, useCheckWhenOnline } from '../common/sync-controls';
import { useHeaderData, useSubscriptions } from '../common/use-header-data';
import { useLiveFeed } from '../common/use-live-feed';
import { useLiveQuery } from '../common/use-live-query';
import { useNow } from '../common/use-now';
import { useSeenAt } from '../common/use-seen-at';
import { useFirstScreenWriter } from '../digest/first-screen-writer';
import { useShortcuts } from '../digest/use-shortcuts';
import { CompactCard } from '../paper-card/compact-card';
import type { SyncState } from '../../lib/sync/state';

export const POPUP_FIRST_SCREEN_KEY = 'paper-radar:popup-first-screen';
const PAGE = 20;

/** A subscription's chip: its visible label and count first in its name, then what pressing it does. */
function CountChip({ label, count, onOpen }: { label: string; count: number; onOpen: () => void }) {
  return (
    <button type="button" class="chip" onClick={onOpen}>
      <span class="chip__label">{label}</span>{' '}
      {count > 0 && <span class="chip__count">{count}</span>}
      <span class="visually-hidden">{count > 0 ? ' unread' : ', none unread'}: open in the digest</span>
    </button>
  );
}

function SubscriptionCounts({ header }: { header: HeaderData }) {
  const services = useServices();
  const counts = header.counts ?? { all: 0, bySubscription: {} };
  return (
    <ul class="popup__subs" aria-label="Unread papers per subscription">
      <li>
        <CountChip label="All" count={counts.all} onOpen={() => services.openDigest()} />
      </li>
      {/* The popup lists unread papers: a subscription with none has nothing here (seven chips took four lines of it). */}
      {header.subscriptions
        .filter((s) => !header.counts || (counts.bySubscription[s.id] ?? 0) > 0)
        .map((s) => (
          <li key={s.id}>
            <CountChip label={s.label} count={counts.bySubscription[s.id] ?? 0} onOpen={() => services.openDigest(s.id)} />
          </li>
        ))}
    </ul>
  );
}

/** No unread papers: caught up only once arXiv has been asked; before, the status above says why there are none yet. */
function NothingUnread({ sync }: { sync: SyncState | undefined }) {
  if (sync?.lastSuccessAt !== undefined) return <p class="popup__empty">No unread papers. You’re all caught up.</p>;
  if (sync?.state === 'syncing') return <p class="popup__empty">Fetching the first papers… arXiv asks for a few seconds between requests.</p>;
  return <p class="popup__empty">No papers yet.</p>;
}

function UnreadList({ feed, sync, seenAt, now, onMore }: { feed: FeedData; sync: SyncState | undefined; seenAt: number | undefined; now: number; onMore: () => void }) {
  const saved = new Set(feed.saved);
  if (feed.papers.length === 0) return <NothingUnread sync={sync} />;
  return (
    <>
      {feed.papers.map((paper) => (
        <CompactCard key={paper.id} paper={paper} saved={saved.has(paper.id)} isNew={seenAt !== undefined && paper.addedAt > seenAt} now={now} why={feed.ranked?.why[paper.id]} />
      ))}
      {feed.more && (
        <button type="button" class="link-button popup__more" data-action="more" onClick={onMore}>
          Show more
        </button>
      )}
    </>
  );
}

/** The toolbar popup: status and Sync now, the newest unread papers, counts per subscription. */
export function PopupApp({ initial }: { initial: InitialScreen | null }) {
  const services = useServices();
  const now = useNow(services.now);
  const [limit, setLimit] = useState(FIRST_SCREEN_CARDS);
  const sync = useLiveQuery((data) => data.getSyncState(), [], initial?.sync).value;
  useCheckWhenOnline(sync);
  // The order the new tab was last shown in: For you, the best unread first, or the newest.
  const [order] = useState(() => readFeedOrder(services.storage));
  const unreadQuery = useLiveFeed(
    (data, kept) => data.loadUnread(limit, order, kept),
    [limit],
    order,
    initial ? { papers: initial.papers, saved: initial.saved, more: initial.more, ...(initial.ranked ? { ranked: initial.ranked } : {}) } : undefined,
  );
  const unread = unreadQuery.value;
  const header = useHeaderData(useSubscriptions(initial), initial, unreadQuery.fresh);
  const seenAt = useSeenAt(unreadQuery.fresh, 'when opened');
  // Saved papers arXiv changed, told of and not marked seen: the way to them once the notification is gone.
  const changedSaves = useLiveQuery((data) => (unreadQuery.fresh ? data.toldChangesCount() : Promise.resolve(0)), [unreadQuery.fresh]).value;
  useEffect(() => {
    if (unreadQuery.fresh) setLimit((n) => Math.max(n, PAGE));
  }, [unreadQuery.fresh]);
  useFirstScreenWriter(services, POPUP_FIRST_SCREEN_KEY, { filter: undefined, header, sync, feed: unread });
  useShortcuts({});

  const firstRun = header !== undefined && header.subscriptions.length === 0;
  return (
    <div class="popup">
      <header class="popup__top">
        <h1 class="brand">
          <img src="/icon/32.png" alt="" width={18} height={18} />
          <span>Paper Radar</span>
        </h1>
        {sync && !firstRun && <SyncButton state={sync} />}
      </header>
      <div class="popup__status">{sync && !firstRun && <SyncStatus state={sync} now={now} />}</div>
      {header && !firstRun && <SubscriptionCounts header={header} />}
      <main class="popup__list">
        {firstRun ? (
          <div class="popup__empty">
            <p>Follow a keyword, an author or a category, and new papers from arXiv appear here and on every new tab.</p>
            <button type="button" class="button button--primary" onClick={() => services.openDigest()}>
              Get started
            </button>
          </div>
        ) : (
          unread && <UnreadList feed={unread} sync={sync} seenAt={seenAt} now={now} onMore={() => setLimit((n) => n + PAGE)} />
        )}
      </main>
      <footer class="popup__footer">
        <button type="button" class="link-button" onClick={() => services.openDigest()}>
          Open the digest
        </button>
        <button type="button" class="link-button" onClick={services.openLibrary}>
          Library
        </button>
        {changedSaves ? (
          <button type="button" class="link-button" onClick={services.openChangedSaves}>
            {changedSaves} saved {changedSaves === 1 ? 'paper' : 'papers'} changed
          </button>
        ) : null}
        <button type="button" class="link-button" onClick={services.openOptions}>
          Options
        </button>
      </footer>
    </div>
  );
}
