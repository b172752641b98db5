import type { ArxivEntry } from '../arxiv/entry';
import type { SavedBaseline } from '../watch/baseline';
import type { ShownPaper } from '../messaging/protocol';

/** A paper as stored: arXiv's metadata plus where it came from and what the user did with it. */
export interface StoredPaper extends ArxivEntry {
  /** Ids of the subscriptions that matched it; empty for a paper only in the library. */
  subs: string[];
  /** `subs` while the paper is unread and not hidden, else empty (derived on write: `toRow`). */
  unreadIn: string[];
  /** 1 while unread and in the feed; absent otherwise (derived on write: `toRow`). */
  unread?: 1;
  /** When Paper Radar first stored it (epoch ms). */
  addedAt: number;
  readAt?: number;
  hiddenAt?: number;
  /** When the reader said "Not interested": the paper is hidden, and ranking learns from it. */
  notInterestedAt?: number;
}

/** A saved paper. Its metadata is stored with the other papers; until arXiv has been asked, `pending` is set. */
export interface LibraryItem {
  id: string;
  savedAt: number;
  tags: string[];
  note: string;
  /** Saved from a page before its metadata was fetched; 1 until the fetch succeeds. */
  pending?: 1;
  /** What the arXiv page showed of the paper (title, authors, version), until arXiv's answer replaces it. */
  fromPage?: ShownPaper;
  /** Why the last lookup of a pending save brought no metadata, in plain words, when, and how many lookups in a row did not. */
  lookup?: { at: number; problem: string; attempts: number };
  /** The paper as arXiv described it when saved (or when its changes were last marked seen): see lib/watch. */
  baseline?: SavedBaseline;
  /** The last daily check of this paper against arXiv (lib/background/saved-check.ts). */
  check?: SavedCheckMark;
  /** The change the reader was last told about (`changeKey`), so a check tells each change once. */
  told?: string;
}

export interface SavedCheckMark {
  /** When arXiv was last asked for it. */
  at: number;
  /** arXiv's answers left it out this many checks in a row, the first time `missingSince`. */
  missing?: number;
  missingSince?: number;
  /** arXiv refused the request it was in, in arXiv's words. */
  problem?: string;
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

/** A paper as IndexedDB holds it: with the keys of the lists it is shown in (see layout.ts). */
export interface PaperRow extends StoredPaper {
  lists: [list: string, published: string][];
}

/**
 * Ranking's tf-idf vectors of up to 1,000 papers, as rows of a sparse matrix (CSR): the
 * ranker reads every row at once and never one alone, so rows are stored together. Derived from
 * the papers and rebuilt whenever the vocabulary changes; papers deleted since are skipped.
 */
export interface FeatureChunk {
  key: number;
  /** The vocabulary the columns refer to (RankModel.vocabularyId). */
  vocabularyId: number;
  ids: string[];
  /** Row i's entries are idx/val[rowStart[i] .. rowStart[i + 1]). */
  rowStart: Uint32Array;
  idx: Uint32Array;
  val: Float32Array;
}
