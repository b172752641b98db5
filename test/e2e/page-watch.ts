import type { BrowserContext, Page } from 'playwright-core';

/** What went wrong in the pages of a browser context, as the pages reported it. */
export interface PageTrouble {
  /** `console.error` lines and uncaught errors, each with the page's address. */
  errors: string[];
}

/**
 * Records every console error and uncaught error of the context's pages (extension pages and
 * arXiv tabs alike), and has every page record Content-Security-Policy violations in
 * `window.__cspViolations` from its first script on. Init scripts run in extension pages too:
 * they are injected by DevTools, outside the page's CSP.
 */
export async function watchPages(context: BrowserContext): Promise<PageTrouble> {
  const trouble: PageTrouble = { errors: [] };
  await context.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      w.__cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') trouble.errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => trouble.errors.push(`${page.url()}: uncaught ${error.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return trouble;
}

export interface CanaryReport {
  url: string;
  /** `window.__pwned` in the page's own world: set only if a payload ran there. */
  pwned: unknown;
  cspViolations: string[];
}

/** The canary global and the CSP violations a page has recorded so far. */
export async function canaryIn(page: Page): Promise<CanaryReport> {
  const seen = await page.evaluate(() => {
    const w = window as unknown as { __pwned?: unknown; __cspViolations?: string[] };
    return { pwned: w.__pwned ?? null, cspViolations: w.__cspViolations ?? ['(the violation listener is missing)'] };
  });
  return { url: page.url(), ...seen };
}
