import { browser } from 'wxt/browser';
import { parseArxivId } from '../arxiv/ids';

export const SAVE_LINK_MENU = 'paper-radar:save-link';

/** "Save to Paper Radar" on links to arXiv papers, on any site. Menus persist; create on install. */
export async function createContextMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: SAVE_LINK_MENU,
    title: 'Save to Paper Radar',
    contexts: ['link'],
    targetUrlPatterns: [
      '*://arxiv.org/abs/*',
      '*://arxiv.org/pdf/*',
      '*://arxiv.org/html/*',
      '*://www.arxiv.org/abs/*',
      '*://www.arxiv.org/pdf/*',
      '*://export.arxiv.org/abs/*',
    ],
  });
}

/** The paper a clicked link points to, or null when it isn't one. */
export function paperFromMenuClick(menuItemId: string | number, linkUrl: string | undefined): string | null {
  if (menuItemId !== SAVE_LINK_MENU || !linkUrl) return null;
  return parseArxivId(linkUrl)?.id ?? null;
}
