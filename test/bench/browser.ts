import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page, type Worker } from 'playwright-core';
import { EXTENSION_DIR, type Harness } from '../e2e/harness';
import { FakeArxiv } from '../e2e/fake-arxiv';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BenchBrowser extends Harness {
  /** The built extension the browser runs: a copy taken at launch. */
  extensionDir: string;
}

/**
 * Chromium with the built extension, as the e2e harness launches it, but from a copy of
 * `.output/chrome-mv3` taken at launch: a build started meanwhile (the tests rebuild it) must
 * not change the extension under measurement.
 */
export async function launchBench(): Promise<BenchBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('no built extension: run `npm run build` first');
  const extensionDir = mkdtempSync(join(tmpdir(), 'paper-radar-bench-ext-'));
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  const fake = new FakeArxiv();
  const port = await fake.start();
  const userDataDir = mkdtempSync(join(tmpdir(), 'paper-radar-bench-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=MAP export.arxiv.org 127.0.0.1:${port}, MAP arxiv.org 127.0.0.1:${port}, MAP www.arxiv.org 127.0.0.1:${port}`,
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
  return {
    context,
    fake,
    extensionId,
    extensionDir,
    worker,
    async open(path: string): Promise<Page> {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      await fake.stop();
      rmSync(userDataDir, { recursive: true, force: true });
      rmSync(extensionDir, { recursive: true, force: true });
    },
  };
}
