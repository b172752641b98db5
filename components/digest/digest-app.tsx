import { useEffect, useRef, useState } from 'preact/hooks';
import type { FeedOrder } from '../../lib/schema/limits';
import { type Density, readDensity, writeDensity } from '../../lib/ui/density';
import { FIRST_SCREEN_CARDS } from '../../lib/ui/first-screen';
import type { InitialScreen } from '../common/initial-screen';
import { lazyComponent } from '../common/lazy';
import { loadCategoryNames } from '../paper-card/category-names';
import { useServices } from '../common/services';
import { useHeaderData, useSubscriptions } from '../common/use-header-data';
import { useLiveFeed } from '../common/use-live-feed';
import { useLiveQuery } from '../common/use-live-query';
import { useNow } from '../common/use-now';
import { useSeenAt } from '../common/use-seen-at';
import { useCheckWhenOnline } from '../common/sync-controls';
import type { FeedData } from '../common/page-data';
import { FeedView } from './feed-view';
import { useFeedOrder } from './use-feed-order';
import { FilterChips } from './filter-chips';
import { idle, useFirstScreenWriter } from './first-screen-writer';
import { Header } from './header';
import { useRoute } from './route';
import { SearchResults } from './search-results';
import { ShortcutsDialog } from './shortcuts-dialog';
import { useShortcuts } from './use-shortcuts';

export const DIGEST_FIRST_SCREEN_KEY = 'paper-radar:digest-first-screen';
const PAGE = 30;
// The index is built in a worker; starting it a little after the first paint keeps the
// database free for the cards, and has it ready by the time most people type.
const SEARCH_WARM_UP_DELAY_MS = 1500;

const FirstRun = lazyComponent(async () => (await import('./first-run')).FirstRun);
const LibraryView = lazyComponent(async () => (await import('../library/library-view')).LibraryView);

function initialFeed(initial: InitialScreen | null, filter: string | undefined, order: FeedOrder): FeedData | undefined {
  if (!initial || (initial.filter ?? undefined) !== filter) return undefined;
  // A screen taken in the For-you order is no first frame for the newest first.
  if (initial.ranked && order !== 'forYou') return undefined;
  return { papers: initial.papers, saved: initial.saved, more: initial.more, ...(initial.ranked ? { ranked: initial.ranked } : {}) };
}

