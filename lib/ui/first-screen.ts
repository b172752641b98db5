import type { UnreadCounts } from '../db/feed';
import type { StoredPaper } from '../db/schema';
import type { SyncState } from '../sync/state';
import type { Subscription } from '../subscription';
import type { KeyResult } from '../text/key-result';

/**
 * What a page showed last time, kept in localStorage so the next one paints its first cards
 * in the first frame, before IndexedDB has opened; the live data replaces it a moment later.
 */
export interface FirstScreen {
  version: 1;
  /** The subscription filter it was taken with; null for All. */
  filter: string | null;
  subscriptions: Subscription[];
  counts: UnreadCounts;
  sync: SyncState;
  papers: StoredPaper[];
  saved: string[];
  more: boolean;
  /** In the For-you order: the order it was taken in, and why each paper is there. */
  ranked?: { why: Record<string, string>; freshness: Record<string, number> };
  /** Each paper's key result (`keyResults[i]` for `papers[i]`), as its card found it: the first frame scans no abstract. */
  keyResults?: (KeyResult | null)[];
}

/** Enough cards to fill a tall screen; the rest load right after the first paint. */
export const FIRST_SCREEN_CARDS = 8;

function isFirstScreen(value: unknown): value is FirstScreen {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<FirstScreen>;
  return (
    v.version === 1 &&
    Array.isArray(v.subscriptions) &&
    Array.isArray(v.papers) &&
    Array.isArray(v.saved) &&
    typeof v.counts === 'object' &&
    v.counts !== null &&
    typeof v.sync === 'object' &&
    v.sync !== null
  );
}

const isKeyResult = (value: unknown): value is KeyResult | null =>
  value === null || (typeof value === 'object' && typeof (value as KeyResult).claim === 'string' && typeof (value as KeyResult).sentence === 'string');

export function readFirstScreen(storage: Pick<Storage, 'getItem'>, key: string): FirstScreen | null {
  try {
    const text = storage.getItem(key);
    if (!text) return null;
    const value: unknown = JSON.parse(text);
    if (!isFirstScreen(value)) return null;
    const { keyResults, ...screen } = value;
    // Key results that do not fit the papers are found again, as the cards are drawn.
    const fit = Array.isArray(keyResults) && keyResults.length === screen.papers.length && keyResults.every(isKeyResult);
    return fit ? value : screen;
  } catch {
    return null; // unreadable or unavailable: the page waits for IndexedDB instead
  }
}

/**
 * Stores the screen, unless the same one is stored: most pages find what the page before kept,
 * and writing it again cost 12–30 ms in one task. Returns false when storage refused it (full,
 * disabled).
 */
export function writeFirstScreen(storage: Pick<Storage, 'getItem' | 'setItem'>, key: string, screen: FirstScreen): boolean {
  try {
    const text = JSON.stringify(screen);
    if (storage.getItem(key) !== text) storage.setItem(key, text);
    return true;
  } catch {
    return false;
  }
}
