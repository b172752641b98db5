import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ArxivProxy } from './arxiv-proxy';
import { FakeArxiv } from './fake-arxiv';

const OUTPUT_DIR = join(import.meta.dirname, '../../.output');
/** The unpacked Firefox build (`wxt build -b firefox`). */
const FIREFOX_BUILD_DIR = join(OUTPUT_DIR, 'firefox-mv2');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * How the add-on gets into Firefox: `temporary` loads the unpacked build as about:debugging's
 * *Load Temporary Add-on* does; `permanent` installs the package for addons.mozilla.org
 * (`wxt zip -b firefox`) as a user installs an add-on file.
 */
export type InstallKind = 'temporary' | 'permanent';

export interface FirefoxHarness {
  browser: Browser;
  fake: FakeArxiv;
  /** A new, empty page in a window of its own. */
  newPage(): Promise<Page>;
  /** Opens an extension page such as `newtab.html` in a new window. */
  open(path: string): Promise<Page>;
  /** The open tab whose address ends with `suffix` (Firefox knows the address; puppeteer may not). */
  tabAt(suffix: string): Promise<Page | undefined>;
  /** Errors the extension logged or threw, in any of its pages, its background page or its content script. */
  errors(): string[];
  close(): Promise<void>;
}

/** The AMO package `wxt zip -b firefox` wrote last (not the sources archive beside it). */
function firefoxPackage(): string {
  const packages = readdirSync(OUTPUT_DIR)
    .filter((file) => file.endsWith('-firefox.zip'))
    .map((file) => join(OUTPUT_DIR, file))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!packages[0]) throw new Error('no Firefox package in .output: run `npx wxt zip -b firefox` first');
  return packages[0];
}

/** Debian's Firefox ESR, headless, with the add-on installed and arXiv's hosts served by the fake. */
export async function launchFirefox(install: InstallKind): Promise<FirefoxHarness> {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_BUILD_DIR, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const addonId = manifest.browser_specific_settings.gecko.id;
  const uuid = randomUUID();
  const fake = new FakeArxiv();
  const proxy = new ArxivProxy(await fake.start());
  const proxyPort = await proxy.start();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // The fake's certificate is self-signed; in Firefox this covers the background page's fetches too.
    acceptInsecureCerts: true,
    // Without it Firefox's remote agent refuses to open moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: firefoxPrefs(addonId, uuid, proxyPort),
  });
  const errors = watchErrors(browser, `moz-extension://${uuid}/`);
  const close = async () => {
    await browser.close();
    await proxy.stop();
    await fake.stop();
  };
  try {
    await installAddon(browser, install);
  } catch (error) {
    await close();
    throw error;
  }

  const extensionUrl = (path: string) => `moz-extension://${uuid}/${path}`;
  // A window, not a tab: Firefox 140 opens a new tab in the most recent window of any kind, and
  // fails when that is the window of the extension's "new papers" notification.
  const newPage = () => browser.newPage({ type: 'window' });
  const tabAt = async (suffix: string) => {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.endsWith(suffix)) return page;
    }
    return undefined;
  };
  return {
    browser,
    fake,
    newPage,
    async open(path: string) {
      const page = await newPage();
      await navigate(page, extensionUrl(path));
      return page;
    },
    tabAt,
    errors: () => [...errors],
    close,
  };
}

function firefoxPrefs(addonId: string, uuid: string, proxyPort: number): Record<string, unknown> {
  return {
    // Fixes the moz-extension:// host, which Firefox otherwise picks at random per profile.
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
    // The package is unsigned; ESR honours this pref, release builds do not.
    'xpinstall.signatures.required': false,
    // Every request goes through the proxy: arXiv's hosts to the fake, nothing anywhere else.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    // Console messages of web pages and of the extension's pages (its background page too) on stdout.
    'devtools.console.stdout.content': true,
  };
}

/**
 * Loads `url` and waits until its document has loaded. Firefox reports no navigation to
 * moz-extension:// pages over WebDriver BiDi, so puppeteer's `goto` never settles for them: the
 * page's own address and ready state say when it is there.
 */
async function navigate(page: Page, url: string): Promise<void> {
  page.goto(url).catch(() => undefined);
  const until = Date.now() + 15_000;
  for (;;) {
    const ready = await page.evaluate((u) => location.href === u && document.readyState === 'complete', url).catch(() => false);
    if (ready) return;
    if (Date.now() > until) throw new Error(`${url} did not load`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Installs the add-on. Firefox (140 and 153) never answers a permanent install it refuses: this gives up after 30 s. */
async function installAddon(browser: Browser, install: InstallKind): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Firefox did not finish the ${install} install in 30 s`)), 30_000);
  });
  const installing = install === 'temporary' ? browser.installExtension(FIREFOX_BUILD_DIR) : installPermanently(browser, firefoxPackage());
  try {
    await Promise.race([installing, giveUp]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Firefox's own permanent install (as from a file in about:addons), through WebDriver BiDi's
 * `webExtension.install` with Firefox's `moz:permanent`; puppeteer offers only the temporary one.
 */
async function installPermanently(browser: Browser, archive: string): Promise<void> {
  const bidi = (browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }).connection;
  await bidi.send('webExtension.install', { extensionData: { type: 'archivePath', path: archive }, 'moz:permanent': true });
}

/**
 * Collects the extension's errors from Firefox's output: `console.error` calls of its pages and
 * of its background page (stdout, with `devtools.console.stdout.content`), and uncaught errors and
 * unhandled rejections in its own scripts, content script included (stderr, with their
 * moz-extension:// address). A stdout line carries no address; the fake arXiv's pages log no
 * errors, and Firefox's own modules log through named console instances (`console.error: RSLoader:
 * ...`), which only privileged code can create, so those lines are not the extension's.
 */
const FIREFOX_CONSOLE_INSTANCE = /^console\.error: [A-Za-z][\w.-]*: /;

function watchErrors(browser: Browser, origin: string): string[] {
  const errors: string[] = [];
  const child = browser.process();
  const watch = (stream: NodeJS.ReadableStream | null | undefined, isError: (line: string) => boolean) => {
    let rest = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      errors.push(...lines.filter(isError));
    });
  };
  watch(child?.stdout, (line) => line.startsWith('console.error: ') && !FIREFOX_CONSOLE_INSTANCE.test(line));
  watch(child?.stderr, (line) => line.startsWith('JavaScript error:') && line.includes(origin));
  return errors;
}
