import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { entryBlocks, entryId, feedXml } from '../helpers/fake-arxiv-feed';

const FIXTURES = join(import.meta.dirname, '../fixtures/arxiv');
const read = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');

export type Misbehaviour =
  /** Answer normally: lets a test aim a misbehaviour at a later request. */
  | 'pass'
  | '429'
  | '429-retry-after'
  | '503'
  | '503-retry-after'
  | '500'
  | 'hang'
  | 'slow-body'
  | 'truncated'
  | 'html'
  | 'error-feed'
  | 'empty-page'
  /** A body that streams on and on (2 GB, its length not announced, sent as fast as it is read). */
  | 'endless-body'
  /** A small gzip answer that inflates to 400 MB. */
  | 'gzip-bomb'
  /** A redirect to another host, which would answer with papers of its own. */
  | 'redirect-away';

export interface LoggedRequest {
  at: number;
  host: string;
  path: string;
  /** What the server did: 'ok' or a misbehaviour. */
  answer: string;
}

/** Every real entry in the API fixtures, by id: what `id_list` lookups can find. */
function entryPool(): Map<string, string> {
  const pool = new Map<string, string>();
  for (const file of readdirSync(join(FIXTURES, 'api'))) {
    for (const block of entryBlocks(read(`api/${file}`))) {
      if (/api\/errors/.test(block) || !/<id>/.test(block)) continue;
      pool.set(entryId(block), block);
    }
  }
  return pool;
}

/**
 * A local HTTPS stand-in for export.arxiv.org and arxiv.org that serves the real fixtures,
 * logs every request with its time, and misbehaves on request.
 */
export class FakeArxiv {
  readonly log: LoggedRequest[] = [];
  /** search_query substring → entries (newest first). */
  readonly world = new Map<string, string[]>();
  readonly pool = entryPool();
  /** arxiv.org paths → HTML served there. */
  readonly pages = new Map<string, string>();
  /** arxiv.org paths → other files served there (the images of HTML papers). */
  readonly files = new Map<string, { type: string; body: Buffer }>();
  private queue: Misbehaviour[] = [];
  private server: Server | null = null;
  private hung: ServerResponse[] = [];
  port = 0;

  constructor() {
    const testing = ['q_testing_s0_m10_bc5a6c384fe9', 'q_testing_s10_m10_34e56e15aaac', 'q_testing_s20_m10_348a237fecab', 'q_testing_s30_m10_f2e39f0143dc']
      .flatMap((name) => entryBlocks(read(`api/${name}.xml`)));
    this.world.set('testing', testing);
    this.pages.set('/abs/1706.03762', read('html/abs_1706.03762.html'));
    this.pages.set('/abs/1207.7214', read('html/abs_1207.7214.html'));
    this.pages.set('/list/cs.CL/recent', read('html/list_cs.CL_recent.html'));
    this.pages.set('/search/', read('html/search_all_attention.html'));
  }

  /**
   * `count` distinct papers for a query: the real testing entries repeated under derived ids
   * (`2605.1xxxx`), so paging has something to page.
   */
  addDerivedWorld(query: string, count: number): string[] {
    const base = this.world.get('testing')!;
    const entries = Array.from({ length: count }, (_, i) =>
      base[i % base.length]!.replace(/abs\/\d{4}\.\d{4,5}/g, `abs/2605.${String(10000 + i)}`),
    );
    this.world.set(query, entries);
    return entries;
  }

  /** The next API requests misbehave in this order (one misbehaviour per request). */
  misbehave(...kinds: Misbehaviour[]): void {
    // The bomb is made now, not in the first answer: compressing its 400 MB takes 2.5 s of CPU,
    // longer beside five browsers, and a test timing the extension counted it (a sync against
    // the bomb took 14–37 s in runs here, one against the endless body 13–16 s).
    if (kinds.includes('gzip-bomb')) gzipBomb();
    this.queue.push(...kinds);
  }

  clearMisbehaviour(): void {
    this.queue = [];
  }

  apiRequests(): LoggedRequest[] {
    return this.log.filter((r) => r.host.startsWith('export.arxiv.org'));
  }

  async start(): Promise<number> {
    const dir = mkdtempSync(join(tmpdir(), 'fake-arxiv-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=arxiv.org'], { stdio: 'ignore' });
    this.server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    return this.port;
  }

