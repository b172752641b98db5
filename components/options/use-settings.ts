import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
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
  // updateSettings reads, then writes: changes made in quick succession wait their turn, or the
  // second would write over the first.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const change = useCallback((changes: Partial<Settings>) => {
    const next = queue.current.then(() => updateSettings(changes)).then(setSettings);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);
  return [settings, change];
}

/** The page follows the theme setting; base.css reads `data-theme` on <html>. */
export function useTheme(theme: Settings['theme'] | undefined): void {
  useEffect(() => {
    if (theme) document.documentElement.dataset.theme = theme;
  }, [theme]);
}
