import { buildQueryUrl, buildSearchQuery, lintQuery } from '../arxiv/query';
import { getPaper } from '../db/papers';
import { libraryItems, savePaper, unsavePaper } from '../db/library';
import { subscriptionLabels } from '../db/subscriptions';
import { getMeta, setMeta } from '../db/meta';
import { markNotInterested, takeBackNotInterested } from '../db/ranking';
import { MessageError } from '../messaging/validate';
import type { Handlers } from '../messaging/router';
import { refreshBadge, SEEN_AT_KEY } from '../notify/badge';
import type { BackgroundApp } from './app';
import { failureText, type SyncReport } from '../sync/engine';
import type { SyncSummary } from '../messaging/protocol';
import { broadcastSavedChanged } from './broadcast';

const PREVIEW_SIZE = 5;

/**
 * What a sync asked for some subscriptions found for them: the run that answered may have
 * carried others too (one left unfinished when arXiv was down), whose papers and rejected
 * queries are not theirs to report.
 */
function summaryFor(report: SyncReport, ids: readonly string[]): SyncSummary {
  const asked = new Set(ids);
  const added = report.added.reduce((sum, a) => sum + (asked.has(a.subscription.id) ? a.count : 0), 0);
  // arXiv unavailable, or no room to store: the run stopped, whichever subscription it was on.
  if (report.retryAt !== undefined || report.state === 'offline') return { added, state: report.state, message: report.message };
  const rejected = report.failures.filter((f) => asked.has(f.subscription.id));
  if (rejected.length > 0) return { added, state: 'error', message: rejected.map((f) => failureText(f.subscription.label, f.message)).join(' ') };
  return { added, state: 'ok' };
}

/** What the background answers to each message of the protocol. */
export function createHandlers(app: BackgroundApp): Handlers {
  return {
    async syncNow({ subscriptionIds }) {
      if (app.engine.checkingAll && !subscriptionIds) return { added: 0, state: 'busy' };
      const report = await app.sync(subscriptionIds ? 'subscription-added' : 'manual', subscriptionIds);
      return subscriptionIds ? summaryFor(report, subscriptionIds) : { added: report.totalAdded, state: report.state, message: report.message };
    },

    async savePaper({ id, entry, shown }) {
      const result = await savePaper(id, app.now(), entry, shown);
      // Saved after all: no longer a paper the reader said they did not want (ranking would learn it both ways).
      if ((await getPaper(id))?.notInterestedAt !== undefined) {
        await takeBackNotInterested([id]);
        app.browserSync.schedule();
      }
      await broadcastSavedChanged([id]);
      if (result.pending) void app.metadata.request();
      else void app.ranker.request();
      return result;
    },

    async unsavePaper({ id }) {
      await unsavePaper(id, app.now());
      await broadcastSavedChanged([id]);
      void app.ranker.request();
      return { ok: true };
    },

    async setNotInterested({ ids, value }) {
      if (value) await markNotInterested(ids, app.now());
      else await takeBackNotInterested(ids);
      void app.ranker.request();
      app.browserSync.schedule();
      return { ok: true };
    },

    async getSavedIds({ ids }) {
      const items = await libraryItems(ids);
      const saved = items.flatMap((item) => (item ? [item.id] : []));
      const pending = items.flatMap((item) => (item?.pending ? [item.id] : []));
      return { saved, pending };
    },

    async getPaperContext({ id }) {
      const [paper, [item]] = await Promise.all([getPaper(id), libraryItems([id])]);
      return {
        saved: item !== undefined,
        pending: item?.pending === 1,
        subscriptions: paper ? await subscriptionLabels(paper.subs) : [],
      };
    },

    async userDataChanged() {
      app.browserSync.schedule();
      return { ok: true };
    },

    async markSeen() {
      const previousSeenAt = (await getMeta<number>(SEEN_AT_KEY)) ?? 0;
      await setMeta(SEEN_AT_KEY, app.now());
      await refreshBadge();
      return { previousSeenAt };
    },

    async lastSeen() {
      return { seenAt: (await getMeta<number>(SEEN_AT_KEY)) ?? 0 };
    },

    async previewQuery(query) {
      const errors = lintQuery(query).filter((p) => p.severity === 'error');
      if (errors.length > 0) throw new MessageError(errors.map((e) => e.message).join(' '));
      const url = buildQueryUrl({ searchQuery: buildSearchQuery(query), start: 0, maxResults: PREVIEW_SIZE });
      const result = await app.client.fetchFeed(url);
      if (result.kind !== 'ok') throw new MessageError(result.message);
      return {
        url,
        totalResults: result.feed.totalResults,
        papers: result.feed.entries.map(({ id, title, published, authors }) => ({ id, title, published, authors })),
      };
    },

    async getFigure({ id, version }) {
      return { url: await app.figures.find(id, version) };
    },
  };
}
