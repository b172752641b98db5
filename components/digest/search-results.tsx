import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PaperSearchResult } from '../../lib/search/paper-search';
import type { SearchAnswer } from '../../lib/search/search-protocol';
import type { Density } from '../../lib/ui/density';
import { HighlightQuery } from '../common/highlight';
import { useServices } from '../common/services';
import { useLiveQuery } from '../common/use-live-query';
import type { FeedData, HeaderData } from '../common/page-data';
import { labelsById, PlainCards, ShowMore } from './card-list';

// Few cards per keystroke: each answer redraws them, and the first ten are what a reader scans.
const PAGE = 10;

interface SearchResultsProps {
  query: string;
  header: HeaderData | undefined;
  seenAt: number | undefined;
  now: number;
  density: Density;
}

interface Answer {
  query: string;
  result: SearchAnswer;
}

/**
 * Asks the search worker on every keystroke; answers to older keystrokes are dropped. `shown`
 * holds the ids of the cards on screen: the worker reads the papers of other ids for us.
 */
function useSearch(query: string, limit: number, shown: { current: string | undefined }): Answer | undefined {
  const services = useServices();
  const [answer, setAnswer] = useState<Answer>();
  // A layout effect asks at once; an effect would wait for the next frame first.
  useLayoutEffect(() => {
    const client = services.search();
    let current = true;
    const run = () =>
      client.search(query, limit, shown.current).then(
        (result) => current && setAnswer({ query, result }),
        () => undefined,
      );
    void run();
    // More papers read, or a new index after a sync: the same query may find more.
    const stop = client.onUpdate(() => void run());
    return () => {
      current = false;
      stop();
    };
  }, [services, query, limit]);
  return answer;
}

function summary(result: PaperSearchResult): string {
  const found = result.total === 0 ? 'No stored paper matches' : `${result.total} ${result.total === 1 ? 'paper matches' : 'papers match'}`;
  if (result.complete) return result.total === 0 ? `${found}.` : `${found}, among all stored papers.`;
  const { loaded, total } = result.progress;
  if (total === 0) return 'Reading the stored papers…';
  return `${found} so far · searched ${loaded.toLocaleString()} of ${total.toLocaleString()} papers…`;
}

/** Every stored paper read and indexed: answers from here on come from the index alone. */
const indexed = (result: PaperSearchResult) => result.complete && result.progress.indexed >= result.progress.total;

/**
 * Every stored paper whose title, authors, comment or abstract has all the words typed. The
 * section is busy (aria-busy) until the cards shown are the answer to what is in the box.
 */
export function SearchResults({ query, header, seenAt, now, density }: SearchResultsProps) {
  const [limit, setLimit] = useState(PAGE);
  useEffect(() => setLimit(PAGE), [query]);
  const shown = useRef<string | undefined>(undefined);
  const answer = useSearch(query, limit, shown);
  const result = answer?.result;
  const ids = result?.ids ?? [];
  const key = ids.join(' ');
  const live = useLiveQuery(async (data) => ({ key, feed: await data.loadPapers(ids) }), [key]).value;
  // The papers the worker read with an answer are drawn at once; the live read keeps them current.
  const fromWorker = useRef<{ key: string; feed: FeedData }>(undefined);
  const cards = answer?.result.cards;
  if (cards && fromWorker.current?.key !== key) fromWorker.current = { key, feed: { papers: cards.papers, saved: cards.saved, more: false } };
  const papers = live?.key !== key && fromWorker.current?.key === key ? fromWorker.current : live;
  shown.current = papers?.key;
  const subscriptions = header?.subscriptions;
  const labels = useMemo(() => labelsById(subscriptions ?? []), [subscriptions]);
  const busy = answer?.query !== query || papers?.key !== key;
  // The same element while the papers are the same: a new count alone redraws no card.
  const drawn = useMemo(
    () =>
      papers && (
        <PlainCards papers={papers.feed.papers} saved={papers.feed.saved} labels={labels} seenAt={seenAt} now={now} mode="search" density={density} />
      ),
    [papers, labels, seenAt, now, density],
  );
  return (
    <section class="search-results" aria-labelledby="search-summary" aria-busy={busy}>
      {/* The cards' titles are third-level headings: this is the second level above them. */}
      <h2 class="visually-hidden">Search results</h2>
      <p id="search-summary" class="feed-bar__count" data-query={answer?.query} data-indexed={result && String(indexed(result))}>
        {result ? summary(result) : 'Searching…'}
      </p>
      {/* What a screen reader is told: the answer once every stored paper was searched, not each count on the way. */}
      <p class="visually-hidden" role="status">
        {result?.complete && answer?.query === query ? summary(result) : ''}
      </p>
      <HighlightQuery query={answer?.query ?? ''}>{drawn}</HighlightQuery>
      {result && result.total > ids.length && <ShowMore onMore={() => setLimit((n) => n + PAGE)} />}
    </section>
  );
}
