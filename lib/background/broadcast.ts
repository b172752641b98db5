import { browser } from 'wxt/browser';
import type { SavedChangedEvent } from '../messaging/protocol';

/** Tells open arXiv tabs that the saved state of these papers changed. */
export async function broadcastSavedChanged(ids: string[]): Promise<void> {
  const event: SavedChangedEvent = { type: 'paperRadar:savedChanged', ids };
  let tabs: { id?: number }[] = [];
  try {
    tabs = await browser.tabs.query({ url: ['https://arxiv.org/*', 'https://www.arxiv.org/*'] });
  } catch {
    return;
  }
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, event).catch(() => undefined),
    ),
  );
}
