import type { ArxivEntry } from '../../lib/arxiv/entry';
import { entryBlocks } from './fake-arxiv-feed';
import { testingPapers, testingXml } from './fixtures';

const base = [testingXml.page0, testingXml.page10, testingXml.page20, testingXml.page30].flatMap(entryBlocks);

export interface DerivedOptions {
  /** The month part of the ids (YYMM, 1501 or later: five-digit numbers). */
  yymm?: string;
  /** The number of the first (newest) paper. */
  first?: number;
  /** When the newest paper was published; each next one a minute earlier. */
  newestAt?: number;
}

/**
 * `count` distinct papers for a fake arXiv, newest first: the 40 real entries of
 * `search_query=testing` repeated under derived ids (`2605.00000`, ...) with derived
 * publication times, so that arXiv's order and the store's order by date agree.
 */
export function derivedEntries(count: number, { yymm = '2605', first = 0, newestAt = Date.UTC(2026, 4, 31, 12) }: DerivedOptions = {}): string[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `${yymm}.${String(first + i).padStart(5, '0')}`;
    const published = new Date(newestAt - i * 60_000).toISOString().replace('.000Z', 'Z');
    return base[i % base.length]!.replace(/abs\/\d{4}\.\d{4,5}/g, `abs/${id}`).replace(/<published>[^<]+</, `<published>${published}<`);
  });
}

/**
 * The papers `derivedEntries` describes, as `parseAtomFeed` reads them, built without writing
 * and parsing the XML (for stores of 100,000 papers).
 */
export function derivedPapers(count: number, { yymm = '2605', first = 0, newestAt = Date.UTC(2026, 4, 31, 12) }: DerivedOptions = {}): ArxivEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const paper = testingPapers[i % testingPapers.length]!;
    const id = `${yymm}.${String(first + i).padStart(5, '0')}`;
    const published = new Date(newestAt - i * 60_000).toISOString().replace('.000Z', 'Z');
    return { ...paper, id, published, absUrl: `https://arxiv.org/abs/${id}v${paper.version}`, pdfUrl: `https://arxiv.org/pdf/${id}v${paper.version}` };
  });
}
