import type { ArxivClient } from '../arxiv/client';
import { atomically } from '../db/atomically';
import { isQuotaError } from '../db/storage-errors';
import { enabledSubscriptions, listSubscriptions } from '../db/subscriptions';
import type { Subscription } from '../subscription';
import { keptFewerMessage, makeRoom, STORAGE_FULL_RETRY_MS, storageFullMessage } from './make-room';
import { clearRun, loadRun, saveRun, type SyncRun, type SyncTrigger } from './run';
import { updateSyncState, type SyncState } from './state';
import { syncSubscription } from './subscription-sync';

export interface SyncReport {
  state: 'ok' | 'error' | 'offline';
  /** New papers per subscription (only those with some). */
  added: { subscription: Subscription; count: number }[];
  totalAdded: number;
  message?: string;
  /** Set when the run stopped early and should resume at this time. */
  retryAt?: number;
  resumed: boolean;
}

export interface EngineOptions {
  client: ArxivClient;
  now: () => number;
  /** Papers kept per subscription (read at the start of every run). */
  papersPerSubscription: () => Promise<number>;
}

function describeFailures(run: SyncRun, subscriptions: Map<string, Subscription>): string | undefined {
  const entries = Object.entries(run.failures);
  if (entries.length === 0) return undefined;
  return entries.map(([id, message]) => `“${subscriptions.get(id)?.label ?? 'A subscription'}”: ${message}`).join(' ');
}

/**
 * Runs syncs one at a time. Progress lives in the database, so a run interrupted by the
 * worker being killed is picked up by the next call, whatever triggered it.
 */
export class SyncEngine {
  private running: Promise<SyncReport> | null = null;

  constructor(private readonly options: EngineOptions) {}

  get busy(): boolean {
    return this.running !== null;
  }

  /** Resolves when no sync is running (at once when none is). */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  /** Starts a sync, or joins the one in progress. */
  sync(trigger: SyncTrigger, only?: string[]): Promise<SyncReport> {
    if (this.running) {
      if (!only) return this.running;
      // A subscription added during a sync gets its own run right after.
      return this.running.then(() => this.sync(trigger, only));
    }
    this.running = this.run(trigger, only).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async startRun(trigger: SyncTrigger, only?: string[], roomMade?: SyncRun['storageFull']): Promise<{ run: SyncRun; resumed: boolean }> {
    const existing = await loadRun();
    if (existing) {
      if (roomMade && !existing.storageFull) existing.storageFull = roomMade;
      return { run: existing, resumed: true };
    }
    const subscriptions = (await enabledSubscriptions()).filter((s) => !only || only.includes(s.id));
    const run: SyncRun = {
      startedAt: this.options.now(),
      trigger,
      pending: subscriptions.map((s) => s.id),
      total: subscriptions.length,
      added: {},
      failures: {},
      ...(roomMade ? { storageFull: roomMade } : {}),
    };
    await saveRun(run);
    return { run, resumed: false };
  }

  /**
   * A sync writes at every step (its progress, each subscription's status, the papers), and a
   * full disk can refuse any of them, the first small one included: whichever it is, room is
   * made once (fewer papers kept per subscription, saved ones untouched) and the sync goes on
   * where it stopped; when there is still no room it ends with a status that says so.
   */
  private async run(trigger: SyncTrigger, only?: string[]): Promise<SyncReport> {
    const keep = await this.options.papersPerSubscription();
    try {
      return await this.attempt(trigger, keep, only);
    } catch (error) {
      if (!isQuotaError(error)) throw error;
    }
    const kept = await makeRoom(keep);
    if (kept !== null) {
      try {
        return await this.attempt(trigger, kept, only, { kept, wanted: keep });
      } catch (error) {
        if (!isQuotaError(error)) throw error;
      }
    }
    return this.storageFull();
  }

  /** No room even after making some: said in the status when that can still be written, and in the report. */
  private async storageFull(): Promise<SyncReport> {
    const retryAt = this.options.now() + STORAGE_FULL_RETRY_MS;
    const message = storageFullMessage;
    await updateSyncState({ state: 'error', message, retryAt, progress: undefined }).catch((error: unknown) => {
      if (!isQuotaError(error)) throw error;
    });
    return { state: 'error', added: [], totalAdded: 0, message, retryAt, resumed: false };
  }

  private async attempt(trigger: SyncTrigger, keep: number, only?: string[], roomMade?: SyncRun['storageFull']): Promise<SyncReport> {
    const { now, client } = this.options;
    const { run, resumed } = await this.startRun(trigger, only, roomMade);
    const all = new Map((await listSubscriptions()).map((s) => [s.id, s]));
    await updateSyncState({ state: 'syncing', lastAttemptAt: now(), progress: { done: run.total - run.pending.length, total: run.total } });
    while (run.pending.length > 0) {
      const subscription = all.get(run.pending[0]!);
      if (subscription?.enabled) {
        // After storage ran full, the rest of the run keeps fewer papers (see makeRoom).
        const outcome = await syncSubscription(subscription, run, client, run.storageFull?.kept ?? keep, now);
        if (outcome.kind === 'unavailable' || outcome.kind === 'storage-full') {
          const state = outcome.kind === 'unavailable' && outcome.reason === 'offline' ? 'offline' : 'error';
          await updateSyncState({ state, message: outcome.message, retryAt: outcome.retryAt, progress: undefined });
          return { state, added: [], totalAdded: 0, message: outcome.message, retryAt: outcome.retryAt, resumed };
        }
        if (outcome.kind === 'query-error') run.failures[subscription.id] = outcome.message;
      }
      run.pending.shift();
      run.current = undefined;
      await saveRun(run);
      await updateSyncState({ progress: { done: run.total - run.pending.length, total: run.total } });
    }
    return this.finish(run, all, resumed);
  }

  private async finish(run: SyncRun, subscriptions: Map<string, Subscription>, resumed: boolean): Promise<SyncReport> {
    const added = Object.entries(run.added)
      .filter(([, count]) => count > 0)
      .flatMap(([id, count]) => {
        const subscription = subscriptions.get(id);
        return subscription ? [{ subscription, count }] : [];
      });
    const totalAdded = added.reduce((sum, a) => sum + a.count, 0);
    const failures = describeFailures(run, subscriptions);
    const state: SyncState['state'] = failures ? 'error' : 'ok';
    const notice = run.storageFull && keptFewerMessage(run.storageFull.kept, run.storageFull.wanted);
    const message = [failures, notice].filter(Boolean).join(' ') || undefined;
    await atomically(async () => {
      await clearRun();
      await updateSyncState({
        state,
        message,
        lastSuccessAt: this.options.now(),
        lastAdded: totalAdded,
        retryAt: undefined,
        progress: undefined,
      });
    });
    return { state, added, totalAdded, message, resumed };
  }
}
