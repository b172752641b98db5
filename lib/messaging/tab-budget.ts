/**
 * What arXiv tabs may ask of the background, per tab: a token bucket of work. A message costs
 * one unit and a hundredth of a unit per paper id it carries, so a listing of 2,000 papers
 * (two questions of 1,000 ids) costs 22 of the 60 a tab starts with, and a click costs 1; a page
 * that keeps asking gets 20 units a second, whatever its script does. The extension's own pages
 * are not counted.
 */
export const TAB_BUDGET = { capacity: 60, perSecond: 20 } as const;

/** Tabs remembered at most; the ones idle longest are forgotten first (a full bucket is no news). */
const MAX_TABS = 200;

export const refusal =
  'Paper Radar is not answering this page for a few seconds: it asked too much too quickly. Press the button again in a moment.';

export interface TabBudget {
  /** Takes `cost` from the tab's bucket; false (nothing taken) when there is not that much left. */
  take(tabId: number, cost: number): boolean;
}

export function costOf(data: unknown): number {
  const ids = (data as { ids?: unknown } | null)?.ids;
  return 1 + (Array.isArray(ids) ? ids.length / 100 : 0);
}

export function createTabBudget(now: () => number = Date.now, budget = TAB_BUDGET): TabBudget {
  const buckets = new Map<number, { units: number; at: number }>();
  return {
    take(tabId, cost) {
      const time = now();
      const bucket = buckets.get(tabId) ?? { units: budget.capacity, at: time };
      // A clock set back refills nothing and takes nothing away.
      const elapsed = Math.max(0, time - bucket.at) / 1000;
      const units = Math.min(budget.capacity, bucket.units + elapsed * budget.perSecond);
      buckets.delete(tabId); // re-inserted last: the map keeps the most recently active tabs at its end
      if (units < cost) {
        buckets.set(tabId, { units, at: time });
        return false;
      }
      buckets.set(tabId, { units: units - cost, at: time });
      if (buckets.size > MAX_TABS) buckets.delete(buckets.keys().next().value as number);
      return true;
    },
  };
}
