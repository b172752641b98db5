const FIGURE_CLASS = /\bclass="[^"]*\bltx_figure\b/i;
const GRAPHIC_CLASS = /\bclass="[^"]*\bltx_graphics\b/i;
const SRC = /\bsrc="([^"]+)"/i;
const IMAGE_PATH = /\.(?:png|jpe?g|gif|svg|webp)$/i;
/** The longest tag looked at: a tag of more is not arXiv's markup. */
const MAX_TAG = 2000;

/**
 * The first figure of an arXiv HTML paper (`figure.ltx_figure img.ltx_graphics`), as an
 * absolute https URL on arxiv.org; null when there is none. Read without a DOM (a service
 * worker has no DOMParser) in one pass from left to right, tag by tag, keeping count of the
 * `ltx_figure`s open: linear however the markup is broken (thousands of unclosed figures or
 * images). Only the URL is kept, never the markup.
 */
export function firstFigureUrl(html: string, pageUrl: string): string | null {
  const lower = html.toLowerCase();
  // A figure must be closed to count; an image after the last close is in none.
  const lastClose = lower.lastIndexOf('</figure>');
  const open: boolean[] = []; // for each <figure> open: whether it is an ltx_figure
  let inFigures = 0;
  let tagEnd = -1;
  for (let at = lower.indexOf('<'); at >= 0 && at < lastClose; at = lower.indexOf('<', at + 1)) {
    // Tags that start before the last '>' found end there too: each '>' is searched for once.
    if (tagEnd < at) tagEnd = lower.indexOf('>', at);
    if (tagEnd < 0) return null;
    if (lower.startsWith('</figure', at)) {
      if (open.pop()) inFigures--;
    } else if (lower.startsWith('<figure', at) && /[\s>]/.test(lower[at + 7] ?? '')) {
      const isFigure = FIGURE_CLASS.test(html.slice(at, Math.min(tagEnd, at + MAX_TAG)));
      open.push(isFigure);
      if (isFigure) inFigures++;
    } else if (inFigures > 0 && lower.startsWith('<img', at)) {
      const url = graphicUrl(html.slice(at, Math.min(tagEnd + 1, at + MAX_TAG)), pageUrl);
      if (url) return url;
    }
  }
  return null;
}

function graphicUrl(tag: string, pageUrl: string): string | null {
  if (!GRAPHIC_CLASS.test(tag)) return null;
  const src = SRC.exec(tag)?.[1];
  if (!src) return null;
  let url: URL;
  try {
    url = new URL(src.replace(/&amp;/g, '&'), pageUrl);
  } catch {
    return null;
  }
  return url.protocol === 'https:' && url.hostname === 'arxiv.org' && IMAGE_PATH.test(url.pathname) ? url.href : null;
}
