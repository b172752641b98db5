/**
 * Entry blocks in the order arXiv serves them for `sortBy=submittedDate&sortOrder=descending`,
 * which is what Paper Radar asks for. Several fixtures were fetched sorted by relevance.
 */
export function newestFirst(blocks: string[]): string[] {
  const published = (block: string) => /<published>([^<]+)<\/published>/.exec(block)?.[1] ?? '';
  return [...blocks].sort((a, b) => published(b).localeCompare(published(a)));
}
