import { useCallback, useEffect, useState } from 'preact/hooks';
import { getSettings, updateSettings, watchSettings, type Settings } from '../../lib/settings';

/** The settings, current (a change in another page shows at once), and a way to change them. */
export function useSettings(): [Settings | null, (changes: Partial<Settings>) => Promise<void>] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let current = true;
    void getSettings().then((loaded) => current && setSettings(loaded));
    const unwatch = watchSettings((next) => setSettings(next));
    return () => {
      current = false;
      unwatch();
    };
  }, []);
  const change = useCallback(async (changes: Partial<Settings>) => {
    setSettings(await updateSettings(changes));
  }, []);
  return [settings, change];
}

/** The page follows the theme setting; base.css reads `data-theme` on <html>. */
export function useTheme(theme: Settings['theme'] | undefined): void {
  useEffect(() => {
    if (theme) document.documentElement.dataset.theme = theme;
  }, [theme]);
}
