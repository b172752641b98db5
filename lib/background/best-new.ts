import { getPapers } from '../db/papers';
import { getRanking } from '../db/ranking';
import { shortTitle } from '../notify/summary';

/** Titles of the best-ranked papers that arrived in the last day (none without a ranking). */
export async function bestNewTitles(now: number, count = 2): Promise<string[]> {
  const ranking = await getRanking();
  if (!ranking) return [];
  // The order puts what arrived within a day first (lib/rank/order.ts), best first.
  const fresh = ranking.ids.filter((_, i) => ranking.freshness[i] === 0).slice(0, count);
  const papers = await getPapers(fresh);
  return papers.flatMap((p) => (p && now - p.addedAt < 86_400_000 ? [shortTitle(p.title)] : []));
}
