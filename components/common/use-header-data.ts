import type { Subscription } from '../../lib/subscription';
import type { InitialScreen } from './initial-screen';
import type { HeaderData } from './page-data';
import { useLiveQuery } from './use-live-query';

/** The subscriptions, kept current (undefined until read). */
export function useSubscriptions(initial: InitialScreen | null): Subscription[] | undefined {
  return useLiveQuery((data) => data.listSubscriptions(), [], initial?.subscriptions).value;
}

/**
 * The subscriptions with their unread counts, once read. The cards need only the
 * subscriptions and are drawn without waiting for the counts; they are read when `countNow`
 * says the cards have been: nothing, however small, goes ahead of the cards.
 */
export function useHeaderData(
  subscriptions: Subscription[] | undefined,
  initial: InitialScreen | null,
  countNow: boolean,
): HeaderData | undefined {
  const ids = countNow ? subscriptions?.map((s) => s.id) : undefined;
  const counts = useLiveQuery(
    (data) => (ids ? data.unreadCounts(ids) : Promise.resolve(initial?.counts)),
    [ids?.join('\n')],
    initial?.counts,
  ).value;
  return subscriptions && { subscriptions, counts };
}
