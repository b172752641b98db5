import type { VirtualClock } from './virtual-clock';

export type Behaviour =
  | { status?: number; body: string; headers?: Record<string, string> }
  | { hang: true }
  | { networkError: true }
  | { slowBodyMs: number; body: string };

/** A scripted stand-in for `fetch`: answers each call with the next behaviour and logs call times. */
export function scriptedFetch(clock: VirtualClock, script: Behaviour[] | ((url: string, call: number) => Behaviour)) {
  const calls: { url: string; at: number }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const call = calls.length;
    calls.push({ url, at: clock.now() });
    const behaviour = typeof script === 'function' ? script(url, call) : script[Math.min(call, script.length - 1)];
    if (!behaviour) throw new Error('scriptedFetch: script is empty');
    const signal = init?.signal ?? undefined;
    if ('hang' in behaviour) {
      return new Promise<Response>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
    }
    if ('networkError' in behaviour) throw new TypeError('Failed to fetch');
    if ('slowBodyMs' in behaviour) {
      return response(200, {}, async () => {
        await clock.sleep(behaviour.slowBodyMs, signal);
        return behaviour.body;
      });
    }
    return response(behaviour.status ?? 200, behaviour.headers ?? {}, async () => behaviour.body);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

/**
 * The part of `Response` the client reads. The body is a stream of one chunk, made when it is
 * first read: a real `Response` streams over several event-loop turns, which virtual time would
 * mistake for a hung connection.
 */
export function response(status: number, headers: Record<string, string>, text: () => Promise<string>): Response {
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      controller.enqueue(new TextEncoder().encode(await text()));
      controller.close();
    },
  });
  return { status, ok: status >= 200 && status < 300, type: 'basic', headers: { get: (name: string) => lower.get(name.toLowerCase()) ?? null }, text, body } as unknown as Response;
}

export function memorySpacingStore(initial = 0) {
  let last = initial;
  let held = 0;
  return {
    getLastRequestAt: async () => last,
    setLastRequestAt: async (time: number) => {
      last = time;
    },
    getHeldUntil: async () => held,
    setHeldUntil: async (time: number) => {
      held = time;
    },
  };
}

export function gaps(calls: { at: number }[]): number[] {
  return calls.slice(1).map((c, i) => c.at - calls[i]!.at);
}
