import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';

export interface LiveResult<T> {
  /** The latest answer; the previous one while a changed query runs, so lists never flash empty. */
  value: T | undefined;
  error: Error | undefined;
}

/**
 * The answer of a Dexie query, kept current: it runs again whenever the data it read changes,
 * here or in any other page of the extension (a sync, a save on arxiv.org, another tab).
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[], initial?: T): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>({ value: initial, error: undefined });
  // A layout effect starts the first read before the browser paints, not a frame later.
  useLayoutEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setResult({ value, error: undefined }),
      error: (error: unknown) =>
        setResult((previous) => ({ value: previous.value, error: error instanceof Error ? error : new Error(String(error)) })),
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the query depends on
  }, deps);
  return result;
}
