import { THEMES, type Theme } from '../schema/limits';

/** Where the last theme is kept so the next page paints in it before settings have loaded. */
export const THEME_CACHE_KEY = 'paper-radar:theme';

/** 'system' leaves the choice to the stylesheet's prefers-color-scheme rules. */
export function applyTheme(root: HTMLElement, theme: Theme): void {
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}

export function cachedTheme(storage: Pick<Storage, 'getItem'>): Theme {
  try {
    const value = storage.getItem(THEME_CACHE_KEY);
    return (THEMES as readonly unknown[]).includes(value) ? (value as Theme) : 'system';
  } catch {
    return 'system'; // storage can be unavailable (private modes, tests); the system theme is safe
  }
}

export function cacheTheme(storage: Pick<Storage, 'setItem'>, theme: Theme): void {
  try {
    storage.setItem(THEME_CACHE_KEY, theme);
  } catch {
    // Without the cache the next page paints in the system theme for a moment; nothing breaks.
  }
}
