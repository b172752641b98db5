/**
 * The For-you order: what arrived lately first, then by how well it matches the reader. A paper
 * that matched well a month ago should not push today's papers off the first screen.
 */
export const FRESHNESS = ['Arrived today', 'This week', 'Earlier'] as const;

const DAY = 86_400_000;

/** 0: arrived within a day of `now` (the last announcement), 1: within a week, 2: before. */
export function freshnessOf(addedAt: number, now: number): number {
  const age = now - addedAt;
  return age < DAY ? 0 : age < 7 * DAY ? 1 : 2;
}

export interface Scored {
  id: string;
  score: number;
  addedAt: number;
}

/**
 * Ids best first within each freshness, and each one's freshness. `papers` come newest first;
 * ties keep that order (the sort is stable): the newer paper first.
 */
export function forYouOrder(papers: readonly Scored[], now: number): { ids: string[]; freshness: number[] } {
  const ranked = papers
    .map((p) => ({ ...p, fresh: freshnessOf(p.addedAt, now) }))
    .sort((a, b) => a.fresh - b.fresh || b.score - a.score);
  return { ids: ranked.map((p) => p.id), freshness: ranked.map((p) => p.fresh) };
}
