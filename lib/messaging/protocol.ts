import type { ArxivEntry } from '../arxiv/entry';
import type { SubscriptionQuery } from '../subscription';

/** What an arXiv page showed of a paper saved from it (lib/content/shown-paper.ts). */
export interface ShownPaper {
  title: string;
  authors: string[];
  /** The version the page shows, when it names one. */
  version?: number;
}

export interface SyncSummary {
  /** Papers stored for the first time by this sync. */
  added: number;
  state: 'ok' | 'error' | 'offline' | 'busy';
  message?: string;
}

export interface PreviewResult {
  totalResults: number;
  papers: Pick<ArxivEntry, 'id' | 'title' | 'published' | 'authors'>[];
  /** The exact request sent to arXiv. */
  url: string;
}

export interface PaperContext {
  saved: boolean;
  pending: boolean;
  /** Labels of the subscriptions that matched the paper. */
  subscriptions: string[];
}

/**
 * Every message between the pages, the content script and the background: one object
 * argument, one typed result. Only the background answers.
 */
export interface Protocol {
  /** Sync now; with ids, only those subscriptions (e.g. one just added). */
  syncNow: { input: { subscriptionIds?: string[] }; output: SyncSummary };
  /**
   * Save a paper; without metadata it is fetched from arXiv in the background. From an arXiv
   * page, `shown` is what the page shows of it (title, authors), kept until arXiv's answer.
   */
  savePaper: { input: { id: string; entry?: ArxivEntry; shown?: ShownPaper }; output: { pending: boolean } };
  unsavePaper: { input: { id: string }; output: { ok: true } };
  /** "Not interested" (or taken back): the papers are hidden from the feed and ranking learns from them. */
  setNotInterested: { input: { ids: string[]; value: boolean }; output: { ok: true } };
  /** Of these ids, the saved ones (for Save buttons on arXiv pages). */
  getSavedIds: { input: { ids: string[] }; output: { saved: string[]; pending: string[] } };
  /** What Paper Radar knows of a paper (for its abstract page). */
  getPaperContext: { input: { id: string }; output: PaperContext };
  /** The reader opened the popup, or looked at a new tab: new papers have been seen (the badge clears). */
  markSeen: { input: Record<string, never>; output: { previousSeenAt: number } };
  /** When the reader last looked (what a new tab marks new papers from before they have looked). */
  lastSeen: { input: Record<string, never>; output: { seenAt: number } };
  /** A page changed what travels to the reader's other browsers (library, subscriptions): sync it soon. */
  userDataChanged: { input: Record<string, never>; output: { ok: true } };
  /** The 5 newest matches of a query being edited, under the shared rate limit. */
  previewQuery: { input: SubscriptionQuery; output: PreviewResult };
  /** The first figure of a paper's HTML version (null when it has none). */
  getFigure: { input: { id: string; version: number }; output: { url: string | null } };
}

export type MessageType = keyof Protocol;
export type Input<K extends MessageType> = Protocol[K]['input'];
export type Output<K extends MessageType> = Protocol[K]['output'];

/** Pushed by the background to arXiv tabs when saved state changes anywhere. */
export interface SavedChangedEvent {
  type: 'paperRadar:savedChanged';
  ids: string[];
}

export type Envelope = { type: MessageType; data: unknown };
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