/** The new tab: the digest of new papers, search over all of them, and the library. */
export function DigestApp({ initial }: { initial: InitialScreen | null }) {
  const services = useServices();
  const [route, navigate] = useRoute();
  const { view } = route;
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(FIRST_SCREEN_CARDS);
  const [helpOpen, setHelpOpen] = useState(false);
  const searchBox = useRef<HTMLInputElement>(null);
  const now = useNow(services.now);
  const [density, setDensity] = useState(() => readDensity(services.storage));
  const chooseDensity = (next: Density) => {
    setDensity(next);
    writeDensity(services.storage, next);
  };
  const [order, chooseOrder] = useFeedOrder(services.storage);

  const subscriptions = useSubscriptions(initial);
  // A link to a subscription deleted since (an old tab, a bookmark) shows everything instead.
  const filter = subscriptions && !subscriptions.some((s) => s.id === route.filter) ? undefined : route.filter;
  const sync = useLiveQuery((data) => data.getSyncState(), [], initial?.sync).value;
  useCheckWhenOnline(sync);
  // Neither the feed nor the search is for the Library, which shows and searches its own saves:
  // opened there, the page leaves the database to the Library's reads and its frames to the
  // Library's cards until the reader goes to the digest.
  const feedShown = view === 'digest';
  const digestShown = useRef(false);
  if (feedShown) digestShown.current = true;
  const feedWanted = digestShown.current;
  // Until then the page keeps the stored first screen's cards, to show at once when the reader goes there.
  const firstScreen = initialFeed(initial, filter, order);
  const feedQuery = useLiveFeed(
    (data, kept) => (feedWanted ? data.loadFeed(filter, limit, order, kept) : Promise.resolve(firstScreen)),
    [feedWanted, limit],
    `${order}\u0000${filter ?? ''}`,
    firstScreen,
  );
  const feed = feedQuery.value;
  // Everything else (counts, the ranking's state, when the reader last looked) waits until the
  // first cards have been read from the database; on the Library, until the digest is shown.
  const cardsRead = feedWanted && feedQuery.fresh;
  const header = useHeaderData(subscriptions, initial, cardsRead);
  const ranking = useLiveQuery((data) => (cardsRead ? data.rankingState() : Promise.resolve(undefined)), [cardsRead]).value;
  const changedSaves = useLiveQuery((data) => (cardsRead ? data.toldChangesCount() : Promise.resolve(undefined)), [cardsRead]).value;
  const seenAt = useSeenAt(cardsRead, 'when looked at');

  // The first screen is painted with a few cards; the rest of the first page follows.
  useEffect(() => {
    if (!cardsRead) return;
    return idle(() => {
      setLimit((n) => Math.max(n, PAGE));
      void loadCategoryNames();
    });
  }, [cardsRead]);
  useEffect(() => {
    if (!cardsRead || !feedShown) return;
    let stopIdle: (() => void) | undefined;
    const timer = setTimeout(() => (stopIdle = idle(() => services.search().build())), SEARCH_WARM_UP_DELAY_MS);
    return () => {
      clearTimeout(timer);
      stopIdle?.();
    };
  }, [services, cardsRead, feedShown]);
  // Once the digest has been shown, the next new tab's first screen follows the feed, also from
  // the Library (a write still waiting when the reader went there lands; a sync is kept).
  useFirstScreenWriter(services, DIGEST_FIRST_SCREEN_KEY, { filter, header, sync, feed: feedWanted ? feed : undefined });
  useShortcuts({
    focusSearch: () => searchBox.current?.focus(),
    showHelp: () => setHelpOpen(true),
  });

  const searching = query.trim() !== '';
  const firstRun = header !== undefined && header.subscriptions.length === 0;
  let content = null;
  if (view === 'library') {
    const { changed, tag } = route;
    const showLibrary = (next: { changed?: boolean; tag?: string }) => navigate({ view, ...(next.changed ? { changed: true } : {}), ...(next.tag ? { tag: next.tag } : {}) });
    content = <LibraryView query={query} now={now} changedOnly={changed === true} onChangedOnly={(on) => showLibrary({ changed: on, tag })} tag={tag} onTag={(next) => showLibrary({ changed, tag: next })} />;
  } else if (searching) content = <SearchResults query={query} header={header} seenAt={seenAt} now={now} density={density} />;
  else if (firstRun) content = <FirstRun />;
  else if (header && sync)
    content = (
      <FeedView
        header={header}
        feed={feed}
        filter={filter}
        sync={sync}
        seenAt={seenAt}
        now={now}
        density={density}
        onMore={() => setLimit((n) => n + PAGE)}
        order={order}
        ranking={ranking}
        onOrder={(next) => {
          setLimit(PAGE);
          chooseOrder(next);
        }}
      />
    );

  return (
    <div class="page">
      {/* Focuses the papers without going to '#main' (the address keeps the page's place, route.ts)
          and without scrolling them under the sticky bar. */}
      <a
        class="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus({ preventScroll: true });
        }}
      >
        Skip to the papers
      </a>
      <Header
        view={view}
        onView={(next) => {
          setQuery('');
          navigate(next === 'library' ? { view: next } : { view: next, filter });
        }}
        query={query}
        onQuery={setQuery}
        searchRef={searchBox}
        // With nothing to watch there is nothing to report ("Updated just now" would be about no
        // subscription at all) and nothing to sync.
        sync={firstRun ? undefined : sync}
        now={now}
        changedSaves={changedSaves}
        // The library keeps its cards (tags and notes); first run has no papers to show densely.
        density={view === 'digest' && !firstRun ? { density, onDensity: chooseDensity } : undefined}
      >
        {view === 'digest' && !firstRun && (
          <div class={density === 'compact' ? 'topbar__chips topbar__chips--compact' : 'topbar__chips'}>
            {/* Drawn with their counts, in the room kept for them: counts arriving later would widen the chips and move the ones after. */}
            {header?.counts && (
              <FilterChips
                subscriptions={header.subscriptions}
                counts={header.counts}
                selected={filter}
                onSelect={(next) => {
                  setQuery('');
                  setLimit(PAGE);
                  navigate(next === undefined ? { view } : { view, filter: next });
                }}
              />
            )}
          </div>
        )}
      </Header>
      <main id="main" class={density === 'compact' && view === 'digest' ? 'content content--compact' : 'content'} tabIndex={-1}>
        {content}
      </main>
      <footer class="page-footer">
        <button type="button" class="link-button" onClick={() => setHelpOpen(true)}>
          Keyboard shortcuts <kbd>?</kbd>
        </button>
      </footer>
      <ShortcutsDialog open={helpOpen} library={view === 'library'} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
