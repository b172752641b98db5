import { getPapers } from '../db/papers';
import { getRankingHead } from '../db/ranking';
import { shortTitle } from '../notify/summary';

/** Titles of the best-ranked papers that arrived in the last day (none without a ranking). */
export async function bestNewTitles(now: number, count = 2): Promise<string[]> {
  // The order puts what arrived within a day first (lib/rank/order.ts), best first: its head holds them.
  const ranking = await getRankingHead();
  if (!ranking) return [];
  const fresh = ranking.ids.filter((_, i) => ranking.freshness[i] === 0).slice(0, count);
  const papers = await getPapers(fresh);
  return papers.flatMap((p) => (p && now - p.addedAt < 86_400_000 ? [shortTitle(p.title)] : []));
}
