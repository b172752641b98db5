import { useEffect } from 'preact/hooks';
import type { SyncState } from '../../lib/sync/state';
import { FIRST_SCREEN_CARDS, writeFirstScreen, type FirstScreen } from '../../lib/ui/first-screen';
import type { Services } from '../common/services';
import type { FeedData, HeaderData } from '../common/page-data';

const idle = (work: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(work, 200);
  return () => clearTimeout(timer);
};

/**
 * Keeps what the page shows now for the next page's first frame, written when the page is idle;
 * where the page keeps an older For-you order (use-live-feed.ts), the newest order's first cards.
 */
export function useFirstScreenWriter(
  services: Services,
  key: string,
  parts: { filter: string | undefined; header?: HeaderData; sync?: SyncState; feed?: FeedData },
): void {
  const { filter, header, sync } = parts;
  const feed = parts.feed?.next ?? parts.feed;
  useEffect(() => {
    if (!header?.counts || !sync || !feed) return;
    const counts = header.counts;
    return idle(() => {
      const papers = feed.papers.slice(0, FIRST_SCREEN_CARDS);
      const screen: FirstScreen = {
        version: 1,
        filter: filter ?? null,
        subscriptions: header.subscriptions,
        counts,
        sync,
        papers,
        saved: feed.saved.filter((id) => papers.some((p) => p.id === id)),
        more: feed.more || feed.papers.length > papers.length,
        ...(feed.ranked ? { ranked: feed.ranked } : {}),
        keyResults: papers.map((paper) => services.keyResult(paper.summary)),
      };
      writeFirstScreen(services.storage, key, screen);
    });
  }, [services, key, filter, header, sync, feed]);
}

export { idle };
