import { useEffect, useRef, useState } from 'preact/hooks';
import type { PreviewResult } from '../../lib/messaging';
import type { SubscriptionQuery } from '../../lib/subscription';
import { MathText } from '../math/math-text';
import { formatCount, formatDay } from './format';
import { useServices } from './services';

type State =
  | { status: 'idle' }
  | { status: 'waiting' }
  | { status: 'done'; result: PreviewResult }
  | { status: 'failed'; message: string };

interface QueryPreviewProps {
  query: SubscriptionQuery;
  /** The search query the preview is for; null while the query cannot be sent. */
  searchQuery: string | null;
  /** Said of a new subscription (before it is added) or of one being edited (before it is saved). */
  mode: 'add' | 'edit';
}

const PREVIEW_SIZE = 5;

/**
 * The newest matches of the query being typed, on request only: every preview is a request to
 * arXiv under the extension's shared limit of one every 3 seconds. A burst of clicks makes one
 * request, a query already previewed is answered from memory, and one preview runs at a time.
 */
export function QueryPreview({ query, searchQuery, mode }: QueryPreviewProps) {
  const { send, previewDebounceMs } = useServices();
  const cache = useRef(new Map<string, PreviewResult>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [state, setState] = useState<{ key: string | null; value: State }>({ key: null, value: { status: 'idle' } });
  const shown: State = state.key === searchQuery ? state.value : { status: 'idle' };

  useEffect(() => () => clearTimeout(timer.current), []);

  const run = (key: string, forQuery: SubscriptionQuery) => {
    const cached = cache.current.get(key);
    if (cached) return setState({ key, value: { status: 'done', result: cached } });
    setState({ key, value: { status: 'waiting' } });
    send('previewQuery', forQuery).then(
      (result) => {
        cache.current.set(key, result);
        setState((now) => (now.key === key ? { key, value: { status: 'done', result } } : now));
      },
      (error: unknown) => setState((now) => (now.key === key ? { key, value: { status: 'failed', message: (error as Error).message } } : now)),
    );
  };

  const onClick = () => {
    if (searchQuery === null || shown.status === 'waiting') return;
    clearTimeout(timer.current);
    const forQuery = query;
    timer.current = setTimeout(() => run(searchQuery, forQuery), previewDebounceMs);
  };

  return (
    <div class="preview">
      {/* Not disabled while arXiv is asked: a disabled button drops the focus to the page. */}
      <button type="button" class="button-secondary" onClick={onClick} disabled={searchQuery === null} aria-disabled={shown.status === 'waiting'}>
        {shown.status === 'waiting' ? 'Asking arXiv…' : 'Preview'}
      </button>
      <PreviewBody state={shown} mode={mode} />
    </div>
  );
}

function PreviewBody({ state, mode }: { state: State; mode: 'add' | 'edit' }) {
  if (state.status === 'idle') {
    return (
      <span class="hint">
        Shows the {PREVIEW_SIZE} newest papers that match, before you {mode === 'add' ? 'add it' : 'save the change'}.
      </span>
    );
  }
  if (state.status === 'waiting') return <span class="hint" role="status">Waiting for arXiv (one request every 3 seconds)…</span>;
  if (state.status === 'failed') return <p class="problems-error" role="alert">Preview failed: {state.message}</p>;
  const { totalResults, papers } = state.result;
  if (totalResults === 0) return <p role="status">No papers match this on arXiv.</p>;
  return (
    <div class="preview-results" role="status">
      <p>
        {formatCount(totalResults, 'paper matches', 'papers match')}. The newest:
      </p>
      <ol>
        {papers.slice(0, PREVIEW_SIZE).map((paper) => (
          <li key={paper.id} data-arxiv-id={paper.id}>
            <a href={`https://arxiv.org/abs/${paper.id}`} target="_blank" rel="noreferrer">
              <MathText text={paper.title} />
            </a>{' '}
            <span class="muted">
              {formatDay(paper.published)}
              {paper.authors[0] ? ` · ${paper.authors[0].name}${paper.authors.length > 1 ? ' et al.' : ''}` : ''}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
