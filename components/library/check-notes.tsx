import type { SavedCheckState } from '../../lib/db/saved-check';
import type { SavedCheckMark } from '../../lib/db/schema';
import { dateFormat } from '../../lib/ui/date-format';
import { timeAgo } from '../../lib/ui/relative-time';

/**
 * What the daily check of saved papers could not do for one paper: arXiv's answers left it out
 * (it is kept, never read as deleted), or arXiv refused the request it was in. Either way it is
 * asked again at the next check.
 */
export function PaperCheckNote({ check, now }: { check: SavedCheckMark | undefined; now: number }) {
  if (check?.missing) {
    const answers = check.missing === 1 ? 'arXiv’s last answer' : `arXiv’s last ${check.missing} answers`;
    const since = check.missingSince !== undefined && check.missing > 1 ? ` (first ${timeAgo(check.missingSince, now)})` : '';
    return (
      <p class="library-entry__check" data-testid="check-note">
        {answers} left this paper out{since}. It stays in your library and is asked for again at the next check.
      </p>
    );
  }
  if (check?.problem) {
    return (
      <p class="library-entry__check" data-testid="check-note">
        The last check could not ask arXiv about it. {check.problem} It is asked again at the next check.
      </p>
    );
  }
  return null;
}

/**
 * When the saved papers were last checked against arXiv, or why the check stopped and when it
 * carries on. `unchecked`: saves the last check did not ask about though they are older than it
 * (brought in from a backup or another browser since, with their dates, or still waiting for
 * arXiv's details then): "checked 2 min ago" is not said of them.
 */
export function LibraryCheckStatus({ state, now, unchecked = 0 }: { state: SavedCheckState | undefined; now: number; unchecked?: number }) {
  if (!state) return null;
  if (state.finishedAt === undefined && state.problem && state.retryAt !== undefined) {
    const at = dateFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(state.retryAt);
    return (
      <p class="library__check-status" data-testid="check-status">
        The check of saved papers against arXiv stopped: {state.problem} It carries on at {at}.
      </p>
    );
  }
  if (state.finishedAt === undefined) {
    return (
      <p class="library__check-status" data-testid="check-status">
        Checking saved papers against arXiv…
      </p>
    );
  }
  return (
    <p class="library__check-status" data-testid="check-status">
      Saved papers checked against arXiv {timeAgo(state.finishedAt, now)}
      {unchecked > 0 ? `, except ${unchecked === 1 ? 'one' : unchecked.toLocaleString('en')} not asked about yet (from a backup, another browser, or waiting for arXiv then): ${unchecked === 1 ? 'it is' : 'they are'} checked after the next arXiv announcement.` : '.'}
    </p>
  );
}
