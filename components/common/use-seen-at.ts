import { useEffect, useRef, useState } from 'preact/hooks';
import { useServices } from './services';

/**
 * Tells the background the reader is looking (it clears the badge) and returns when they last
 * looked before: papers added after it are marked new. Undefined until the background answers.
 * Sent once `ready` (the first cards are read): the background recounts the badge from the
 * database, and the cards should not queue behind that.
 */
export function useSeenAt(ready: boolean): number | undefined {
  const services = useServices();
  const [seenAt, setSeenAt] = useState<number>();
  const asked = useRef(false);
  useEffect(() => {
    if (!ready || asked.current) return;
    asked.current = true;
    services.send('markSeen', {}).then(
      (reply) => setSeenAt(reply.previousSeenAt),
      () => undefined, // without an answer nothing is marked new; the cards are all still there
    );
  }, [services, ready]);
  return seenAt;
}
