import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * The result of a Dexie query, kept current: a sync, a save or an import in any page shows up
 * here without a reload. `initial` stands in until the first answer.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[], initial: T): T {
  const [value, setValue] = useState<{ current: T }>({ current: initial });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (next) => setValue({ current: next }),
      error: (error: unknown) => console.error('Paper Radar: a database query failed', error),
    });
    return () => subscription.unsubscribe();
    // The caller names what the query depends on, as with useEffect.
  }, deps);
  return value.current;
}
