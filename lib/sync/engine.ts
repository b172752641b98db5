import type { ArxivClient } from '../arxiv/client';
import { atomically } from '../db/atomically';
import { isQuotaError } from '../db/storage-errors';
import { enabledSubscriptions, listSubscriptions } from '../db/subscriptions';
import { listSyncStatuses } from '../db/sync-status';
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
  /** Subscriptions whose query arXiv rejected, with the reason. */
  failures: { subscription: Subscription; message: string }[];
  /** Set when the run stopped early and should resume at this time. */
  retryAt?: number;
  resumed: boolean;
  /** The run asked for some subscriptions only (see SyncRun.partial). */
  partial: boolean;
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
  return entries.map(([id, message]) => failureText(subscriptions.get(id)?.label ?? 'A subscription', message)).join(' ');
}

/** One rejected query, as the status and the options page say it. */
export const failureText = (label: string, message: string): string => `“${label}”: ${message}`;

/**
 * What the reader or the schedule asks for goes into a run left unfinished (arXiv down, the
 * worker stopped): such a run can be one for a single new subscription, and answering "Sync now"
 * or the next new subscription with it alone would leave them unasked while saying all was done.
 * A retry, a resume or coming back online carries on with the run as it is.
 */
const JOINS_A_RUN: ReadonlySet<SyncTrigger> = new Set(['manual', 'schedule', 'startup', 'subscription-added']);

/**
 * Adds to the end of `run` the subscriptions of `wanted` it has not asked about, and asks again
 * about those of `anew` (added or edited just now: a query changed since the run asked). Once
 * the run covers every enabled subscription it is a check of the feed.
 */
async function join(run: SyncRun, wanted: readonly string[], enabled: readonly string[], anew: readonly string[]): Promise<void> {
  const covered = new Set([...run.pending, ...Object.keys(run.added), ...Object.keys(run.failures)]);
  const again = anew.filter((id) => enabled.includes(id) && covered.has(id));
  for (const id of again) {
    if (run.current?.subscriptionId === id) run.current = undefined;
    if (run.pending.includes(id)) continue;
    delete run.added[id];
    delete run.failures[id];
    run.pending.push(id);
    run.total += 1;
  }
  const joining = wanted.filter((id) => !covered.has(id));
  const whole = run.partial && enabled.every((id) => covered.has(id) || joining.includes(id));
  if (joining.length === 0 && again.length === 0 && !whole) return;
  run.pending.push(...joining);
  run.total += joining.length;
  if (whole) delete run.partial;
  await saveRun(run);
}

/**
 * Whether the run is a check of the feed, which "Updated …" and the schedule count: not one for
 * some subscriptions only, nor one over none (a new profile's first start, before any
 * subscription: it asked arXiv nothing, and "all caught up" would follow from it).
 */
const checksFeed = (run: SyncRun): boolean => !run.partial && run.total > 0;

/** The queries arXiv rejected at their last check, of the enabled subscriptions `run` did not ask about. */
async function othersRejected(run: SyncRun, subscriptions: Map<string, Subscription>): Promise<string | undefined> {
  const asked = new Set([...Object.keys(run.added), ...Object.keys(run.failures)]);
  const rejected = (await listSyncStatuses()).filter(
    // A failure with a time to try again was arXiv unavailable, which a later run would have joined.
    (status) => !asked.has(status.subscriptionId) && status.lastError !== undefined && status.nextRetryAt === undefined && subscriptions.get(status.subscriptionId)?.enabled,
  );
  return rejected.map((status) => failureText(subscriptions.get(status.subscriptionId)!.label, status.lastError!)).join(' ') || undefined;
}

/**
 * Runs syncs one at a time. Progress lives in the database, so a run interrupted by the
 * worker being killed is picked up by the next call, whatever triggered it.
 */
export class SyncEngine {
  private running: Promise<SyncReport> | null = null;
  /** The running run asks about some subscriptions only (until it knows, those it was asked for). */
  private runningPartial = false;

  constructor(private readonly options: EngineOptions) {}

  get busy(): boolean {
    return this.running !== null;
  }

  /** Resolves when no sync is running (at once when none is). */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  /** Whether a sync of every subscription is running (one asked now would only join it). */
  get checkingAll(): boolean {
    return this.running !== null && !this.runningPartial;
  }

