import { applyTheme, cacheTheme, cachedTheme } from '../../lib/ui/theme';

/**
 * Paints in the last known theme at once, then follows the settings (and changes made in
 * Options while this page is open). Settings load after the first paint: they are not needed
 * for it.
 */
export function startTheme(root: HTMLElement, storage: Pick<Storage, 'getItem' | 'setItem'>): void {
  applyTheme(root, cachedTheme(storage));
  void import('../../lib/settings').then(({ getSettings, watchSettings }) => {
    const follow = ({ theme }: { theme: 'system' | 'light' | 'dark' }) => {
      applyTheme(root, theme);
      cacheTheme(storage, theme);
    };
    void getSettings().then(follow, () => undefined);
    watchSettings(follow);
  });
}
