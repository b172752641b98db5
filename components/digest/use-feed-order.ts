import { useCallback, useEffect, useState } from 'preact/hooks';
import type { FeedOrder } from '../../lib/schema/limits';
import { readFeedOrder, writeFeedOrder } from '../../lib/ui/feed-order';

// Settings load after the first paint: the page's own copy decides the first frame.
const settings = () => import('../../lib/settings');

/**
 * The feed's order as the reader chose it: the page's copy at once, then the setting (which a
 * choice in another tab or another of the reader's browsers changes); choosing writes both.
 */
export function useFeedOrder(storage: Pick<Storage, 'getItem' | 'setItem'>): [FeedOrder, (order: FeedOrder) => void] {
  const [order, setOrder] = useState(() => readFeedOrder(storage));
  useEffect(() => {
    let stop: (() => void) | undefined;
    let stopped = false;
    const follow = (next: FeedOrder) => {
      setOrder(next);
      writeFeedOrder(storage, next);
    };
    void settings().then(({ getSettings, watchSettings }) => {
      if (stopped) return;
      void getSettings().then((s) => !stopped && follow(s.feedOrder));
      stop = watchSettings((s) => follow(s.feedOrder));
    });
    return () => {
      stopped = true;
      stop?.();
    };
  }, [storage]);
  const choose = useCallback(
    (next: FeedOrder) => {
      setOrder(next);
      writeFeedOrder(storage, next);
      void settings().then(({ updateSettings }) => updateSettings({ feedOrder: next }));
    },
    [storage],
  );
  return [order, choose];
}
