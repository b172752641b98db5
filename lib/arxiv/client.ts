import { parseAtomPage } from './atom';
import type { AtomFeed } from './entry';
import { ArxivApiError, FeedFormatError } from './errors';
import { readBody, TooLargeError } from './read-body';
import { RequestGate, type RequestSpacingStore } from './request-gate';

/** Why arXiv could not be used right now; each has a message a researcher understands. */
export type UnavailableReason =
  | 'offline'
  | 'network'
  | 'timeout'
  | 'rate-limited'
  | 'server-error'
  | 'bad-response'
  | 'empty-page';

export type FetchFeedResult =
  /** `skipped`: entries of the page left out (impossible dates; see parseAtomPage). */
  | { kind: 'ok'; feed: AtomFeed; skipped: number }
  | { kind: 'arxiv-error'; message: string; code: string }
  | { kind: 'unavailable'; reason: UnavailableReason; message: string; retryAt: number };

export type FetchTextResult =
  | { kind: 'ok'; text: string; status: number }
  | { kind: 'failed'; status: number; message: string };

export interface ClientOptions {
  fetch: typeof globalThis.fetch;
  /** Epoch ms. */
  now: () => number;
  /** Resolves after `ms`, or rejects early when `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Where the time of the last request lives, so a restarted worker still waits. */
  spacing: RequestSpacingStore;
  random?: () => number;
  isOnline?: () => boolean;
  timeoutMs?: number;
  /** Attempts per call, the first one included. */
  maxAttempts?: number;
  /** Longest wait between attempts inside one call; longer waits end the call with a retry time. */
  maxInlineWaitMs?: number;
}

export const MIN_REQUEST_SPACING_MS = 3_000;
/**
 * The most read of one answer. A page of 100 API entries is a few hundred KB (the longest author
 * lists make an entry about 100 KB); an HTML paper runs to several MB, and its first figure is
 * near the top, so a longer page is read only that far.
 */
export const MAX_API_BYTES = 4 * 1024 * 1024;
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;
const BACKOFF_BASE_MS = 4_000;
/** When all attempts failed, the engine tries again this much later (unless arXiv said when). */
const GIVE_UP_RETRY_MS = 15 * 60_000;
/**
 * Sooner when arXiv could not be reached at all: nothing reached arXiv, and a connection that
 * drops (hotel or train Wi-Fi) is often back in minutes, without the browser ever saying offline.
 */
const UNREACHED_RETRY_MS = 5 * 60_000;

type Attempt =
  | { done: true; result: FetchFeedResult }
  | { done: false; reason: UnavailableReason; message: string; retryAfterMs?: number };

class TimeoutError extends Error {}

/** arXiv's address answered with a redirect: not followed (see `exchange`). */
class RedirectError extends Error {}
const HELD_MESSAGE = 'arXiv asked Paper Radar to wait a while before asking again.';
const REDIRECT_MESSAGE = 'arXiv’s address sent Paper Radar to another address (a redirect), which it does not follow; nothing was read.';

/** Reads `Retry-After` as seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function httpFailure(status: number, retryAfterMs: number | undefined): Attempt {
  if (status === 429) {
    return { done: false, reason: 'rate-limited', message: 'arXiv asked Paper Radar to slow down (HTTP 429).', retryAfterMs };
  }
  if (status >= 500) {
    return { done: false, reason: 'server-error', message: `arXiv's API is having trouble (HTTP ${status}).`, retryAfterMs };
  }
  return {
    done: true,
    result: {
      kind: 'unavailable',
      reason: 'bad-response',
      message: `arXiv refused the request (HTTP ${status}).`,
      retryAt: 0,
    },
  };
}

function interpretBody(status: number, body: string, start: number, now: number): Attempt {
  try {
    const { feed, skipped } = parseAtomPage(body, now);
    if (status !== 200) return httpFailure(status, undefined);
    if (feed.entries.length + skipped.length === 0 && feed.totalResults > start) {
      return {
        done: false,
        reason: 'empty-page',
        message: `arXiv sent an empty page although it reported ${feed.totalResults} results (a known arXiv hiccup).`,
      };
    }
    return { done: true, result: { kind: 'ok', feed, skipped: skipped.length } };
  } catch (error) {
    if (error instanceof ArxivApiError) {
      return { done: true, result: { kind: 'arxiv-error', message: `arXiv rejected the query: ${error.message}.`, code: error.code } };
    }
    if (status !== 200) return httpFailure(status, undefined);
    const detail = error instanceof FeedFormatError ? error.message : 'The response from arXiv could not be read.';
    return { done: false, reason: 'bad-response', message: detail };
  }
}

/**
 * The one way Paper Radar talks to arXiv's API: one request at a time, at least 3 s apart
 * (even across worker restarts), a timeout for hung connections, and retries with
 * exponential backoff and jitter for the failures that pass. Never retries an error feed.
 */
export class ArxivClient {
  private readonly gate: RequestGate;
  private readonly options: Required<ClientOptions>;

  constructor(options: ClientOptions) {
    this.options = {
      random: Math.random,
      isOnline: () => true,
      timeoutMs: DEFAULT_TIMEOUT_MS,
      maxAttempts: 3,
      maxInlineWaitMs: 60_000,
      ...options,
    };
    this.gate = new RequestGate(options.spacing, options.now, options.sleep, MIN_REQUEST_SPACING_MS);
  }

