import { lastAnnouncementAtOrBefore, nextAnnouncementAfter } from '../arxiv/schedule';
import type { SyncState, SyncStateName } from '../sync/state';
import { announcementDay, clockTime } from './announcement-text';
import type { CalendarOptions } from './day-groups';
import { timeAgo } from './relative-time';

export interface SyncStatusText {
  state: SyncStateName;
  /** One line for the header: what happened and what happens next. */
  text: string;
  /** A failure the user can retry now. */
  problem: boolean;
  /** Still trying, after a failed attempt: worth a line of its own where the bar has no room. */
  trouble?: boolean;
}

// A check this long after an announcement is one of the checks made for it.
const CHECK_WINDOW_MS = 5 * 60 * 60 * 1000;

/** "next check after tonight's arXiv announcement", or "next check at 14:05" for a retry. */
export function nextCheckText(state: SyncState, now: number, options: CalendarOptions = {}): string {
  const at = state.nextCheckAt;
  if (at === undefined || at <= now) {
    return `next check after ${announcementDay(nextAnnouncementAfter(new Date(now)).getTime(), now, options)} arXiv announcement`;
  }
  const announcement = lastAnnouncementAtOrBefore(new Date(at)).getTime();
  if (at - announcement <= CHECK_WINDOW_MS && announcement > now) {
    return `next check after ${announcementDay(announcement, now, options)} arXiv announcement`;
  }
  return `next check at ${clockTime(at, options)}`;
}

function syncingText(state: SyncState): string {
  const progress = state.progress;
  const checking = !progress || progress.total <= 1 ? 'Checking arXiv…' : `Checking arXiv… ${Math.min(progress.done, progress.total)} of ${progress.total} subscriptions done`;
  return state.retrying ? `${checking}${checking.endsWith('…') ? '' : '.'} ${state.retrying.trim()} Asking again.` : checking;
}

/** While checks fail, how old the papers on screen are: " Last updated 2 days ago." (nothing before a first update). */
function lastUpdated(state: SyncState, now: number): string {
  return state.lastSuccessAt === undefined ? '' : ` Last updated ${timeAgo(state.lastSuccessAt, now)}.`;
}

/** The sync status in plain words, e.g. "Updated 2 h ago · next check after tonight's arXiv announcement". */
export function syncStatusText(state: SyncState, now: number, options: CalendarOptions = {}): SyncStatusText {
  switch (state.state) {
    case 'syncing':
      return { state: state.state, text: syncingText(state), problem: false, ...(state.retrying ? { trouble: true } : {}) };
    case 'offline':
      return {
        state: state.state,
        text: `You’re offline. Paper Radar will check arXiv when you’re back online.${lastUpdated(state, now)}`,
        problem: true,
      };
    case 'error': {
      const what = state.message?.trim() || 'The last check of arXiv failed.';
      const when = state.retryAt !== undefined && state.retryAt > now ? ` Trying again at ${clockTime(state.retryAt, options)}.` : '';
      return { state: state.state, text: `${what}${when}${lastUpdated(state, now)}`, problem: true };
    }
    default: {
      if (state.lastSuccessAt === undefined) return { state: state.state, text: 'Not checked yet', problem: false };
      // A sync that succeeded can still have something to say (it had to keep fewer papers).
      const note = state.message?.trim();
      const text = `Updated ${timeAgo(state.lastSuccessAt, now)} · ${nextCheckText(state, now, options)}${note ? `. ${note}` : ''}`;
      return { state: state.state, text, problem: false };
    }
  }
}
