import { arrivedAfter } from '../db/feed';
import { getPapers } from '../db/papers';
import { getRankingHead } from '../db/ranking';
import { shortTitle } from '../notify/summary';

const DAY = 86_400_000;

/**
 * Titles of the best-ranked papers that arrived in the last day (none without a ranking): today's
 * news before older papers a new subscription brought, as the order has them (lib/rank/order.ts).
 */
export async function bestNewTitles(now: number, count = 2): Promise<string[]> {
  const [ranking, arrived] = await Promise.all([getRankingHead(), arrivedAfter(now - DAY)]);
  if (!ranking) return [];
  const recent = new Set(arrived);
  const papers = await getPapers(ranking.ids.filter((id) => recent.has(id)).slice(0, count));
  return papers.flatMap((p) => (p ? [shortTitle(p.title)] : []));
}
