import { ArxivClient } from '../../../lib/arxiv/client';
import { SavedPaperCheck } from '../../../lib/background/saved-check';
import type { SavedChange } from '../../../lib/db/saved-check';
import { entryId, feedXml } from '../../helpers/fake-arxiv-feed';
import { memorySpacingStore, scriptedFetch, type Behaviour } from '../../helpers/fake-fetch';
import { VirtualClock } from '../../helpers/virtual-clock';

/** Monday 2026-11-23, 21:00 in New York: Monday's announcement is out and served. */
export const MONDAY_EVENING = Date.UTC(2026, 10, 24, 2);
export const DAY = 86_400_000;

export interface Revision {
  version: number;
  updated: string;
  title?: string;
  /** A sentence added to the abstract. */
  addToSummary?: string;
  comment?: string;
  journalRef?: string;
  doi?: string;
}

/**
 * Derived in the tests, never a fixture: a real `<entry>` as arXiv would send a later version of
 * it (the id's version, the revision date and the fields given changed; everything else as arXiv
 * sent it).
 */
export function revisedBlock(block: string, r: Revision): string {
  let next = block
    .replace(/(\/(?:abs|pdf)\/[^"<\s]+?)v\d+/g, `$1v${r.version}`)
    .replace(/<updated>[^<]*<\/updated>/, `<updated>${r.updated}</updated>`);
  if (r.title !== undefined) next = next.replace(/<title>[\s\S]*?<\/title>/, `<title>${r.title}</title>`);
  if (r.addToSummary !== undefined) next = next.replace(/\s*<\/summary>/, ` ${r.addToSummary}</summary>`);
  if (r.comment !== undefined) {
    next = /<arxiv:comment[^>]*>/.test(next)
      ? next.replace(/(<arxiv:comment[^>]*>)[\s\S]*?<\/arxiv:comment>/, `$1${r.comment}</arxiv:comment>`)
      : next.replace('</entry>', `<arxiv:comment>${r.comment}</arxiv:comment>\n  </entry>`);
  }
  if (r.journalRef !== undefined) next = next.replace('</entry>', `<arxiv:journal_ref>${r.journalRef}</arxiv:journal_ref>\n  </entry>`);
  if (r.doi !== undefined) next = next.replace('</entry>', `<arxiv:doi>${r.doi}</arxiv:doi>\n  </entry>`);
  return next;
}

/** The ids an `id_list` request asked for. */
export function askedIds(url: string): string[] {
  return new URL(url).searchParams.get('id_list')?.split(',') ?? [];
}

/** Answers `id_list` requests with the asked papers found among `blocks`, as the new API does: an id it does not know is left out. */
export function idListAnswer(blocks: string[]): (url: string) => Behaviour {
  const byId = new Map(blocks.map((block) => [entryId(block), block]));
  return (url) => {
    const found = askedIds(url).flatMap((id) => byId.get(id) ?? []);
    return { body: feedXml(found, found.length, 0, askedIds(url).length) };
  };
}

/**
 * A check as the background builds it, with arXiv answered by `answer`, time virtual, and what
 * it tells the reader and when it asks to be woken recorded. `spacing` outlives a "worker":
 * pass the same one to a second setup to carry on as a restarted worker would.
 */
export function setupCheck(answer: (url: string, call: number) => Behaviour, clock = new VirtualClock(MONDAY_EVENING), spacing = memorySpacingStore()) {
  const { fetch, calls } = scriptedFetch(clock, answer);
  const told: SavedChange[][] = [];
  const retries: number[] = [];
  const client = new ArxivClient({ fetch, now: clock.now, sleep: clock.sleep, spacing });
  const check = new SavedPaperCheck({
    client,
    now: clock.now,
    tell: async (changes) => void told.push(changes),
    onUnavailable: async (retryAt) => void retries.push(retryAt),
  });
  return { clock, calls, told, retries, spacing, run: () => clock.run(check.runIfDue()) };
}
