import type { ArxivClient } from '../arxiv/client';
import { FIRST_CHECK_DELAY_MS, lastAnnouncementAtOrBefore } from '../arxiv/schedule';
import {
  getSavedCheckState,
  markTold,
  recordCheckAnswer,
  recordCheckRefusal,
  savedPapersToCheck,
  setSavedCheckState,
  untoldChanges,
  type SavedChange,
  type SavedCheckState,
} from '../db/saved-check';
import { batchUrl, idListBatches } from '../watch/batches';

/** When arXiv refuses without saying until when (as for pending saves). */
const UNAVAILABLE_RETRY_MS = 15 * 60_000;

export interface SavedCheckOptions {
  client: ArxivClient;
  now: () => number;
  /** Tells the reader of changes not told before; they count as told once this resolves. */
  tell: (changes: SavedChange[]) => Promise<void>;
  /** arXiv could not be reached: the check carries on from where it stopped at `retryAt`. */
  onUnavailable: (retryAt: number) => Promise<void>;
}

export interface SavedCheckReport {
  /** `not-due`: this announcement's check is done, or waits for its retry. */
  state: 'done' | 'stopped' | 'not-due';
  requests: number;
  updated: string[];
  missing: string[];
  /** In a request arXiv refused with an error feed. */
  refused: string[];
}

/** The announcement whose data arXiv's API serves at `now`: the new data comes about half an hour after the announcement. */
export function servedAnnouncement(now: number): number {
  return lastAnnouncementAtOrBefore(new Date(now - FIRST_CHECK_DELAY_MS)).getTime();
}

/**
 * The daily check of saved papers: once per arXiv announcement, after a sync (it wakes nothing
 * itself), it asks arXiv by `id_list` for the current metadata of every saved paper, in as few
 * requests as the URL allows (lib/watch/batches.ts), through the same client and its 3 s
 * spacing. New versions, publications and withdrawals update the paper and keep the reader's
 * state; papers arXiv's answer leaves out are kept and asked again at the next check; a batch
 * arXiv refuses is asked again at the next check, the others go on. When arXiv cannot be
 * reached the check stops and carries on at the retry, from the papers not yet asked: progress
 * is in the database, so a restarted worker carries on too.
 */
export class SavedPaperCheck {
  private running: Promise<SavedCheckReport> | null = null;

  constructor(private readonly options: SavedCheckOptions) {}

  /** Runs the check when the announcement arXiv serves has not been checked, or joins the one running. */
  runIfDue(): Promise<SavedCheckReport> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async start(): Promise<SavedCheckState | null> {
    const now = this.options.now();
    const announcement = servedAnnouncement(now);
    const state = await getSavedCheckState();
    if (state && state.announcement >= announcement) {
      if (state.finishedAt !== undefined || (state.retryAt ?? 0) > now) return null;
      return state;
    }
    const fresh: SavedCheckState = { announcement, startedAt: now, requests: 0 };
    await setSavedCheckState(fresh);
    return fresh;
  }

  private async run(): Promise<SavedCheckReport> {
    const { client, now } = this.options;
    const report: SavedCheckReport = { state: 'done', requests: 0, updated: [], missing: [], refused: [] };
    let state = await this.start();
    if (!state) return { ...report, state: 'not-due' };
    for (const batch of idListBatches(await savedPapersToCheck(state.startedAt))) {
      const result = await client.fetchFeed(batchUrl(batch));
      report.requests += 1;
      state = { ...state, requests: state.requests + 1 };
      if (result.kind === 'unavailable') {
        const retryAt = result.retryAt > now() ? result.retryAt : now() + UNAVAILABLE_RETRY_MS;
        await setSavedCheckState({ ...state, problem: result.message, retryAt });
        await this.options.onUnavailable(retryAt);
        report.state = 'stopped';
        break;
      }
      if (result.kind === 'arxiv-error') {
        await recordCheckRefusal(batch, result.message, now());
        report.refused.push(...batch);
      } else {
        const answer = await recordCheckAnswer(batch, result.feed.entries, now());
        report.updated.push(...answer.updated);
        report.missing.push(...answer.missing);
      }
      await setSavedCheckState(state);
    }
    if (report.state === 'done') {
      const { problem: _problem, retryAt: _retryAt, ...finished } = state;
      await setSavedCheckState({ ...finished, finishedAt: now() });
    }
    await this.tellNews();
    return report;
  }

  /** What changed since the reader saved it and was not told yet: told once, whatever found it (this check or a sync). */
  private async tellNews(): Promise<void> {
    const news = await untoldChanges();
    if (news.length === 0) return;
    await this.options.tell(news);
    await markTold(news);
  }
}
