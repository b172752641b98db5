import type { ArxivEntry } from '../arxiv/entry';

/** A paper as stored: arXiv's metadata plus where it came from and what the user did with it. */
export interface StoredPaper extends ArxivEntry {
  /** Ids of the subscriptions that matched it; empty for a paper only in the library. */
  subs: string[];
  /** `subs` while the paper is unread and not hidden, else empty: what the unread counts count. */
  unreadIn: string[];
  /** 1 while unread and in the feed; absent otherwise. */
  unread?: 1;
  /** When Paper Radar first stored it (epoch ms). */
  addedAt: number;
  readAt?: number;
  hiddenAt?: number;
}

/** A saved paper. Its metadata is stored with the other papers; until arXiv has been asked, `pending` is set. */
export interface LibraryItem {
  id: string;
  savedAt: number;
  tags: string[];
  note: string;
  /** Saved from a page before its metadata was fetched; 1 until the fetch succeeds. */
  pending?: 1;
  /** Why the last lookup of a pending save brought no metadata, in plain words, when, and how many lookups in a row did not. */
  lookup?: { at: number; problem: string; attempts: number };
}

export interface SyncStatusRow {
  subscriptionId: string;
  lastAttemptAt?: number;
  lastSuccessAt?: number;
  /** Papers added by the last successful sync. */
  lastAdded?: number;
  totalResults?: number;
  /** The last failure in plain words; cleared by a success. */
  lastError?: string;
  nextRetryAt?: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** What the cards learn about a paper after it is stored (figure, machine summaries). */
export interface PaperExtras {
  id: string;
  figureUrl?: string | null;
  headline?: string;
  tldr?: string;
  checkedAt?: number;
}

/**
 * Up to SHELF_SIZE papers stored as one record, in the order they arrived (in id order when
 * moved from schema 1). IndexedDB's cost is
 * per record, not per byte, so papers are written a shelf at a time; the other fields are
 * derived from `papers` on every write, for the indexes.
 */
export interface Shelf {
  key: number;
  papers: StoredPaper[];
  /** Every paper's id: finds the shelf of a paper. */
  ids: string[];
  /** The latest `addedAt` of its papers: finds recent arrivals. */
  addedAt: number;
  /** The subscriptions any of its papers is in. */
  subs: string[];
  /** The subscriptions any of its papers is unread in. */
  unreadIn: string[];
  /** 1 when any of its papers is unread. */
  unread?: 1;
}

/** Where a paper stands in date order: `[published, id, shelf key]`. */
export type CatalogEntry = [published: string, id: string, shelf: number];

/** The papers published in one month (`YYYY-MM`), newest first: the feed's order. */
export interface CatalogMonth {
  month: string;
  entries: CatalogEntry[];
}

/** Counts kept up to date by every write of papers, so that no count reads the papers. */
export interface PaperCounts {
  papers: number;
  /** Unread papers in the feed (not hidden), and per subscription. */
  unread: number;
  unreadBy: Record<string, number>;
  /** Papers per subscription, read or not. */
  bySub: Record<string, number>;
}
