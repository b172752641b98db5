import { useEffect, useState } from 'preact/hooks';

/** The time, refreshed every `everyMs`, so "2 h ago" stays true on a tab left open. */
export function useNow(now: () => number, everyMs = 60_000): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setTime(now()), everyMs);
    return () => clearInterval(timer);
  }, [now, everyMs]);
  return time;
}
