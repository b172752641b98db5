import type { ArxivClient, UnavailableReason } from '../arxiv/client';
import { buildQueryUrl, buildSearchQuery, lintQuery } from '../arxiv/query';
import { db } from '../db/db';
import { ingest } from '../db/ingest';
import { applyRetention } from '../db/retention';
import type { SyncStatusRow } from '../db/schema';
import type { Subscription } from '../subscription';
import { saveRun, type SyncRun } from './run';

export type SubscriptionOutcome =
  | { kind: 'ok'; added: number }
  | { kind: 'query-error'; message: string }
  | { kind: 'unavailable'; reason: UnavailableReason; message: string; retryAt: number };

const MAX_PAGE_SIZE = 100;

async function updateStatus(subscriptionId: string, changes: Partial<SyncStatusRow>): Promise<void> {
  await db.transaction('rw', db.syncStatus, async () => {
    const row: SyncStatusRow = { ...(await db.syncStatus.get(subscriptionId)), subscriptionId, ...changes };
    for (const key of Object.keys(row) as (keyof SyncStatusRow)[]) if (row[key] === undefined) delete row[key];
    await db.syncStatus.put(row);
  });
}

function queryProblem(subscription: Subscription): string | null {
  const errors = lintQuery(subscription).filter((p) => p.severity === 'error');
  return errors.length > 0 ? errors.map((p) => p.message).join(' ') : null;
}

/**
 * Brings one subscription up to date: newest papers first, paging only until a paper it
 * already has (a new subscription fills up to `keep`), then retention.
 */
export async function syncSubscription(
  subscription: Subscription,
  run: SyncRun,
  client: ArxivClient,
  keep: number,
  now: () => number,
): Promise<SubscriptionOutcome> {
  const problem = queryProblem(subscription);
  if (problem) {
    await updateStatus(subscription.id, { lastAttemptAt: now(), lastError: problem, nextRetryAt: undefined });
    return { kind: 'query-error', message: problem };
  }
  const searchQuery = buildSearchQuery(subscription);
  const pageSize = Math.min(keep, MAX_PAGE_SIZE);
  const resume = run.current?.subscriptionId === subscription.id ? run.current : undefined;
  let start = resume?.nextStart ?? 0;
  let collected = resume?.collected ?? 0;
  let totalResults = (await db.syncStatus.get(subscription.id))?.totalResults ?? 0;
  while (!resume?.paged) {
    await updateStatus(subscription.id, { lastAttemptAt: now() });
    const result = await client.fetchFeed(buildQueryUrl({ searchQuery, start, maxResults: pageSize }), start);
    if (result.kind === 'arxiv-error') {
      await updateStatus(subscription.id, { lastError: result.message, nextRetryAt: undefined });
      return { kind: 'query-error', message: result.message };
    }
    if (result.kind === 'unavailable') {
      await updateStatus(subscription.id, { lastError: result.message, nextRetryAt: result.retryAt });
      return result;
    }
    const { feed } = result;
    totalResults = feed.totalResults;
    const ingested = await db.transaction('rw', db.papers, db.meta, async () => {
      const outcome = await ingest(feed.entries, subscription.id, now());
      collected += feed.entries.length;
      start += pageSize;
      run.current = { subscriptionId: subscription.id, nextStart: start, collected };
      run.added[subscription.id] = (run.added[subscription.id] ?? 0) + outcome.added.length;
      await saveRun(run);
      return outcome;
    });
    const caughtUp = ingested.knownToSubscription.length > 0;
    const exhausted = feed.entries.length < pageSize || start >= totalResults;
    if (caughtUp || exhausted || collected >= keep) break;
  }
  // Paging is done: a worker killed during retention must not fetch another page on resume.
  run.current = { subscriptionId: subscription.id, nextStart: start, collected, paged: true };
  await saveRun(run);
  await applyRetention(subscription.id, keep);
  const added = run.added[subscription.id] ?? 0;
  await updateStatus(subscription.id, {
    lastSuccessAt: now(),
    lastAdded: added,
    totalResults,
    lastError: undefined,
    nextRetryAt: undefined,
  });
  return { kind: 'ok', added };
}