  async stop(): Promise<void> {
    for (const res of this.hung) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const host = (req.headers.host ?? '').split(':')[0] ?? '';
    const url = new URL(req.url ?? '/', `https://${host}`);
    const isApi = host === 'export.arxiv.org' && url.pathname === '/api/query';
    const queued = isApi ? this.queue.shift() : undefined;
    const misbehaviour = queued === 'pass' ? undefined : queued;
    this.log.push({ at: Date.now(), host, path: url.pathname + url.search, answer: misbehaviour ?? 'ok' });
    if (misbehaviour) return this.misbehaveOn(res, url, misbehaviour);
    if (isApi) return this.answerApi(res, url);
    const file = this.files.get(url.pathname);
    if (file) {
      res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-store' });
      res.end(file.body);
      return;
    }
    const page = this.pages.get(url.pathname) ?? (url.pathname.startsWith('/search') ? this.pages.get('/search/') : undefined);
    if (page) return this.send(res, 200, page, 'text/html; charset=utf-8');
    this.send(res, 404, '<html><body>Not found</body></html>', 'text/html');
  }

  private answerApi(res: ServerResponse, url: URL): void {
    const params = url.searchParams;
    const start = Number(params.get('start') ?? 0);
    const max = Number(params.get('max_results') ?? 10);
    const idList = params.get('id_list');
    if (idList) {
      const found = idList.split(',').flatMap((id) => {
        const entry = this.pool.get(id.replace(/v\d+$/, ''));
        return entry ? [entry] : [];
      });
      return this.send(res, 200, feedXml(found, found.length, 0, max), 'application/atom+xml; charset=utf-8');
    }
    const query = params.get('search_query') ?? '';
    const key = [...this.world.keys()].find((k) => query.toLowerCase().includes(k.toLowerCase()));
    const entries = key ? this.world.get(key)! : [];
    this.send(res, 200, feedXml(entries.slice(start, start + max), entries.length, start, max), 'application/atom+xml; charset=utf-8');
  }

  private misbehaveOn(res: ServerResponse, url: URL, kind: Misbehaviour): void {
    switch (kind) {
      case '429':
        return this.send(res, 429, read('other/rate_exceeded.txt'), 'text/plain');
      case '429-retry-after':
        return this.send(res, 429, read('other/rate_exceeded.txt'), 'text/plain', { 'Retry-After': '120' });
      case '503':
        return this.send(res, 503, 'Service Unavailable', 'text/plain');
      case '503-retry-after':
        return this.send(res, 503, 'Service Unavailable', 'text/plain', { 'Retry-After': '120' });
      case '500':
        return this.send(res, 500, 'Internal Server Error', 'text/plain');
      case 'hang':
        this.hung.push(res);
        return;
      case 'slow-body': {
        res.writeHead(200, { 'Content-Type': 'application/atom+xml' });
        res.write('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">');
        this.hung.push(res);
        return;
      }
      case 'truncated': {
        const full = this.pageXml(url);
        return this.send(res, 200, full.slice(0, Math.floor(full.length / 2)), 'application/atom+xml');
      }
      case 'html':
        return this.send(res, 200, read('html/list_cs.CL_recent.html'), 'text/html');
      case 'error-feed':
        return this.send(res, 400, read('api/api_error_start.xml'), 'application/atom+xml');
      case 'empty-page':
        return this.send(res, 200, feedXml([], 214881, Number(url.searchParams.get('start') ?? 0), 10), 'application/atom+xml');
      case 'endless-body':
        return this.streamEndlessly(res);
      case 'gzip-bomb':
        res.writeHead(200, { 'Content-Type': 'application/atom+xml', 'Content-Encoding': 'gzip', 'Cache-Control': 'no-store' });
        res.end(gzipBomb());
        return;
      case 'redirect-away':
        res.writeHead(301, { Location: `https://elsewhere.example${url.pathname}${url.search}` });
        res.end();
        return;
    }
  }

  /** Writes 64 KB at a time while the reader keeps reading, up to 2 GB; stops when the reader goes. */
  private streamEndlessly(res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'application/atom+xml', 'Cache-Control': 'no-store' });
    const chunk = Buffer.alloc(65_536, 'a');
    let sent = 0;
    const write = () => {
      while (sent < 2 * 1024 ** 3) {
        sent += chunk.length;
        this.bytesStreamed += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', write);
      }
      res.end();
    };
    res.on('close', () => res.removeAllListeners('drain'));
    write();
  }

  /** Bytes of endless bodies written so far (what the reader let through). */
  bytesStreamed = 0;

  private pageXml(url: URL): string {
    const chunks: Buffer[] = [];
    const fake = { writeHead: () => fake, end: (body: string) => chunks.push(Buffer.from(body)) } as unknown as ServerResponse;
    this.answerApi(fake, url);
    return Buffer.concat(chunks).toString('utf8');
  }

  private send(res: ServerResponse, status: number, body: string, type: string, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
    res.end(body);
  }
}

let bomb: Buffer | undefined;
/** 400 MB of one letter, gzipped once (about 400 KB), then kept. */
function gzipBomb(): Buffer {
  bomb ??= gzipSync(Buffer.alloc(400 * 1024 * 1024, 'a'), { level: 9 });
  return bomb as Buffer;
}
