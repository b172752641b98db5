import { getMeta, updateMeta } from '../db/meta';

export type SyncStateName = 'idle' | 'syncing' | 'ok' | 'error' | 'offline';

/** What the pages show about syncing (`sync-status`). */
export interface SyncState {
  state: SyncStateName;
  /** When a whole sync last finished without failing (epoch ms). */
  lastSuccessAt?: number;
  lastAttemptAt?: number;
  /** Papers the last successful sync added. */
  lastAdded?: number;
  /** What went wrong, in plain words. */
  message?: string;
  /** When Paper Radar will try again after a failure. */
  retryAt?: number;
  /** When the next scheduled check is. */
  nextCheckAt?: number;
  progress?: { done: number; total: number };
  /** While syncing: why arXiv is being asked again (the last attempt's failure). */
  retrying?: string;
}

export const SYNC_STATE_KEY = 'syncState';

export async function getSyncState(): Promise<SyncState> {
  return (await getMeta<SyncState>(SYNC_STATE_KEY)) ?? { state: 'idle' };
}

/** Merges `changes` into the stored state; `undefined` values clear fields. */
export async function updateSyncState(changes: Partial<SyncState>): Promise<SyncState> {
  return updateMeta<SyncState>(SYNC_STATE_KEY, (stored) => {
    const next: SyncState = { ...(stored ?? { state: 'idle' }), ...changes };
    for (const key of Object.keys(next) as (keyof SyncState)[]) if (next[key] === undefined) delete next[key];
    return next;
  });
}
