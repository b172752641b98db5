import { browser } from 'wxt/browser';
import { ArxivClient } from '../arxiv/client';
import { lastAnnouncementAtOrBefore } from '../arxiv/schedule';
import { getMeta, setMeta } from '../db/meta';
import { isQuotaError } from '../db/storage-errors';
import { bestNewTitles } from './best-new';
import { refreshBadge } from '../notify/badge';
import { notifyNewPapers } from '../notify/notifications';
import { notifySavedChanges } from '../notify/saved-changes';
import { getSettings } from '../settings';
import { SyncEngine, type SyncReport } from '../sync/engine';
import { loadRun, type SyncTrigger } from '../sync/run';
import { getSyncState, updateSyncState } from '../sync/state';
import { caughtLatest, nextScheduledSync, syncMissed, triedRecently } from '../sync/when';
import { broadcastSavedChanged } from './broadcast';
import { FigureFinder } from './figures';
import { BrowserSync } from '../browser-sync/syncer';
import { browserSyncEnabled, browserSyncStatus } from '../browser-sync/preferences';
import { onUserDataWrite } from '../db/user-data-writes';
import { onPapersWritten } from '../db/written';
import { MetadataFetcher } from './metadata-fetcher';
import { Ranker } from './ranker';
import { SavedPaperCheck } from './saved-check';
import { storageSpacingStore } from './spacing-store';

export const ALARMS = {
  /** The next check after an arXiv announcement. */
  sync: 'paper-radar:sync',
  /** A retry after arXiv could not be reached. */
  retry: 'paper-radar:retry',
  /** Wakes the worker to finish a sync it was killed in. */
  resume: 'paper-radar:resume',
  /** Completes saves whose metadata could not be fetched. */
  metadata: 'paper-radar:metadata',
  /** Carries on a check of saved papers that arXiv interrupted (the check itself follows a sync). */
  savedCheck: 'paper-radar:saved-check',
} as const;

const CAUGHT_KEY = 'caughtAnnouncement';
const RESUME_AFTER_MINUTES = 1;

export interface AppOptions {
  fetch?: typeof globalThis.fetch;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const realSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/** The background's long-lived parts, built once per worker start. */
export class BackgroundApp {
  readonly client: ArxivClient;
  readonly engine: SyncEngine;
  readonly metadata: MetadataFetcher;
  readonly figures: FigureFinder;
  readonly ranker: Ranker;
  readonly browserSync: BrowserSync;
  readonly savedCheck: SavedPaperCheck;
  readonly now: () => number;
  /** Work started by `start()` and not awaited there (listeners must return quickly). */
  private inFlight = new Set<Promise<unknown>>();

  constructor(options: AppOptions = {}) {
    this.now = options.now ?? Date.now;
    const sleep = options.sleep ?? realSleep;
    this.client = new ArxivClient({
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      now: this.now,
      sleep,
      spacing: storageSpacingStore,
      isOnline: () => (typeof navigator === 'undefined' ? true : navigator.onLine),
    });
    this.engine = new SyncEngine({
      client: this.client,
      now: this.now,
      papersPerSubscription: async () => (await getSettings()).papersPerSubscription,
    });
    this.figures = new FigureFinder(this.client, this.now);
    // A sync in progress goes first: ranking a large store takes the worker for a while.
    this.ranker = new Ranker({ now: this.now, sleep, whenIdle: () => this.engine.idle() });
    this.browserSync = new BrowserSync({
      area: browser.storage.sync,
      now: this.now,
      enabled: () => browserSyncEnabled.getValue(),
      setStatus: (status) => browserSyncStatus.setValue(status),
      onApplied: ({ subscriptions, pending, labels }) => {
        if (subscriptions.length > 0) this.track(this.sync('subscription-added', subscriptions));
        if (pending) this.track(this.metadata.request());
        if (labels) this.track(this.ranker.request());
      },
    });
    this.metadata = new MetadataFetcher({
      client: this.client,
      now: this.now,
      sleep,
      onCompleted: broadcastSavedChanged,
      onUnavailable: async (retryAt) => {
        await browser.alarms.create(ALARMS.metadata, { when: retryAt });
      },
    });
    this.savedCheck = new SavedPaperCheck({
      client: this.client,
      now: this.now,
      tell: async (changes) => {
        if ((await getSettings()).savedChangeNotifications) await notifySavedChanges(changes);
      },
      onUnavailable: async (retryAt) => {
        await browser.alarms.create(ALARMS.savedCheck, { when: retryAt });
      },
    });
  }

  /** Runs a sync and does what follows it: badge, notification, next alarm. */
  async sync(trigger: SyncTrigger, only?: string[]): Promise<SyncReport> {
    await browser.alarms.create(ALARMS.resume, { delayInMinutes: RESUME_AFTER_MINUTES });
    try {
      const report = await this.engine.sync(trigger, only);
      await this.afterSync(report);
      return report;
    } finally {
      if (!this.engine.busy) await browser.alarms.clear(ALARMS.resume);
    }
  }

