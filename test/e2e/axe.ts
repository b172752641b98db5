import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// axe-core's own build, pinned in package.json. It is evaluated through the DevTools protocol,
// which the extension pages' script-src 'self' does not apply to (a <script> tag would be refused).
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface Violation {
  rule: string;
  impact: string;
  help: string;
  /** Each failing element: its selector, and why it fails. */
  nodes: string[];
}

/**
 * The serious and critical WCAG A/AA violations axe finds on the page as it is now. "Label in
 * name" (2.5.3: the visible text is part of the accessible name) is experimental in axe and off
 * by default; it is on here.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    interface AxeViolation {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: unknown[]; failureSummary?: string }[];
    }
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      rules: { 'label-content-name-mismatch': { enabled: true } },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`),
    }));
  }, WCAG_AA);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Headings that skip a level on the way down ("h1 → h3"), as "h1 → h3: <text>". axe reports this
 * only as a best practice of moderate impact; screen reader users navigate by it all the same.
 */
export async function headingSkips(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const skips: string[] = [];
    let previous = 0;
    for (const heading of document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')) {
      if (heading.closest('[hidden], dialog:not([open])')) continue;
      const level = Number(heading.tagName[1]);
      if (previous > 0 && level > previous + 1) skips.push(`h${previous} → h${level}: ${heading.textContent?.trim().slice(0, 60)}`);
      previous = level;
    }
    return skips;
  });
}
