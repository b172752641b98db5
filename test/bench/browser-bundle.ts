import { join } from 'node:path';
import { build, type Rolldown } from 'vite';

const ROOT = join(import.meta.dirname, '../..');

/**
 * The benchmark's in-browser code (in-browser/bench-entry.ts: the extension's own ingest and
 * database modules) as one script that defines `paperRadarBench`. The extension's pages
 * allow no inline script (CSP), so it is evaluated through the DevTools protocol instead,
 * in the extension's service worker, where ingest runs during a sync.
 */
export async function benchBundle(): Promise<string> {
  const output = (await build({
    root: ROOT,
    configFile: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      emptyOutDir: false,
      lib: { entry: join(import.meta.dirname, 'in-browser/bench-entry.ts'), formats: ['iife'], name: 'paperRadarBench', fileName: 'bench' },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const first = Array.isArray(output) ? output[0] : output;
  const chunk = first?.output.find((item) => item.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('the benchmark bundle was not built');
  return chunk.code;
}
