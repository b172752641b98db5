import type { SyncState } from '../../lib/sync/state';
import { nextAnnouncementAfter } from '../../lib/arxiv/schedule';
import { announcementDay, clockTime, quietDays } from '../../lib/ui/announcement-text';
import { syncStatusText } from '../../lib/ui/sync-status-text';
import { useSyncNow } from '../common/sync-controls';

/** Subscriptions, but no papers yet: the first sync is on its way, or it failed and says why. */
export function NoPapersYet({ sync, now, subject }: { sync: SyncState; now: number; subject: string }) {
  const syncNow = useSyncNow();
  const status = syncStatusText(sync, now);
  if (status.problem) {
    return (
      <section class="empty" aria-live="polite">
        <h2 class="empty__title">No papers for {subject} yet</h2>
        <p>{status.text}</p>
        <button type="button" class="button" onClick={() => syncNow()}>
          Try again
        </button>
      </section>
    );
  }
  const fetching = sync.state === 'syncing' || sync.lastSuccessAt === undefined;
  return (
    <section class="empty" aria-live="polite" aria-busy={fetching}>
      <h2 class="empty__title">{fetching ? `Fetching the first papers for ${subject}…` : `Nothing for ${subject} yet`}</h2>
      <p>
        {fetching
          ? 'arXiv asks for a few seconds between requests, so this takes a moment. Cards appear here as they arrive.'
          : 'arXiv has no papers matching this yet. New ones will appear after the next announcement.'}
      </p>
    </section>
  );
}

function nextAnnouncementText(now: number): string {
  const next = nextAnnouncementAfter(new Date(now)).getTime();
  return `New papers arrive after ${announcementDay(next, now)} arXiv announcement, at ${clockTime(next)} your time.`;
}

/** Nothing unread: say so calmly, and when more can come (none on Fridays and Saturdays). */
export function CaughtUp({ now }: { now: number }) {
  const quiet = quietDays(now);
  return (
    <p class="caught-up">
      <strong>You’re all caught up.</strong>{' '}
      {quiet
        ? `arXiv makes no announcements on Fridays and Saturdays. The next one is ${quiet.nextNewYork} in New York${
            quiet.sameClock ? ', your time too.' : ` (${quiet.nextLocal} your time).`
          }`
        : nextAnnouncementText(now)}
    </p>
  );
}
