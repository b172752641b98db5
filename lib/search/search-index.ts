import { Segment, SegmentBuilder } from './segment';
import { searchWords } from './words';

export interface SearchResult {
  /** Ids of the first matches, in the order the documents were added. */
  ids: string[];
  /** How many documents match in all. */
  total: number;
}

/** More query words than this would overflow the per-document counters; nobody types that many. */
const MAX_QUERY_WORDS = 255;

/** The distinct words of a query, longest first: a long word matches few documents and ends a miss early. */
export function queryPrefixes(query: string): string[] {
  return [...new Set(searchWords(query))].sort((a, b) => b.length - a.length).slice(0, MAX_QUERY_WORDS);
}

/**
 * Search as you type over segments added in document order: every word of the query must
 * start a word of the document ('atten transf' finds 'Attention … Transformer'). Segments can
 * be searched while later ones are still being built.
 */
export class SearchIndex {
  private readonly segments: Segment[] = [];
  private hits = new Uint8Array(0);

  get size(): number {
    return this.segments.reduce((sum, segment) => sum + segment.ids.length, 0);
  }

  addSegment(segment: Segment): void {
    this.segments.push(segment);
    if (segment.ids.length > this.hits.length) this.hits = new Uint8Array(segment.ids.length);
  }

  search(query: string, limit: number): SearchResult {
    const prefixes = queryPrefixes(query);
    const result: SearchResult = { ids: [], total: 0 };
    if (prefixes.length === 0) return result;
    const hits = this.hits;
    for (const segment of this.segments) {
      if (!segment.match(prefixes, hits)) continue;
      const { ids } = segment;
      for (let doc = 0; doc < ids.length; doc++) {
        if (hits[doc] !== prefixes.length) continue;
        if (result.total < limit) result.ids.push(ids[doc]!);
        result.total++;
      }
    }
    return result;
  }
}

/** An index of a few documents at once, for tests and small lists. */
export function indexOf(documents: Iterable<{ id: string; text: string }>): SearchIndex {
  const builder = new SegmentBuilder();
  for (const { id, text } of documents) builder.add(id, text);
  const index = new SearchIndex();
  index.addSegment(builder.finish());
  return index;
}
