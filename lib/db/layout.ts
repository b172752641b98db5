import type { PaperRow, StoredPaper } from './schema';

/**
 * How papers are laid out in IndexedDB, without Dexie: the database module and the first-paint
 * reader (which runs before Dexie has loaded) both read papers through these names and rules.
 */
export const DATABASE_NAME = 'paper-radar';

/** The lists a paper is shown in, newest first (see `listKeys`). */
export type PaperList = 'feed' | 'unread' | `sub:${string}`;

/** The feed of one subscription. */
export const subscriptionList = (subscriptionId: string): PaperList => `sub:${subscriptionId}`;

/** In the feed: matched by a subscription and not hidden. */
export const inFeed = (p: StoredPaper): boolean => p.subs.length > 0 && p.hiddenAt === undefined;

/** Unread: in the feed, and neither read nor hidden. */
const isUnread = (p: StoredPaper): boolean => inFeed(p) && p.readAt === undefined;

/**
 * One index, `lists`, answers every "newest first" question of the pages: each paper has a key
 * `[list, published]` for each list it is in, and IndexedDB orders equal keys by the paper's id.
 * A hidden paper is in no list, so no page reads it only to skip it.
 */
export function listKeys(p: StoredPaper): [PaperList, string][] {
  if (!inFeed(p)) return [];
  const keys: [PaperList, string][] = [['feed', p.published]];
  if (isUnread(p)) keys.push(['unread', p.published]);
  for (const s of p.subs) keys.push([subscriptionList(s), p.published]);
  return keys;
}

/** The key range of one list in the `lists` index: every `[list, published]`. */
export const listRange = (list: PaperList): [lower: [string], upper: [string, never[]]] => [[list], [list, []]];

/**
 * The row stored for a paper: the fields the indexes read are derived here, from what the user
 * and the sync decided (`subs`, `readAt`, `hiddenAt`), so no write can leave them disagreeing.
 */
export function toRow(paper: StoredPaper): PaperRow {
  const row: PaperRow = { ...paper, unreadIn: isUnread(paper) ? [...paper.subs] : [], lists: listKeys(paper) };
  if (isUnread(paper)) row.unread = 1;
  else delete row.unread;
  return row;
}

/** Object store and index names, as the first-paint reader opens them. */
export const STORE = { papers: 'papers', library: 'library', subscriptions: 'subscriptions', meta: 'meta' } as const;
export const LISTS_INDEX = 'lists';

/** Where the For-you order is kept in `meta` (lib/db/ranking.ts); the first-paint reader reads it too. */
export const RANKING_KEY = 'ranking';
/**
 * Its first RANKING_HEAD papers, kept apart: a page's first cards come from a few hundred ids,
 * not from all 50,000 (and their freshness) read whole on the page's thread.
 */
export const RANKING_HEAD_KEY = 'rankingHead';
export const RANKING_HEAD = 300;
