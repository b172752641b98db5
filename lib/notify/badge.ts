import { countArrivedSince } from '../db/feed';
import { getMeta } from '../db/meta';
import { toolbarAction } from '../platform/toolbar-action';
import { getSyncState } from '../sync/state';
import { BADGE_MAX, badgeText } from './summary';

export const SEEN_AT_KEY = 'seenAt';
const COUNT_COLOR = '#b31b1b';
const ERROR_COLOR = '#e8a317';

/**
 * Shows how many papers arrived since the user last looked, or `!` while the last sync failed:
 * as its stored status says, or as `failure` says when the sync could not store it (a full disk).
 */
export async function refreshBadge(failure?: string): Promise<string> {
  const [state, seenAt] = await Promise.all([getSyncState(), getMeta<number>(SEEN_AT_KEY)]);
  const action = toolbarAction();
  if (state.state === 'error' || failure !== undefined) {
    await action.setBadgeBackgroundColor({ color: ERROR_COLOR });
    await action.setBadgeText({ text: '!' });
    await action.setTitle({ title: `Paper Radar: ${failure ?? state.message ?? 'the last sync failed'}` });
    return '!';
  }
  // One more than the badge spells out is enough to know it says '99+'.
  const text = badgeText(await countArrivedSince(seenAt ?? 0, BADGE_MAX + 1));
  await action.setBadgeBackgroundColor({ color: COUNT_COLOR });
  await action.setBadgeText({ text });
  await action.setTitle({ title: text ? `Paper Radar: ${text} new` : 'Paper Radar' });
  return text;
}
