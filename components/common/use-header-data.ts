import type { FirstScreen } from '../../lib/ui/first-screen';
import type { HeaderData } from './page-data';
import { useLiveQuery } from './use-live-query';

/**
 * The subscriptions, and their unread counts when counted. Two queries, so that the cards,
 * which need only the subscriptions, are drawn without waiting for the slower counts; and
 * counting starts only once `countNow` says the cards have been read: IndexedDB serves one
 * request at a time, and a count of 50,000 papers ahead of the cards would hold them back.
 */
export function useHeaderData(initial: FirstScreen | null, countNow: boolean): HeaderData | undefined {
  const subscriptions = useLiveQuery((data) => data.listSubscriptions(), [], initial?.subscriptions).value;
  const ids = countNow ? subscriptions?.map((s) => s.id) : undefined;
  const counts = useLiveQuery(
    (data) => (ids ? data.unreadCounts(ids) : Promise.resolve(initial?.counts)),
    [ids?.join('\n')],
    initial?.counts,
  ).value;
  return subscriptions && { subscriptions, counts };
}
