export interface AddedCount {
  label: string;
  count: number;
}

/**
 * "12 new papers · graph neural networks 7 · compiler 5", after the titles of the best-ranked
 * new papers when the feed is ranked for the reader ("For you: <title>").
 */
export function newPapersMessage(total: number, perSubscription: AddedCount[], bestFirst: string[] = []): string {
  const head = total === 1 ? '1 new paper' : `${total} new papers`;
  const parts = [...perSubscription]
    .filter((a) => a.count > 0)
    .sort((a, b) => b.count - a.count)
    .map((a) => `${a.label} ${a.count}`);
  const counts = [head, ...parts].join(' · ');
  return bestFirst.length === 0 ? counts : `${bestFirst.map((title) => `For you: ${title}`).join('\n')}\n${counts}`;
}

/** The largest count the badge spells out. */
export const BADGE_MAX = 99;

/** Badge text: the count, `99+` above 99, nothing for zero. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > BADGE_MAX ? `${BADGE_MAX}+` : String(count);
}

/** A notification shows three lines or so: a long title is cut at a word. */
export function shortTitle(title: string, max = 90): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}
