import { browser } from 'wxt/browser';
import { newPapersMessage, type AddedCount } from './summary';

export const NEW_PAPERS_NOTIFICATION = 'paper-radar:new-papers';

/** One notification per sync that brought new papers; it replaces the previous one. */
export async function notifyNewPapers(total: number, perSubscription: AddedCount[], bestFirst: string[] = []): Promise<void> {
  if (total <= 0) return;
  await browser.notifications.create(NEW_PAPERS_NOTIFICATION, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: 'Paper Radar',
    message: newPapersMessage(total, perSubscription, bestFirst),
  });
}

export function digestUrl(): string {
  return browser.runtime.getURL('/newtab.html' as '/');
}
