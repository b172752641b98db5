import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entryBlocks, entryId, feedXml } from '../helpers/fake-arxiv-feed';

const API_FIXTURES = join(import.meta.dirname, '../fixtures/arxiv/api');

/** Every real paper entry in the API fixtures (error entries and empty id_list stubs left out). */
export function realEntries(): string[] {
  return readdirSync(API_FIXTURES)
    .sort()
    .flatMap((file) => entryBlocks(readFileSync(join(API_FIXTURES, file), 'utf8')))
    .filter((block) => !/api\/errors/.test(block) && /<id>[^<]*\/abs\//.test(block) && /<title>/.test(block));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An API page of `count` entries made of the real fixtures' entries, repeated in turn, each
 * under its own new-scheme id (`2605.00000`, ...) so no two entries are the same paper.
 * Only the id is rewritten (in `<id>` and the links); everything else is as arXiv sent it.
 */
export function apiPage(count: number): string {
  const real = realEntries();
  const entries = Array.from({ length: count }, (_, i) => {
    const block = real[i % real.length]!;
    const id = `2605.${String(i).padStart(5, '0')}`;
    return block.replace(new RegExp(`(arxiv\\.org/(?:abs|pdf)/)${escape(entryId(block))}`, 'g'), `$1${id}`);
  });
  return feedXml(entries, 100_000, 0, count);
}
