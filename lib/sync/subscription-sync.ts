import type { ArxivClient, UnavailableReason } from '../arxiv/client';
import type { ArxivEntry } from '../arxiv/entry';
import { buildQueryUrl, buildSearchQuery, lintQuery } from '../arxiv/query';
import { atomically } from '../db/atomically';
import { ingest, type IngestResult } from '../db/ingest';
import { applyRetention, recentSince } from '../db/retention';
import { getSyncStatus, updateSyncStatus } from '../db/sync-status';
import { isQuotaError } from '../db/storage-errors';
import type { Subscription } from '../subscription';
import { makeRoom, STORAGE_FULL_RETRY_MS, storageFullMessage } from './make-room';
import { saveRun, type SyncRun } from './run';
import { getSyncState, updateSyncState } from './state';

export type SubscriptionOutcome =
  | { kind: 'ok'; added: number }
  | { kind: 'query-error'; message: string }
  | { kind: 'unavailable'; reason: UnavailableReason; message: string; retryAt: number }
  | { kind: 'storage-full'; message: string; retryAt: number };

const MAX_PAGE_SIZE = 100;

/** The status's "asking again" goes once an answer came (the run's end clears it too). */
async function clearRetrying(): Promise<void> {
  if ((await getSyncState()).retrying !== undefined) await updateSyncState({ retrying: undefined });
}

function queryProblem(subscription: Subscription): string | null {
  const errors = lintQuery(subscription).filter((p) => p.severity === 'error');
  return errors.length > 0 ? errors.map((p) => p.message).join(' ') : null;
}

/** Stores a page with the run's progress in one transaction; the run in memory follows once written. */
async function storePage(
  subscriptionId: string,
  entries: ArxivEntry[],
  run: SyncRun,
  next: { nextStart: number; collected: number },
  now: number,
): Promise<IngestResult> {
  const outcome = await atomically(async () => {
    const stored = await ingest(entries, subscriptionId, now);
    const added = { ...run.added, [subscriptionId]: (run.added[subscriptionId] ?? 0) + stored.added.length };
    await saveRun({ ...run, current: { subscriptionId, ...next }, added });
    return stored;
  });
  run.current = { subscriptionId, ...next };
  run.added[subscriptionId] = (run.added[subscriptionId] ?? 0) + outcome.added.length;
  return outcome;
}

/**
 * Stores a page; when storage is full, frees space by keeping fewer papers per subscription
 * (saved papers stay) and tries once more. Null when there is still no room.
 */
async function storeOrMakeRoom(
  subscriptionId: string,
  entries: ArxivEntry[],
  run: SyncRun,
  next: { nextStart: number; collected: number },
  keep: number,
  now: () => number,
): Promise<IngestResult | null> {
  try {
    return await storePage(subscriptionId, entries, run, next, now());
  } catch (error) {
    if (!isQuotaError(error)) throw error;
  }
  const kept = await makeRoom(keep);
  if (kept === null) return null;
  run.storageFull = { kept, wanted: run.storageFull?.wanted ?? keep };
  await saveRun(run);
  try {
    return await storePage(subscriptionId, entries, run, next, now());
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    return null;
  }
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
    await updateSyncStatus(subscription.id, { lastAttemptAt: now(), lastError: problem, nextRetryAt: undefined });
    return { kind: 'query-error', message: problem };
  }
  const searchQuery = buildSearchQuery(subscription);
  const pageSize = Math.min(keep, MAX_PAGE_SIZE);
  const resume = run.current?.subscriptionId === subscription.id ? run.current : undefined;
  let start = resume?.nextStart ?? 0;
  let collected = resume?.collected ?? 0;
  let totalResults = (await getSyncStatus(subscription.id))?.totalResults ?? 0;
  while (!resume?.paged) {
    await updateSyncStatus(subscription.id, { lastAttemptAt: now() });
    const result = await client.fetchFeed(buildQueryUrl({ searchQuery, start, maxResults: pageSize }), start, (why) => updateSyncState({ retrying: why }).then(() => undefined));
    if (result.kind !== 'unavailable') await clearRetrying();
    if (result.kind === 'arxiv-error') {
      await updateSyncStatus(subscription.id, { lastError: result.message, nextRetryAt: undefined });
      return { kind: 'query-error', message: result.message };
    }
    if (result.kind === 'unavailable') {
      await updateSyncStatus(subscription.id, { lastError: result.message, nextRetryAt: result.retryAt });
      return result;
    }
    const { feed, skipped } = result;
    totalResults = feed.totalResults;
    const next = { nextStart: start + pageSize, collected: collected + feed.entries.length };
    const ingested = await storeOrMakeRoom(subscription.id, feed.entries, run, next, keep, now);
    if (!ingested) {
      const retryAt = now() + STORAGE_FULL_RETRY_MS;
      await updateSyncStatus(subscription.id, { lastError: storageFullMessage, nextRetryAt: retryAt });
      return { kind: 'storage-full', message: storageFullMessage, retryAt };
    }
    ({ nextStart: start, collected } = next);
    keep = run.storageFull?.kept ?? keep;
    const caughtUp = ingested.knownToSubscription.length > 0;
    const exhausted = feed.entries.length + skipped < pageSize || start >= totalResults;
    if (caughtUp || exhausted || collected >= keep) break;
  }
  // Paging is done: a worker killed during retention must not fetch another page on resume.
  run.current = { subscriptionId: subscription.id, nextStart: start, collected, paged: true };
  await saveRun(run);
  await applyRetention(subscription.id, keep, recentSince(now()));
  const added = run.added[subscription.id] ?? 0;
  await updateSyncStatus(subscription.id, {
    lastSuccessAt: now(),
    lastAdded: added,
    totalResults,
    lastError: undefined,
    nextRetryAt: undefined,
  });
  return { kind: 'ok', added };
}
