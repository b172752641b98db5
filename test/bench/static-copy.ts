import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';

/**
 * What an extension page shows, as a static HTML file: the same markup and cards (the first
 * `cards` of them, as many as the page paints in its first frame), the same stylesheets and
 * icons, no script. Opened from a file: URL in the same browser, it is the fastest a page of
 * these cards can paint on this machine: the baseline the pages are held to.
 */
export async function staticCopy(page: Page, extensionDir: string, cards: number, name: string, dir: string): Promise<string> {
  const html = await page.evaluate((keep) => {
    const root = document.documentElement.cloneNode(true) as HTMLElement;
    root.querySelectorAll('[data-testid="paper-card"]').forEach((card, i) => i >= keep && card.remove());
    root.querySelectorAll('section.day').forEach((day) => day.querySelector('[data-testid="paper-card"]') || day.remove());
    root.querySelectorAll('script, link[rel="modulepreload"], .show-more, .popup__more').forEach((node) => node.remove());
    return `<!DOCTYPE html>\n${root.outerHTML}`;
  }, cards);
  cpSync(join(extensionDir, 'assets'), join(dir, 'assets'), { recursive: true });
  cpSync(join(extensionDir, 'icon'), join(dir, 'icon'), { recursive: true });
  const file = join(dir, `${name}.html`);
  // The extension's absolute paths (/assets/..., /icon/...) become paths beside the file.
  writeFileSync(file, html.replace(/(href|src)="\//g, '$1="./'));
  return pathToFileURL(file).href;
}
