/**
 * Builds arXiv API responses from the real fixtures' `<entry>` elements, so a fake arXiv can
 * answer any `start`/`max_results` with real entries. The entries are copied verbatim; only the
 * feed around them (totals, offsets) is written here.
 */
export function entryBlocks(xml: string): string[] {
  return xml.match(/<entry>[\s\S]*?<\/entry>/g) ?? [];
}

export function entryId(block: string): string {
  const match = /<id>https?:\/\/arxiv\.org\/abs\/(.+?)(?:v\d+)?<\/id>/.exec(block);
  if (!match) throw new Error('entry without an id');
  return match[1]!;
}

export function feedXml(entries: string[], totalResults: number, start: number, perPage: number): string {
  return `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/api/fake</id>
  <title>arXiv Query</title>
  <updated>2026-11-23T01:00:00Z</updated>
  <opensearch:itemsPerPage>${perPage}</opensearch:itemsPerPage>
  <opensearch:totalResults>${totalResults}</opensearch:totalResults>
  <opensearch:startIndex>${start}</opensearch:startIndex>
  ${entries.join('\n  ')}
</feed>
`;
}

/** One page of `world` (newest first) for an API request URL. */
export function pageFor(url: string, world: string[]): string {
  const params = new URL(url).searchParams;
  const start = Number(params.get('start') ?? 0);
  const max = Number(params.get('max_results') ?? 10);
  return feedXml(world.slice(start, start + max), world.length, start, max);
}
