import * as v from 'valibot';
import { boolean, integer, oneOf, record } from './checks';
import { FEED_ORDERS, MIN_SYNC_INTERVAL_MINUTES, PAPERS_PER_SUBSCRIPTION, THEMES } from './limits';

const fields = {
  /** A notification when a sync brings new papers. */
  notifications: boolean(),
  /** A notification when the daily check finds a saved paper revised, published or withdrawn. */
  savedChangeNotifications: boolean(),
  /** Papers kept per subscription; saved papers are kept regardless. */
  papersPerSubscription: integer(PAPERS_PER_SUBSCRIPTION.min, PAPERS_PER_SUBSCRIPTION.max),
  /** Automatic syncs never come closer together than this. */
  minSyncIntervalMinutes: integer(MIN_SYNC_INTERVAL_MINUTES.min, MIN_SYNC_INTERVAL_MINUTES.max),
  theme: oneOf(THEMES),
  /** The first figure of a paper's HTML version on new-tab cards. */
  showFigures: boolean(),
  /** One-line headlines from the browser's on-device Summarizer, where it exists. */
  aiHeadlines: boolean(),
  /** The order the new tab shows the feed in; "forYou" once the reader picked it. */
  feedOrder: oneOf(FEED_ORDERS),
};

export const SettingsSchema = record(fields);

/** Settings as a backup (or another browser) carries them: those it does not name keep their value. */
export const PartialSettingsSchema = v.partial(SettingsSchema);
