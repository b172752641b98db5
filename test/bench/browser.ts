import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, launch, type Harness } from '../e2e/harness';

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
  const h = await launch({ extensionDir });
  return {
    ...h,
    extensionDir,
    async close() {
      await h.close();
      rmSync(extensionDir, { recursive: true, force: true });
    },
  };
}
