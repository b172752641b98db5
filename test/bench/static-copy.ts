import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * What an extension page shows, as a static HTML page: the same markup and cards (the first
 * `cards` of them, as many as the page paints in its first frame), the same stylesheets and
 * icons, no script. It is written into the benchmark's copy of the built extension (never the
 * build itself) and opened from the extension's origin, so it pays what any page there pays
 * (an extension renderer, the extension's bindings) and the difference between the two is
 * the page's own work: the baseline the pages are held to.
 */
export async function staticCopy(page: Page, extensionDir: string, cards: number, name: string): Promise<string> {
  const html = await page.evaluate((keep) => {
    const root = document.documentElement.cloneNode(true) as HTMLElement;
    root.querySelectorAll('[data-testid="paper-card"]').forEach((card, i) => i >= keep && card.remove());
    root.querySelectorAll('section.day').forEach((day) => day.querySelector('[data-testid="paper-card"]') || day.remove());
    root.querySelectorAll('script, link[rel="modulepreload"], .show-more, .popup__more').forEach((node) => node.remove());
    return `<!DOCTYPE html>\n${root.outerHTML}`;
  }, cards);
  writeFileSync(join(extensionDir, `${name}.html`), html);
  return `chrome-extension://${new URL(page.url()).host}/${name}.html`;
}
