import { getPapers } from '../db/papers';
import { getRanking } from '../db/ranking';

/** Titles of the best-ranked papers that arrived in the last day (none without a ranking). */
export async function bestNewTitles(now: number, count = 2): Promise<string[]> {
  const ranking = await getRanking();
  if (!ranking) return [];
  // The order puts what arrived within a day first (lib/rank/order.ts), best first.
  const fresh = ranking.ids.filter((_, i) => ranking.freshness[i] === 0).slice(0, count);
  const papers = await getPapers(fresh);
  return papers.flatMap((p) => (p && now - p.addedAt < 86_400_000 ? [shorten(p.title)] : []));
}

/** A notification shows three lines or so: a long title is cut at a word. */
function shorten(title: string, max = 90): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}
