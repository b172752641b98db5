import type { ArxivClient } from '../arxiv/client';
import { buildIdListUrl } from '../arxiv/query';
import { completePendingSaves, notePendingLookup, pendingSaves } from '../db/library';

/** Ids saved in quick succession are asked for in one request. */
export const BATCH_DELAY_MS = 1_500;
const MAX_IDS_PER_REQUEST = 100;

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

  async flush(): Promise<void> {
    const ids = await pendingSaves();
    for (let i = 0; i < ids.length; i += MAX_IDS_PER_REQUEST) {
      if (!(await this.lookUp(ids.slice(i, i + MAX_IDS_PER_REQUEST)))) return;
    }
  }

  /**
   * Asks arXiv for one batch; false when arXiv can't be reached (the rest waits for the retry).
   * When arXiv rejects the batch, each id is asked alone, so one id it refuses holds back no
   * other save. Saves the answer leaves pending are told why; they are asked again next time.
   */
  private async lookUp(batch: string[]): Promise<boolean> {
    const result = await this.options.client.fetchFeed(buildIdListUrl(batch));
    if (result.kind === 'unavailable') {
      await this.options.onUnavailable(result.retryAt);
      return false;
    }
    if (result.kind === 'arxiv-error') {
      if (batch.length === 1) {
        await notePendingLookup(batch, result.message, this.options.now());
        return true;
      }
      for (const id of batch) if (!(await this.lookUp([id]))) return false;
      return true;
    }
    const completed = await completePendingSaves(result.feed.entries, this.options.now());
    if (completed.length > 0) await this.options.onCompleted(completed);
    const missing = batch.filter((id) => !completed.includes(id));
    if (missing.length > 0) await notePendingLookup(missing, 'arXiv’s answer did not include this paper.', this.options.now());
    return true;
  }
}
