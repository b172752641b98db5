import { useEffect, useRef, useState } from 'preact/hooks';
import type { RankingHead } from '../../lib/db/ranking';
import type { PageData } from './load-data';
import type { FeedData } from './page-data';
import { type LiveResult, useLiveQuery } from './use-live-query';

/** Away from a page this long, the reader comes back to the newest For-you order; back sooner, to the one they left. */
export const KEEP_ORDER_AWAY_MS = 30 * 60_000;

/**
 * The papers a page shows, kept current as `useLiveQuery` does, but in the For-you order the page
 * drew while the reader is on it. Each save and each "Not interested" trains ranking again, and a
 * page that followed each new order moved its cards under the reader a moment after the click (one
 * from 2nd to 4th; once the page jumped 886 px). Papers hidden, read or removed since still
 * leave; papers a sync brings come in where the newest order has them (page-data.ts). The page
 * reads the newest order when the list is drawn anew (`list` changed: another order or filter)
 * and once it has been hidden (another tab, a minimised window) for KEEP_ORDER_AWAY_MS: a reader
 * back from a paper opened in a tab finds the list as it was, one back after a long while the
 * newest order.
 */
export function useLiveFeed(
  query: (data: PageData, kept: RankingHead | undefined) => Promise<FeedData | undefined>,
  deps: readonly unknown[],
  list: string,
  initial?: FeedData,
): LiveResult<FeedData | undefined> {
  const kept = useRef<{ list: string; order: RankingHead } | undefined>(undefined);
  const [epoch, setEpoch] = useState(0);
  // The list each order was read for: the cards of the list before stay drawn until the new list's are read.
  const [readFor] = useState(() => new WeakMap<RankingHead, string>());
  const result = useLiveQuery(
    async (data) => {
      const feed = await query(data, kept.current?.list === list ? kept.current.order : undefined);
      if (feed?.order) readFor.set(feed.order, list);
      return feed;
    },
    [...deps, list, epoch],
    initial,
  );
  // Kept as it is drawn (effects come a frame later, or later still in a background tab). A list
  // drawn newest first keeps nothing: back to For you, the newest order is read.
  const drawn = useRef<FeedData | undefined>(undefined);
  const keep = () => {
    if (document.visibilityState !== 'visible') return;
    const order = drawn.current?.order;
    const listOf = order && readFor.get(order);
    kept.current = order && listOf !== undefined ? { list: listOf, order } : undefined;
  };
  if (result.value !== drawn.current) {
    drawn.current = result.value;
    keep();
  }
  useEffect(() => {
    let away: ReturnType<typeof setTimeout> | undefined;
    const onVisibility = () => {
      clearTimeout(away);
      if (document.visibilityState === 'visible') keep();
      else
        away = setTimeout(() => {
          kept.current = undefined;
          setEpoch((n) => n + 1);
        }, KEEP_ORDER_AWAY_MS);
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearTimeout(away);
      document.removeEventListener('visibilitychange', onVisibility);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keep reads refs only
  }, []);
  return result;
}
