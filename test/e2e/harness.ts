import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { FakeArxiv } from './fake-arxiv';

export const EXTENSION_DIR = join(import.meta.dirname, '../../.output/chrome-mv3');
export const ARTIFACTS_DIR = join(import.meta.dirname, '../../test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Harness {
  context: BrowserContext;
  fake: FakeArxiv;
  extensionId: string;
  /** The browser's profile: its processes carry it on their command line. */
  userDataDir: string;
  /** The extension's service worker (the current one, after restarts). */
  worker(): Promise<Worker>;
  /** Opens an extension page such as `newtab.html`. */
  open(path: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  fake?: FakeArxiv;
  /** Keep the digest tab that installing opens (the first-run test is about it). */
  keepWelcome?: boolean;
  /** The unpacked extension to load; the build in `.output/chrome-mv3` by default. */
  extensionDir?: string;
  /** Other hosts to send to the fake (a host a hostile answer points to). */
  extraHosts?: string[];
}

/** Debian's Chromium, headless, with the built extension and arXiv's hosts mapped to the fake. */
export async function launch(options: LaunchOptions = {}): Promise<Harness> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const fake = options.fake ?? new FakeArxiv();
  const port = fake.port || (await fake.start());
  const userDataDir = mkdtempSync(join(tmpdir(), 'paper-radar-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${['export.arxiv.org', 'arxiv.org', 'www.arxiv.org', ...(options.extraHosts ?? [])].map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ')}`,
      // The service worker's fetches are not covered by Playwright's ignoreHTTPSErrors.
      '--ignore-certificate-errors',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const worker = async (): Promise<Worker> => {
    const live = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return live ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
  };
  const extensionId = new URL((await worker()).url()).host;
  if (!options.keepWelcome) await closeWelcome(context);
  return {
    context,
    fake,
    extensionId,
    userDataDir,
    worker,
    async open(path: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      await fake.stop();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Installing opens the digest in a tab of its own. Headless, every tab counts as visible, so
 * that tab would keep drawing its sync indicator's animation through every sync of the test
 * (in software, half a core). Tests that are not about the first run close it.
 */
async function closeWelcome(context: BrowserContext): Promise<void> {
  const end = Date.now() + 10_000;
  while (Date.now() < end) {
    const welcome = context.pages().find((page) => page.url().endsWith('/newtab.html'));
    if (welcome) return welcome.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('installing the extension did not open the digest');
}

/** Reads a whole store of the extension's database with the raw IndexedDB API, in a page or the worker. */
export async function readStore<T = unknown>(page: Page | Worker, store: string): Promise<T[]> {
  return (page as Page).evaluate(
    (name: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('paper-radar');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => {
            resolve(request.result);
            db.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  ) as Promise<T[]>;
}

/** Every stored paper, as the extension's database holds them (one record each). */
export const readStoredPapers = <T = unknown>(page: Page | Worker): Promise<T[]> => readStore<T>(page, 'papers');

export async function sendMessage<T = unknown>(page: Page, type: string, data: unknown): Promise<T> {
  return page.evaluate(
    async ([t, d]) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
      const reply = (await runtime.sendMessage({ type: t, data: d })) as { ok: boolean; value?: unknown; error?: string };
      if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
      return reply.value;
    },
    [type, data] as const,
  ) as Promise<T>;
}

/** The smallest gap between two consecutive API requests, in ms. */
export function minimumGap(times: number[]): number {
  let min = Infinity;
  for (let i = 1; i < times.length; i++) min = Math.min(min, times[i]! - times[i - 1]!);
  return min;
}

export interface SyncStateRow {
  state: string;
  message?: string;
  retryAt?: number;
}

/** The sync status the pages show, read from the extension's database. */
export async function syncState(page: Page | Worker): Promise<SyncStateRow> {
  const meta = await readStore<{ key: string; value: SyncStateRow }>(page, 'meta');
  return meta.find((m) => m.key === 'syncState')?.value ?? { state: 'idle' };
}

/** Adds a keyword subscription the way a user does, in the options page, and waits for its first sync. */
export async function subscribe(options: Page, keyword: string, expectedPapers: number): Promise<void> {
  await options.getByTestId('subscription-input').fill(keyword);
  await options.getByTestId('subscription-input').press('Enter');
  const until = Date.now() + 60_000;
  while ((await readStoredPapers(options)).length < expectedPapers || (await syncState(options)).state !== 'ok') {
    if (Date.now() > until) throw new Error(`the first sync of "${keyword}" did not finish`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

declare const chrome: {
  action: { getBadgeText(details: object): Promise<string> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
};

export async function badgeText(h: Harness): Promise<string> {
  return (await h.worker()).evaluate(() => chrome.action.getBadgeText({}));
}

export async function notificationIds(h: Harness): Promise<string[]> {
  return Object.keys(await (await h.worker()).evaluate(() => chrome.notifications.getAll()));
}

/**
 * The wait arXiv asked for with a Retry-After (120 s from the fake) is over: the extension
 * stores until when it holds its requests (lib/background/spacing-store.ts), and a test that
 * goes on at once to the recovery moves that time to now instead of waiting it out.
 */
export async function letRetryAfterPass(h: Harness): Promise<void> {
  await (await h.worker()).evaluate(() => chrome.storage.local.set({ 'arxiv.heldUntil': 0 }));
}
