import { arrivedAfter } from '../db/feed';
import { getPapers } from '../db/papers';
import { getRanking, getRankingHead } from '../db/ranking';
import { shortTitle } from '../notify/summary';

const DAY = 86_400_000;

/**
 * Titles of the best-ranked papers that arrived in the last day (none without a ranking): today's
 * news before older papers a new subscription brought, as the order has them (lib/rank/order.ts).
 */
export async function bestNewTitles(now: number, count = 2): Promise<string[]> {
  const [head, arrived] = await Promise.all([getRankingHead(), arrivedAfter(now - DAY)]);
  if (!head) return [];
  const recent = new Set(arrived);
  const best = (ids: string[]) => ids.filter((id) => recent.has(id)).slice(0, count);
  // Older papers a new subscription brought rank after the week's news, maybe past the head.
  let ids = best(head.ids);
  if (ids.length < Math.min(count, recent.size) && head.ids.length < head.total) ids = best((await getRanking())?.ids ?? head.ids);
  return (await getPapers(ids)).flatMap((p) => (p ? [shortTitle(p.title)] : []));
}