  /** Starts a sync, or joins the one in progress. */
  sync(trigger: SyncTrigger, only?: string[]): Promise<SyncReport> {
    if (this.running) {
      if (!only && !this.runningPartial) return this.running;
      // A subscription added during a sync, or the whole feed asked for during a run for some
      // subscriptions only, gets its own run right after.
      return this.running.catch(() => undefined).then(() => this.sync(trigger, only));
    }
    this.runningPartial = only !== undefined;
    this.running = this.run(trigger, only).finally(() => {
      this.running = null;
      this.runningPartial = false;
    });
    return this.running;
  }

  private async startRun(trigger: SyncTrigger, only?: string[], roomMade?: SyncRun['storageFull']): Promise<{ run: SyncRun; resumed: boolean }> {
    const existing = await loadRun();
    const enabled = (await enabledSubscriptions()).map((s) => s.id);
    const wanted = only ? enabled.filter((id) => only.includes(id)) : enabled;
    if (existing) {
      if (roomMade && !existing.storageFull) existing.storageFull = roomMade;
      if (JOINS_A_RUN.has(trigger)) await join(existing, wanted, enabled, only ?? []);
      return { run: existing, resumed: true };
    }
    const run: SyncRun = {
      startedAt: this.options.now(),
      trigger,
      pending: wanted,
      total: wanted.length,
      added: {},
      failures: {},
      ...(wanted.length < enabled.length ? { partial: true as const } : {}),
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
    await updateSyncState({ state: 'error', message, retryAt, progress: undefined, retrying: undefined }).catch((error: unknown) => {
      if (!isQuotaError(error)) throw error;
    });
    return { state: 'error', added: [], totalAdded: 0, failures: [], message, retryAt, resumed: false, partial: false };
  }

  private async attempt(trigger: SyncTrigger, keep: number, only?: string[], roomMade?: SyncRun['storageFull']): Promise<SyncReport> {
    const { now, client } = this.options;
    const { run, resumed } = await this.startRun(trigger, only, roomMade);
    const all = new Map((await listSubscriptions()).map((s) => [s.id, s]));
    this.runningPartial = run.partial === true;
    // A run for some subscriptions only is no check of the feed: the schedule's checks go on as planned.
    await updateSyncState({ state: 'syncing', ...(checksFeed(run) ? { lastAttemptAt: now() } : {}), progress: { done: run.total - run.pending.length, total: run.total }, retrying: undefined });
    while (run.pending.length > 0) {
      const subscription = all.get(run.pending[0]!);
      if (subscription?.enabled) {
        // After storage ran full, the rest of the run keeps fewer papers (see makeRoom).
        const outcome = await syncSubscription(subscription, run, client, run.storageFull?.kept ?? keep, now);
        if (outcome.kind === 'unavailable' || outcome.kind === 'storage-full') {
          const state = outcome.kind === 'unavailable' && outcome.reason === 'offline' ? 'offline' : 'error';
          await updateSyncState({ state, message: outcome.message, retryAt: outcome.retryAt, progress: undefined, retrying: undefined });
          return { state, added: [], totalAdded: 0, failures: [], message: outcome.message, retryAt: outcome.retryAt, resumed, partial: run.partial === true };
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
    const notice = run.storageFull && keptFewerMessage(run.storageFull.kept, run.storageFull.wanted);
    const state: SyncReport['state'] = failures ? 'error' : 'ok';
    // A run for some subscriptions only leaves standing what the last checks said of the others.
    const others = run.partial ? await othersRejected(run, subscriptions) : undefined;
    const stored: SyncState['state'] = failures || others ? 'error' : 'ok';
    const message = [others, failures, notice].filter(Boolean).join(' ') || undefined;
    await atomically(async () => {
      await clearRun();
      await updateSyncState({
        state: stored,
        message,
        // "Updated …" says when the whole feed was last checked.
        ...(checksFeed(run) ? { lastSuccessAt: this.options.now(), lastAdded: totalAdded } : {}),
        retryAt: undefined,
        progress: undefined,
        retrying: undefined,
      });
    });
    const failed = Object.entries(run.failures).flatMap(([id, reason]) => {
      const subscription = subscriptions.get(id);
      return subscription ? [{ subscription, message: reason }] : [];
    });
    return { state, added, totalAdded, failures: failed, message, resumed, partial: run.partial === true };
  }
}
