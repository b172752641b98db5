import { readFirstCards, type FirstCardsQuery } from '../../lib/db/first-cards';
import type { UnreadCounts } from '../../lib/db/feed';
import type { KeyResult } from '../../lib/text/key-result';
import { FIRST_SCREEN_CARDS, readFirstScreen, type FirstScreen } from '../../lib/ui/first-screen';

/**
 * What a page paints its first frame with: its first-screen cache, or else its first cards read
 * straight from IndexedDB (then without counts, which never hold up cards).
 */
export type InitialScreen = Omit<FirstScreen, 'version' | 'counts'> & { counts?: UnreadCounts };

// A database that does not answer in time (another page upgrading it) leaves the page to Dexie.
// Not sooner: on a busy machine the first cards took over 1.5 s to read, and a page drawn
// without them moved everything once they came (a layout shift of 0.29 in a CI run).
const DATABASE_WAIT_MS = 4000;

/**
 * The page's first-screen cache when it has cards (at once), else its first cards from the
 * database; null when neither is there (a first run), and the page reads through Dexie.
 */
export async function initialScreen(storage: Pick<Storage, 'getItem'>, key: string, query: FirstCardsQuery, idb?: IDBFactory): Promise<InitialScreen | null> {
  const cached = readFirstScreen(storage, key);
  // A screen without cards was taken before the papers came (the tab that opened on install,
  // one open while the first sync ran): painted, it would say "nothing yet" and then move
  // everything as the cards arrived. The database says at once whether that still holds.
  if (cached && cached.papers.length > 0) return cached;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), DATABASE_WAIT_MS));
  const cards = await Promise.race([readFirstCards(query, FIRST_SCREEN_CARDS, idb), timeout]);
  if (!cards) return null;
  return { filter: 'feed' in query ? (query.subscriptionId ?? null) : null, ...cards };
}

/**
 * The page's key-result finder, answering the first ask for each card of its first screen with
 * what the screen kept: the first frame scans no abstract (a cold scan of eight took 2–28 ms of
 * the new tab's opening in Chromium profiles). Cards that share an abstract are each answered
 * (the benchmark's store repeats abstracts under other ids: answering only the first had the
 * For-you first frame scan 7 to 15 of them). Every later ask is a scan, so what the page keeps
 * for the next one is found afresh, never a result of older code carried on from page to page.
 */
export function keptKeyResults(find: (abstract: string) => KeyResult | null, initial: InitialScreen | null): (abstract: string) => KeyResult | null {
  const kept = new Map<string, { result: KeyResult | null; asks: number }>();
  initial?.keyResults?.forEach((result, i) => {
    const paper = initial.papers[i];
    if (paper) kept.set(paper.summary, { result, asks: (kept.get(paper.summary)?.asks ?? 0) + 1 });
  });
  return (abstract) => {
    const card = kept.get(abstract);
    if (!card) return find(abstract);
    if (--card.asks === 0) kept.delete(abstract);
    return card.result;
  };
}
