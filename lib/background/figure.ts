const FIGURE = /<figure\b[^>]*\bclass="[^"]*\bltx_figure\b[^"]*"[^>]*>([\s\S]*?)<\/figure>/gi;
const GRAPHIC = /<img\b[^>]*\bclass="[^"]*\bltx_graphics\b[^"]*"[^>]*>/i;
const SRC = /\bsrc="([^"]+)"/i;
const IMAGE_PATH = /\.(?:png|jpe?g|gif|svg|webp)$/i;

/**
 * The first figure of an arXiv HTML paper (`figure.ltx_figure img.ltx_graphics`), as an
 * absolute https URL on arxiv.org; null when there is none. Read with patterns because a
 * service worker has no DOMParser; only the URL is kept, never the markup.
 */
export function firstFigureUrl(html: string, pageUrl: string): string | null {
  for (const figure of html.matchAll(FIGURE)) {
    const img = GRAPHIC.exec(figure[1] ?? '');
    const src = img ? SRC.exec(img[0])?.[1] : undefined;
    if (!src) continue;
    let url: URL;
    try {
      url = new URL(src.replace(/&amp;/g, '&'), pageUrl);
    } catch {
      continue;
    }
    if (url.protocol === 'https:' && url.hostname === 'arxiv.org' && IMAGE_PATH.test(url.pathname)) return url.href;
  }
  return null;
}
