export type Theme = 'light' | 'dark';

/** What reading the theme needs from the page's window. */
export type ThemeView = Pick<Window, 'getComputedStyle' | 'matchMedia'>;

/** The elements whose attributes can switch the theme, and the attributes that do. */
export const THEME_ATTRIBUTES = ['data-theme', 'class', 'style'] as const;

// rgb(1, 2, 3), rgba(1, 2, 3, 0.5), rgb(1 2 3 / 50%): the forms browsers compute colors to.
const RGB = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/i;
// #rgb and #rrggbb(aa), as some DOM implementations report computed colors.
const HEX = /^#([\da-f]{3}|[\da-f]{6}|[\da-f]{8})$/i;

/** [r, g, b] in 0..255 and alpha in 0..1, or null for a color in another form. */
function parseColor(color: string): [number, number, number, number] | null {
  const rgb = RGB.exec(color.trim());
  if (rgb) {
    const [, r, g, b, a, percent] = rgb;
    const alpha = a === undefined ? 1 : Number(a) / (percent ? 100 : 1);
    return [Number(r), Number(g), Number(b), alpha];
  }
  const hex = HEX.exec(color.trim())?.[1];
  if (hex === undefined) return null;
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  const byte = (i: number) => Number.parseInt(full.slice(i, i + 2), 16);
  return [byte(0), byte(2), byte(4), full.length === 8 ? byte(6) / 255 : 1];
}

/** Relative luminance (0 black .. 1 white) of a computed color, or null when it is mostly transparent. */
export function opaqueLuminance(color: string): number | null {
  const parsed = parseColor(color);
  if (!parsed || parsed[3] < 0.5) return null;
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(parsed[0]) + 0.7152 * linear(parsed[1]) + 0.0722 * linear(parsed[2]);
}

function markedTheme(element: Element): Theme | null {
  const marked = element.getAttribute('data-theme');
  if (marked === 'dark' || marked === 'light') return marked;
  return element.classList.contains('dark') ? 'dark' : null;
}

/**
 * Whether the page is showing itself light or dark. An explicit mark on `<html>` or `<body>`
 * wins (`data-theme="dark|light"`, as arXiv's HTML papers set it, or a `dark` class); otherwise
 * the background the page actually paints decides, which follows whatever media queries its
 * stylesheets use; a page that paints none is dark only when it opts into a dark color scheme
 * and the reader prefers one. The listing, search and abstract captures carry no mark at all.
 */
export function pageTheme(doc: Document, view: ThemeView | null): Theme {
  const elements = [doc.documentElement, doc.body].filter((element): element is HTMLElement => element !== null);
  for (const element of elements) {
    const marked = markedTheme(element);
    if (marked) return marked;
  }
  if (!view) return 'light';
  for (const element of [...elements].reverse()) {
    const luminance = opaqueLuminance(view.getComputedStyle(element).backgroundColor);
    if (luminance !== null) return luminance < 0.2 ? 'dark' : 'light';
  }
  const scheme = doc.documentElement ? view.getComputedStyle(doc.documentElement).colorScheme : '';
  return /\bdark\b/.test(scheme ?? '') && view.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
