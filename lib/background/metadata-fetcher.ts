import type { ArxivClient } from '../arxiv/client';
import { buildIdListUrl } from '../arxiv/query';
import { completePendingSaves, notePendingLookup, pendingSaves } from '../db/library';

/** Ids saved in quick succession are asked for in one request. */
export const BATCH_DELAY_MS = 1_500;
const MAX_IDS_PER_REQUEST = 100;
const HOUR = 3_600_000;

/**
 * How long a save waits after `attempts` lookups in a row brought nothing: the first failure is
 * retried at the next wake (arXiv's hiccups pass); then 1 h, doubling, at most a day, so an id
 * arXiv keeps refusing is not asked for at every wake.
 */
export function lookupRetryDelay(attempts: number): number {
  return attempts <= 1 ? 0 : Math.min(24 * HOUR, HOUR * 2 ** (attempts - 2));
}

/** Ids asked for one by one, per flush, after arXiv rejected their batch (each request waits 3 s). */
const MAX_SINGLE_LOOKUPS = 10;
/** When arXiv refuses without saying until when. */
const UNAVAILABLE_RETRY_MS = 15 * 60_000;

export interface FetcherOptions {
  client: ArxivClient;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Called with the ids whose metadata arrived. */
  onCompleted: (ids: string[]) => Promise<void>;
  /** Called when arXiv could not be reached; the saves stay pending until `retryAt`. */
  onUnavailable: (retryAt: number) => Promise<void>;
}

/**
 * Completes papers saved from arXiv pages (or links) before their metadata was known, by
 * asking arXiv's API with `id_list`. Pending saves live in the database, so nothing is lost
 * when arXiv can't be reached or the worker stops.
 */
export class MetadataFetcher {
  private scheduled: Promise<void> | null = null;
  /** The flush running, if any: flushes run one after another, never asking twice at once. */
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly options: FetcherOptions) {}

  /** Fetches everything pending after a short delay that lets a burst of saves gather. */
  request(): Promise<void> {
    this.scheduled ??= this.options
      .sleep(BATCH_DELAY_MS)
      .then(() => {
        this.scheduled = null;
        return this.flush();
      });
    return this.scheduled;
  }

  flush(): Promise<void> {
    const next = this.flushing.then(() => this.flushOnce());
    this.flushing = next.catch(() => undefined);
    return next;
  }

  private async flushOnce(): Promise<void> {
    const ids = await pendingSaves(this.options.now(), lookupRetryDelay);
    const singles = { left: MAX_SINGLE_LOOKUPS };
    for (let i = 0; i < ids.length; i += MAX_IDS_PER_REQUEST) {
      if (!(await this.lookUp(ids.slice(i, i + MAX_IDS_PER_REQUEST), singles))) return;
    }
  }

  /**
   * Asks arXiv for one batch; false when arXiv can't be reached (the rest waits for the retry).
   * When arXiv rejects the batch, its ids are asked alone (up to `singles.left` per flush), so
   * one id it refuses holds back no other save. Saves an answer leaves pending are told why and
   * asked again later (see lookupRetryDelay).
   */
  private async lookUp(batch: string[], singles: { left: number }): Promise<boolean> {
    const result = await this.options.client.fetchFeed(buildIdListUrl(batch));
    if (result.kind === 'unavailable') {
      const now = this.options.now();
      await this.options.onUnavailable(result.retryAt > now ? result.retryAt : now + UNAVAILABLE_RETRY_MS);
      return false;
    }
    if (result.kind === 'arxiv-error') {
      if (batch.length === 1) {
        await notePendingLookup(batch, result.message, this.options.now());
        return true;
      }
      const alone = batch.slice(0, singles.left);
      singles.left -= alone.length;
      // The rest wait for a later flush (when arXiv rejects every id, its error is about none of them).
      await notePendingLookup(batch.slice(alone.length), result.message, this.options.now());
      for (const id of alone) if (!(await this.lookUp([id], singles))) return false;
      return true;
    }
    const completed = await completePendingSaves(result.feed.entries, this.options.now());
    if (completed.length > 0) await this.options.onCompleted(completed);
    const missing = batch.filter((id) => !completed.includes(id));
    if (missing.length > 0) await notePendingLookup(missing, 'arXiv’s answer did not include this paper.', this.options.now());
    return true;
  }
}
