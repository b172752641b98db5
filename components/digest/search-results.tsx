import { useEffect, useState } from 'preact/hooks';
import type { PaperSearchResult } from '../../lib/search/paper-search';
import { useServices } from '../common/services';
import { useLiveQuery } from '../common/use-live-query';
import type { HeaderData } from '../common/page-data';
import { labelsById, PlainCards, ShowMore } from './card-list';

const PAGE = 30;

interface SearchResultsProps {
  query: string;
  header: HeaderData | undefined;
  seenAt: number | undefined;
  now: number;
}

/** Asks the search worker on every keystroke; answers to older keystrokes are dropped. */
function useSearch(query: string, limit: number): PaperSearchResult | undefined {
  const services = useServices();
  const [result, setResult] = useState<PaperSearchResult>();
  useEffect(() => {
    const client = services.search();
    let current = true;
    const run = () =>
      client.search(query, limit).then(
        (answer) => current && setResult(answer),
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
  return result;
}

function summary(result: PaperSearchResult): string {
  const found = result.total === 0 ? 'No stored paper matches' : `${result.total} ${result.total === 1 ? 'paper matches' : 'papers match'}`;
  if (result.complete) return `${found}, among all stored papers.`;
  const { loaded, total } = result.progress;
  return `${found} so far · searched ${loaded.toLocaleString()} of ${total.toLocaleString()} papers…`;
}

/** Every stored paper whose title, authors, comment or abstract has all the words typed. */
export function SearchResults({ query, header, seenAt, now }: SearchResultsProps) {
  const [limit, setLimit] = useState(PAGE);
  useEffect(() => setLimit(PAGE), [query]);
  const result = useSearch(query, limit);
  const ids = result?.ids ?? [];
  const papers = useLiveQuery((data) => data.loadPapers(ids), [ids.join(' ')]);
  const labels = labelsById(header?.subscriptions ?? []);
  return (
    <section class="search-results" aria-labelledby="search-summary">
      <p id="search-summary" class="feed-bar__count" role="status">
        {result ? summary(result) : 'Searching…'}
      </p>
      {papers.value && (
        <PlainCards papers={papers.value.papers} saved={papers.value.saved} labels={labels} seenAt={seenAt} now={now} mode="search" />
      )}
      {result && result.total > ids.length && <ShowMore onMore={() => setLimit((n) => n + PAGE)} />}
    </section>
  );
}
