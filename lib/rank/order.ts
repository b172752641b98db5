/**
 * The For-you order: today's news first, then the week's, then older papers, each by how well it
 * matches the reader. A paper that matched well a month ago should not push today's papers off
 * the first screen.
 */
export const FRESHNESS = ['Arrived today', 'This week', 'Earlier'] as const;

const DAY = 86_400_000;

/**
 * How long after its date (its first version's) a paper is still news: arXiv announces a paper
 * three days and more after it was submitted over a weekend (Friday to Sunday night), over four
 * when a holiday skips a mailing, and a sync may come later than the announcement. A paper that
 * is not news is weeks or years old: a generous lag costs nothing.
 */
export const NEWS_LAG = 6 * DAY;

/**
 * 0: arrived within a day of `now` (the last announcement), 1: within a week, 2: before. A paper
 * older than its arrival (a new subscription brings an author's papers of 2019) counts from its
 * date, NEWS_LAG on: it arrived today, but it is not today's news.
 */
export function freshnessOf(addedAt: number, now: number, published = addedAt): number {
  const age = now - Math.min(addedAt, published + NEWS_LAG);
  return age < DAY ? 0 : age < 7 * DAY ? 1 : 2;
}

export interface Scored {
  id: string;
  score: number;
  addedAt: number;
  /** Epoch ms of the paper's date; absent when it is older than a week and NEWS_LAG. */
  published?: number;
}

/**
 * Ids best first within each freshness, and each one's freshness. `papers` come newest first;
 * ties keep that order (the sort is stable): the newer paper first.
 */
export function forYouOrder(papers: readonly Scored[], now: number): { ids: string[]; freshness: number[] } {
  const ranked = papers
    .map((p) => ({ ...p, fresh: freshnessOf(p.addedAt, now, p.published ?? -Infinity) }))
    .sort((a, b) => a.fresh - b.fresh || b.score - a.score);
  return { ids: ranked.map((p) => p.id), freshness: ranked.map((p) => p.fresh) };
}
