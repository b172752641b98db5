import { deleteMeta, getMeta, setMeta } from '../db/meta';

export type SyncTrigger = 'schedule' | 'manual' | 'startup' | 'subscription-added' | 'retry' | 'online' | 'resume';

/**
 * A sync in progress, persisted after every page so a worker killed mid-sync resumes where it
 * stopped: finished subscriptions are not repeated, and a half-filled one continues at its offset.
 */
export interface SyncRun {
  startedAt: number;
  trigger: SyncTrigger;
  /** Subscriptions still to do, in order; the first is the one in progress. */
  pending: string[];
  total: number;
  /** Offset and count of the subscription in progress. */
  current?: { subscriptionId: string; nextStart: number; collected: number; paged?: boolean };
  /** New papers per subscription in this run. */
  added: Record<string, number>;
  /** Subscriptions whose query arXiv rejected, with the reason. */
  failures: Record<string, string>;
  /**
   * Asked for some subscriptions only (one just added or edited): it says nothing of the others,
   * so it counts neither as a check of the feed nor as the announcement caught.
   */
  partial?: true;
  /** Storage ran full during this run: papers kept per subscription from then on, and before. */
  storageFull?: { kept: number; wanted: number };
}

export const SYNC_RUN_KEY = 'syncRun';

export const loadRun = () => getMeta<SyncRun>(SYNC_RUN_KEY);
export const saveRun = (run: SyncRun) => setMeta(SYNC_RUN_KEY, run);
export const clearRun = () => deleteMeta(SYNC_RUN_KEY);
