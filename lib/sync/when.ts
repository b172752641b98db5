import { FIRST_CHECK_DELAY_MS, SECOND_CHECK_DELAY_MS, lastAnnouncementAtOrBefore, nextCheckAfter } from '../arxiv/schedule';

/**
 * Whether a sync since the latest announcement already brought its papers, given the
 * announcement that the last productive sync caught (epoch ms).
 */
export function caughtLatest(now: number, caughtAnnouncement: number | undefined): boolean {
  return caughtAnnouncement !== undefined && caughtAnnouncement >= lastAnnouncementAtOrBefore(new Date(now)).getTime();
}

/** When the scheduled alarm should next fire: after an announcement, never sooner than the minimum interval. */
export function nextScheduledSync(now: number, caught: boolean, lastAttemptAt: number | undefined, minIntervalMs: number): number {
  const planned = nextCheckAfter(new Date(now), caught).getTime();
  return Math.max(planned, (lastAttemptAt ?? 0) + minIntervalMs);
}

/**
 * On browser start (or any worker wake): whether a check was missed while the browser was
 * closed. True when the latest announcement's papers have not been caught and the last
 * successful sync predates the check that should have found them.
 */
export function syncMissed(now: number, lastSuccessAt: number | undefined, caught: boolean): boolean {
  if (caught) return false;
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