  private async afterSync(report: SyncReport): Promise<void> {
    if (report.retryAt !== undefined) {
      await browser.alarms.create(ALARMS.retry, { when: report.retryAt });
    } else {
      await browser.alarms.clear(ALARMS.retry);
    }
    if (report.totalAdded > 0) {
      // Papers of a new subscription alone do not say the others have today's announcement.
      if (!report.partial) await setMeta(CAUGHT_KEY, lastAnnouncementAtOrBefore(new Date(this.now())).getTime());
      // The new papers take their places in the For-you order before anyone is told of them.
      await this.ranker.refreshIfStale().catch((error: unknown) => console.error('Paper Radar: ranking failed', error));
      const settings = await getSettings();
      if (settings.notifications) {
        await notifyNewPapers(
          report.totalAdded,
          report.added.map((a) => ({ label: a.subscription.label, count: a.count })),
          // The best-ranked first only for a reader who reads For you (README): in Newest, the counts alone.
          settings.feedOrder === 'forYou' ? await bestNewTitles(this.now()) : [],
        );
      }
    }
    await this.scheduleNextCheck();
    // A failure the full disk kept out of the stored status still shows on the toolbar.
    await refreshBadge(report.state === 'error' ? report.message : undefined);
    // The saved papers' daily check rides on a sync that reached arXiv, after the feed is done:
    // it wakes nothing itself, and a slow check never holds back the feed or the reply to "Sync now".
    if (report.retryAt === undefined && report.state !== 'offline') this.track(this.savedCheck.runIfDue());
  }

  /** (Re-)creates the alarm for the next check after an arXiv announcement. */
  async scheduleNextCheck(): Promise<number> {
    const [state, caught, settings] = await Promise.all([getSyncState(), getMeta<number>(CAUGHT_KEY), getSettings()]);
    const when = nextScheduledSync(
      this.now(),
      caughtLatest(this.now(), caught),
      state.lastAttemptAt,
      settings.minSyncIntervalMinutes * 60_000,
    );
    await browser.alarms.create(ALARMS.sync, { when });
    // The alarm is what matters; a disk too full to note its time must not undo it.
    await updateSyncState({ nextCheckAt: when }).catch((error: unknown) => {
      if (!isQuotaError(error)) throw error;
    });
    return when;
  }

  /**
   * Every worker start: alarms re-created, an interrupted sync resumed, a missed check made
   * up, pending saves completed, the badge brought up to date.
   */
  async start(): Promise<void> {
    await this.scheduleNextCheck();
    await refreshBadge();
    if (this.engine.busy) return;
    const [run, state, caught, settings] = await Promise.all([loadRun(), getSyncState(), getMeta<number>(CAUGHT_KEY), getSettings()]);
    const recentlyTried = triedRecently(this.now(), state.lastAttemptAt, settings.minSyncIntervalMinutes * 60_000);
    const waitingForRetry = state.retryAt !== undefined && state.retryAt > this.now();
    const missed = !recentlyTried && syncMissed(this.now(), state.lastSuccessAt, caughtLatest(this.now(), caught));
    if (run && !waitingForRetry) {
      // A missed check joins the interrupted run, which may have been one for a new subscription only.
      this.track(this.sync(missed ? 'startup' : 'resume'));
    } else if (missed && !waitingForRetry) {
      this.track(this.sync('startup'));
    } else if (!waitingForRetry) {
      // The feed is up to date: a check of saved papers a killed worker left unfinished carries on.
      this.track(this.savedCheck.runIfDue());
    }
    this.track(this.metadata.flush());
    this.track(this.ranker.refreshIfStale());
    // Whatever changed here or in the reader's other browsers while this worker slept.
    this.browserSync.schedule();
  }

  /** Resolves when the work `start()` set off has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Merges with the reader's other browsers what is written here: the library and the
   * subscriptions soon, read marks within a while. The worker calls it once, beside its other
   * listeners; returns what stops watching.
   */
  watchWrites(): () => void {
    const unwatch = [
      onUserDataWrite(() => this.browserSync.schedule()),
      // Read marks travel too (marking a paper read writes the paper).
      onPapersWritten(() => this.browserSync.scheduleReads()),
    ];
    return () => unwatch.forEach((stop) => stop());
  }

  /**
   * Ends the app: merges and rankings asked for and not started are dropped, and it resolves
   * once the work under way is done. A worker's app lives as long as the worker and is never
   * ended; the unit tests, whose files share one module graph, end theirs with it.
   */
  async stop(): Promise<void> {
    await this.browserSync.stop();
    await this.ranker.stop();
    await this.idle();
    // Whatever the work just finished asked for.
    await this.ranker.stop();
  }

  private track(work: Promise<unknown>): void {
    const tracked = work.catch((error: unknown) => console.error('Paper Radar:', error)).finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  async onAlarm(name: string): Promise<void> {
    if (name === ALARMS.sync) {
      const [state, settings] = await Promise.all([getSyncState(), getSettings()]);
      if (triedRecently(this.now(), state.lastAttemptAt, settings.minSyncIntervalMinutes * 60_000)) {
        await this.scheduleNextCheck();
        return;
      }
      await this.sync('schedule');
    } else if (name === ALARMS.retry) {
      await this.sync('retry');
    } else if (name === ALARMS.resume) {
      if (!this.engine.busy && (await loadRun())) await this.sync('resume');
    } else if (name === ALARMS.metadata) {
      await this.metadata.flush();
    } else if (name === ALARMS.savedCheck) {
      await this.savedCheck.runIfDue();
    }
  }

  async onOnline(): Promise<void> {
    const state = await getSyncState();
    if (state.state === 'offline' || (await loadRun())) await this.sync('online');
    await this.metadata.flush();
  }
}
