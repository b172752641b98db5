import { describe, expect, it } from 'vitest';
import { opaqueLuminance, pageTheme, type ThemeView } from '../../../lib/content/theme';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** A window whose computed backgrounds and color scheme preference the test chooses. */
function view(backgrounds: { html?: string; body?: string } = {}, prefersDark = false, colorScheme = ''): ThemeView {
  return {
    getComputedStyle: (element: Element) =>
      ({
        backgroundColor: (element.tagName === 'BODY' ? backgrounds.body : backgrounds.html) ?? 'rgba(0, 0, 0, 0)',
        colorScheme,
      }) as CSSStyleDeclaration,
    matchMedia: (query: string) => ({ matches: prefersDark && query === '(prefers-color-scheme: dark)' }) as MediaQueryList,
  };
}

describe('opaqueLuminance', () => {
  it('reads the forms browsers compute colors to', () => {
    expect(opaqueLuminance('rgb(255, 255, 255)')).toBeCloseTo(1);
    expect(opaqueLuminance('rgb(0 0 0)')).toBe(0);
    expect(opaqueLuminance('rgba(30, 30, 30, 0.9)')).toBeCloseTo(0.0128, 3);
    expect(opaqueLuminance('#b31b1b')).toBeCloseTo(0.1, 1);
  });

  it('gives null for transparent and unreadable colors', () => {
    expect(opaqueLuminance('rgba(0, 0, 0, 0)')).toBeNull();
    expect(opaqueLuminance('rgb(0 0 0 / 10%)')).toBeNull();
    expect(opaqueLuminance('transparent')).toBeNull();
    expect(opaqueLuminance('color(display-p3 1 1 1)')).toBeNull();
  });
});

describe('pageTheme', () => {
  it('follows an explicit mark on <html> or <body>', () => {
    expect(pageTheme(parse('<html data-theme="dark"><body></body></html>'), view())).toBe('dark');
    expect(pageTheme(parse('<html><body class="dark"></body></html>'), view())).toBe('dark');
    // The mark wins over the paint: arXiv's HTML papers set it before their styles apply.
    expect(pageTheme(parse('<html data-theme="light"><body></body></html>'), view({ body: 'rgb(20, 20, 20)' }))).toBe('light');
  });

  it('otherwise follows the background the page paints, body first', () => {
    const doc = parse('<html><body></body></html>');
    expect(pageTheme(doc, view({ body: 'rgb(18, 18, 18)' }))).toBe('dark');
    expect(pageTheme(doc, view({ html: 'rgb(18, 18, 18)' }))).toBe('dark');
    expect(pageTheme(doc, view({ html: 'rgb(18, 18, 18)', body: 'rgb(255, 255, 255)' }))).toBe('light');
  });

  it('is dark on an unpainted page only when it opts into dark and the reader prefers it', () => {
    const doc = parse('<html><body></body></html>');
    expect(pageTheme(doc, view({}, true))).toBe('light');
    expect(pageTheme(doc, view({}, true, 'light dark'))).toBe('dark');
    expect(pageTheme(doc, view({}, false, 'light dark'))).toBe('light');
    expect(pageTheme(doc, null)).toBe('light');
  });
});
