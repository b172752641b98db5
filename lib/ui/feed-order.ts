import type { FeedOrder } from '../schema/limits';

/**
 * The order the feed is shown in: the newest first, or ranked for the reader ("For you"). The
 * choice is a setting (so the reader's other browsers follow it); the pages keep a copy in their
 * own storage, read before the first frame, so a page never paints in the other order first.
 */
export const FEED_ORDER_KEY = 'paper-radar:feed-order';

export function readFeedOrder(storage: Pick<Storage, 'getItem'>): FeedOrder {
  try {
    return storage.getItem(FEED_ORDER_KEY) === 'forYou' ? 'forYou' : 'newest';
  } catch {
    return 'newest'; // storage can be unavailable; the newest first is always right
  }
}

export function writeFeedOrder(storage: Pick<Storage, 'setItem'>, order: FeedOrder): void {
  try {
    storage.setItem(FEED_ORDER_KEY, order);
  } catch {
    // Without the copy the next page paints newest first for a moment; nothing breaks.
  }
}
