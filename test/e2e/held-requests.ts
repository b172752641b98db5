import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { FakeArxiv } from './fake-arxiv';

/** One API request the fake holds: it has arrived when `arrived` resolves, and is answered on `release()`. */
export interface HeldRequest {
  arrived: Promise<void>;
  release(): void;
}

/**
 * Lets a test hold chosen API requests of a started FakeArxiv before they are answered, so a
 * sync stays in progress for as long as the test needs (a slow arXiv, without a timeout).
 * `hold(n)` holds the n-th API request from now (1 = the next one). The fake's own handler
 * answers once released, so its log records the answer's time.
 */
export function holdRequests(fake: FakeArxiv): { hold(nth: number): HeldRequest } {
  // The server is the fake's own; it is wrapped, not replaced, so every other behaviour stays.
  const server = Reflect.get(fake, 'server') as Server | null;
  if (!server) throw new Error('start the fake arXiv first');
  const [answer] = server.listeners('request') as RequestListener[];
  if (!answer) throw new Error('the fake arXiv has no request handler');
  const held = new Map<number, { arrive: () => void; released: Promise<void> }>();
  let seen = 0;
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const isApi = (req.headers.host ?? '').startsWith('export.arxiv.org') && (req.url ?? '').startsWith('/api/query');
    const hold = isApi ? held.get(++seen) : undefined;
    if (!hold) return void answer.call(server, req, res);
    hold.arrive();
    void hold.released.then(() => answer.call(server, req, res));
  });
  return {
    hold(nth: number): HeldRequest {
      let arrive = () => {};
      let release = () => {};
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      held.set(seen + nth, { arrive, released });
      return { arrived, release };
    },
  };
}
