import { FIRST_CHECK_DELAY_MS, SECOND_CHECK_DELAY_MS, lastAnnouncementAtOrBefore, nextCheckAfter } from '../arxiv/schedule';

/**
 * A remembered moment that can be trusted: one in the future says only that the clock was set
 * back since, and would hold syncs off until the clock caught up with it (the request gate
 * reads its own last request the same way). Undefined when there is none or it is unusable.
 */
export function pastMoment(now: number, moment: number | undefined): number | undefined {
  return moment !== undefined && moment <= now ? moment : undefined;
}

/** Whether the last attempt was so recent that a scheduled check would only cost arXiv. */
export function triedRecently(now: number, lastAttemptAt: number | undefined, minIntervalMs: number): boolean {
  const last = pastMoment(now, lastAttemptAt);
  return last !== undefined && now - last < minIntervalMs;
}

/**
 * Whether a sync since the latest announcement already brought its papers, given the
 * announcement that the last productive sync caught (epoch ms).
 */
export function caughtLatest(now: number, caughtAnnouncement: number | undefined): boolean {
  const caught = pastMoment(now, caughtAnnouncement);
  return caught !== undefined && caught >= lastAnnouncementAtOrBefore(new Date(now)).getTime();
}

/** When the scheduled alarm should next fire: after an announcement, never sooner than the minimum interval. */
export function nextScheduledSync(now: number, caught: boolean, lastAttemptAt: number | undefined, minIntervalMs: number): number {
  const planned = nextCheckAfter(new Date(now), caught).getTime();
  return Math.max(planned, (pastMoment(now, lastAttemptAt) ?? 0) + minIntervalMs);
}

/**
 * On browser start (or any worker wake): whether a check was missed while the browser was
 * closed. True when the latest announcement's papers have not been caught and the last
 * successful sync predates the check that should have found them.
 */
export function syncMissed(now: number, lastSuccess: number | undefined, caught: boolean): boolean {
  if (caught) return false;
  const lastSuccessAt = pastMoment(now, lastSuccess);
  if (lastSuccessAt === undefined) return true;
  const announcement = lastAnnouncementAtOrBefore(new Date(now)).getTime();
  if (now < announcement + FIRST_CHECK_DELAY_MS) {
    // Too early for this announcement; did we miss the previous one?
    const previous = lastAnnouncementAtOrBefore(new Date(announcement - 1)).getTime();
    return lastSuccessAt < previous + FIRST_CHECK_DELAY_MS;
  }
  const checkpoint = now >= announcement + SECOND_CHECK_DELAY_MS ? announcement + SECOND_CHECK_DELAY_MS : announcement + FIRST_CHECK_DELAY_MS;
  return lastSuccessAt < checkpoint;
}
