import { useLayoutEffect, useState } from 'preact/hooks';
import { loadData, type PageData } from './load-data';

export interface LiveResult<T> {
  /** The latest answer; the previous one while a changed query runs, so lists never flash empty. */
  value: T | undefined;
  error: Error | undefined;
  /** True once the database has answered (until then `value` is the initial one, if any). */
  fresh: boolean;
}

/**
 * The answer of a Dexie query, kept current: it runs again whenever the data it read changes,
 * here or in any other page of the extension (a sync, a save on arxiv.org, another tab).
 * `query` gets the database module once it has loaded and must read through it synchronously
 * from its first line, so Dexie sees every table it touches.
 */
export function useLiveQuery<T>(query: (data: PageData) => Promise<T>, deps: readonly unknown[], initial?: T): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>({ value: initial, error: undefined, fresh: false });
  // A layout effect starts the first read before the browser paints, not a frame later.
  useLayoutEffect(() => {
    let active = true;
    let unsubscribe = () => undefined as void;
    void loadData().then((data) => {
      if (!active) return;
      const subscription = data.liveQuery(() => query(data)).subscribe({
        next: (value) => setResult({ value, error: undefined, fresh: true }),
        error: (error: unknown) =>
          setResult((previous) => ({
            value: previous.value,
            error: error instanceof Error ? error : new Error(String(error)),
            fresh: true,
          })),
      });
      unsubscribe = () => subscription.unsubscribe();
    });
    return () => {
      active = false;
      unsubscribe();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the query depends on
  }, deps);
  return result;
}