  /**
   * Fetches one API page. `start` is the page's offset, to recognise arXiv's empty-page hiccup;
   * `onRetry` hears why an attempt failed when another follows (a hung request takes 30 s).
   */
  async fetchFeed(url: string, start = 0, onRetry?: (message: string) => Promise<void>): Promise<FetchFeedResult> {
    const { maxAttempts, maxInlineWaitMs, now } = this.options;
    const held = await this.gate.heldFor();
    // Asked again before arXiv's Retry-After ran out ("Sync now", a retry): nothing is sent.
    if (held > maxInlineWaitMs) return { kind: 'unavailable', reason: 'rate-limited', message: HELD_MESSAGE, retryAt: now() + held };
    if (held > 0) await this.options.sleep(held);
    let last: Extract<Attempt, { done: false }> | undefined;
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const outcome = await this.gate.run(
        () => this.attempt(url, start),
        (heldMs): Attempt => ({ done: false, reason: 'rate-limited', message: HELD_MESSAGE, retryAfterMs: heldMs }),
      );
      if (outcome.done) return outcome.result;
      last = outcome;
      if (outcome.retryAfterMs) await this.gate.holdUntil(now() + outcome.retryAfterMs);
      if (outcome.reason === 'offline') break;
      const wait = Math.max(outcome.retryAfterMs ?? 0, this.backoff(attempt));
      if (attempt === maxAttempts - 1 || wait > maxInlineWaitMs) break;
      await onRetry?.(outcome.message);
      await this.options.sleep(wait);
    }
    const failure = last as Extract<Attempt, { done: false }>;
    return {
      kind: 'unavailable',
      reason: failure.reason,
      message: failure.message,
      retryAt: now() + Math.max(failure.retryAfterMs ?? 0, failure.reason === 'network' ? UNREACHED_RETRY_MS : GIVE_UP_RETRY_MS),
    };
  }

  /**
   * Fetches a page from arxiv.org (an HTML version, for its first figure) under the same
   * spacing and timeout as the API. One attempt: these are optional extras.
   */
  async fetchText(url: string): Promise<FetchTextResult> {
    const held: FetchTextResult = { kind: 'failed', status: 0, message: HELD_MESSAGE };
    if ((await this.gate.heldFor()) > 0) return held;
    return this.gate.run(async () => {
      try {
        const { status, body } = await this.exchange(url, MAX_PAGE_BYTES, true);
        if (status !== 200) return { kind: 'failed', status, message: `arXiv answered HTTP ${status}.` };
        return { kind: 'ok', status, text: body };
      } catch (error) {
        const message =
          error instanceof TimeoutError ? 'arXiv did not answer in time.' : error instanceof RedirectError ? REDIRECT_MESSAGE : 'Could not reach arXiv.';
        return { kind: 'failed', status: 0, message };
      }
    }, () => held);
  }

  private backoff(attempt: number): number {
    const exponential = BACKOFF_BASE_MS * 2 ** attempt;
    return Math.round(exponential * (0.5 + this.options.random() * 0.5));
  }

  /**
   * One request and its body, abandoned with a `TimeoutError` when the whole exchange takes too
   * long. Redirects are refused: arXiv's API and HTML papers answer at the address asked, and a
   * redirect elsewhere would send the query (or read papers) from another host.
   */
  private async exchange(url: string, maxBytes = MAX_API_BYTES, keepPrefix = false): Promise<{ status: number; body: string; retryAfterMs?: number }> {
    const { fetch, sleep, timeoutMs, now } = this.options;
    const request = new AbortController();
    const timer = new AbortController();
    const timeout = sleep(timeoutMs, timer.signal).then(
      () => {
        request.abort();
        throw new TimeoutError();
      },
      () => undefined,
    );
    const exchange = (async () => {
      const response = await fetch(url, { signal: request.signal, credentials: 'omit', cache: 'no-store', redirect: 'manual' });
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        await response.body?.cancel();
        throw new RedirectError();
      }
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
      return { status: response.status, body: (await readBody(response, maxBytes, { keepPrefix })).text, retryAfterMs };
    })();
    try {
      return (await Promise.race([exchange, timeout]))!;
    } finally {
      timer.abort();
    }
  }

  private async attempt(url: string, start: number): Promise<Attempt> {
    const { timeoutMs, isOnline } = this.options;
    if (!isOnline()) {
      return { done: false, reason: 'offline', message: 'Your browser is offline.' };
    }
    try {
      const { status, body, retryAfterMs } = await this.exchange(url);
      if (status === 429 || status >= 500) return httpFailure(status, retryAfterMs);
      return interpretBody(status, body, start, this.options.now());
    } catch (error) {
      if (error instanceof TimeoutError) {
        return { done: false, reason: 'timeout', message: `arXiv did not answer within ${Math.round(timeoutMs / 1000)} seconds.` };
      }
      if (error instanceof TooLargeError) return { done: false, reason: 'bad-response', message: error.message };
      if (error instanceof RedirectError) return { done: false, reason: 'bad-response', message: REDIRECT_MESSAGE };
      if (!isOnline()) return { done: false, reason: 'offline', message: 'Your browser is offline.' };
      return { done: false, reason: 'network', message: 'Could not reach arXiv (network error).' };
    }
  }
}
