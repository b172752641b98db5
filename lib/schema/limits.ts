/**
 * The one set of limits for everything that crosses a boundary: what a user types, what the
 * pages send the background, backup files, and synced data are all checked against these, so a
 * file the extension exported always imports. No Dexie, no validation library: cheap to import.
 *
 * The bounds on arXiv's metadata are generous (abstracts run to 1,920 characters, titles to a
 * few hundred, the longest author lists to about 3,000 names): they stop hostile input, not
 * real papers.
 */
export const LIMITS = {
  title: 1000,
  summary: 20_000,
  authors: 10_000,
  authorName: 500,
  affiliations: 50,
  affiliation: 1000,
  categories: 50,
  category: 100,
  comment: 5000,
  journalRef: 1000,
  doi: 300,
  url: 300,
  version: 10_000,
  /** Subscriptions a user keeps (and a backup holds). */
  subscriptions: 1000,
  subscriptionId: 100,
  /** A subscription's value: a phrase, a name, a category or an arXiv query. */
  query: 2000,
  /** A subscription's name on chips; defaults to its value. */
  label: 2000,
  /** Categories a subscription is limited to, terms it excludes. */
  terms: 100,
  term: 500,
  library: 200_000,
  tags: 100,
  tag: 100,
  note: 100_000,
  /** Of a note, what travels to the reader's other browsers (the browser's sync holds about 100 KB in all). */
  syncedNote: 500,
  /** Paper ids in one message (the saved marks of a listing page). */
  idsPerMessage: 1000,
} as const;

export const SUBSCRIPTION_KINDS = ['keyword', 'author', 'category', 'raw'] as const;
export type SubscriptionKind = (typeof SUBSCRIPTION_KINDS)[number];

export const THEMES = ['system', 'light', 'dark'] as const;

/** The feed's order: the newest first, or ranked for the reader (lib/rank). */
export const FEED_ORDERS = ['newest', 'forYou'] as const;
export type FeedOrder = (typeof FEED_ORDERS)[number];
export type Theme = (typeof THEMES)[number];

/** arXiv's results change once a day; syncing more often than this only costs arXiv. */
export const MIN_SYNC_INTERVAL_MINUTES = { min: 15, max: 7 * 24 * 60 } as const;
export const PAPERS_PER_SUBSCRIPTION = { min: 10, max: 2000 } as const;
