import { useEffect, useRef, useState } from 'preact/hooks';
import { useServices } from './services';

/**
 * How long a new tab stays in view, at a stretch, before its papers count as seen without a
 * touch. Most new tabs are opened to type an address and are gone within seconds; a reader who
 * looks at the cards for this long, or touches the page, has seen them. (Typing in the address
 * bar leaves the page in view: ten seconds of it count too.)
 */
export const LOOK_MS = 10_000;

/** What the reader does on a page they are reading (typing in the address bar reaches no page). */
const READING = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls `onLook` once the reader touches the page (a click, a key, the wheel) or has had it in
 * view for LOOK_MS at a stretch (counted afresh each time it comes back into view); returns what
 * stops watching. Any event counts: the page is the extension's own, where no other script can
 * send one.
 */
function whenLooked(onLook: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = document.visibilityState === 'visible' ? setTimeout(looked, LOOK_MS) : undefined;
  };
  const stop = () => {
    clearTimeout(timer);
    for (const type of READING) window.removeEventListener(type, looked, true);
    document.removeEventListener('visibilitychange', arm);
  };
  function looked() {
    stop();
    onLook();
  }
  for (const type of READING) window.addEventListener(type, looked, { capture: true, passive: true });
  document.addEventListener('visibilitychange', arm);
  arm();
  return stop;
}

/**
 * When the reader last looked before this page: papers added after it are marked new.
 * Undefined until the background answers. Asked once `ready` (the first cards are read), so that
 * the page's first database reads are the cards' and nothing looks before there is something
 * to see (on the Library, not before the digest is shown). The popup is opened to be read, so
 * opening it marks everything seen (the badge clears) at once; a new tab only once the reader
 * has looked (`whenLooked`), so that one opened to go elsewhere leaves the badge and the "New"
 * flags alone.
 */
export function useSeenAt(ready: boolean, seen: 'when opened' | 'when looked at'): number | undefined {
  const services = useServices();
  const [seenAt, setSeenAt] = useState<number>();
  const asked = useRef(false);
  const stopWatching = useRef<(() => void) | undefined>(undefined);
  useEffect(() => () => stopWatching.current?.(), []);
  useEffect(() => {
    if (!ready || asked.current) return;
    asked.current = true;
    // Without an answer nothing is marked new; the cards are all still there.
    const ignore = () => undefined;
    if (seen === 'when opened') {
      services.send('markSeen', {}).then((reply) => setSeenAt(reply.previousSeenAt), ignore);
      return;
    }
    services.send('lastSeen', {}).then((reply) => setSeenAt(reply.seenAt), ignore);
    stopWatching.current = whenLooked(() => void services.send('markSeen', {}).catch(ignore));
  }, [services, ready, seen]);
  return seenAt;
}
