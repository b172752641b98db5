import { ArxivClient } from '../../../lib/arxiv/client';
import { SavedPaperCheck } from '../../../lib/background/saved-check';
import type { ArxivEntry } from '../../../lib/arxiv/entry';
import { atomically } from '../../../lib/db/atomically';
import { savePaper } from '../../../lib/db/library';
import type { SavedChange } from '../../../lib/db/saved-check';
import { entryId, feedXml } from '../../helpers/fake-arxiv-feed';
import { memorySpacingStore, scriptedFetch, type Behaviour } from '../../helpers/fake-fetch';
import { VirtualClock } from '../../helpers/virtual-clock';

/** Monday 2026-11-23, 21:00 in New York: Monday's announcement is out and served. */
export const MONDAY_EVENING = Date.UTC(2026, 10, 24, 2);
export const DAY = 86_400_000;
/** A check of two URLs' worth of saved papers takes about a second in fake-indexeddb; on two busy cores, several. */
export const HUNDREDS_OF_PAPERS_MS = 30_000;

/** Saves papers with their metadata, as a card's Save button does, in one transaction (hundreds are set up faster so). */
export function saveAll(papers: readonly ArxivEntry[], at: number): Promise<void> {
  return atomically(async () => {
    for (const paper of papers) await savePaper(paper.id, at, paper);
  });
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
