import { useEffect, useState } from 'preact/hooks';
import { useServices } from './services';

/**
 * Tells the background the reader is looking (it clears the badge) and returns when they last
 * looked before: papers added after it are marked new. Undefined until the background answers.
 */
export function useSeenAt(): number | undefined {
  const services = useServices();
  const [seenAt, setSeenAt] = useState<number>();
  useEffect(() => {
    services.send('markSeen', {}).then(
      (reply) => setSeenAt(reply.previousSeenAt),
      () => undefined, // without an answer nothing is marked new; the cards are all still there
    );
  }, [services]);
  return seenAt;
}
