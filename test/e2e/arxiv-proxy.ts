import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';

/** The hosts the extension may reach, all of them served by the fake arXiv. */
const ARXIV_HOSTS = new Set(['export.arxiv.org', 'arxiv.org', 'www.arxiv.org']);

/**
 * A forward proxy for a browser that has no host-resolver rules (Firefox): it tunnels HTTPS to
 * arXiv's hosts into the fake arXiv's port and refuses everything else, so nothing a test does
 * (nor the browser's own background traffic) reaches the real network.
 */
export class ArxivProxy {
  private server: Server | null = null;
  private readonly tunnels = new Set<Socket>();

  constructor(private readonly fakePort: number) {}

  async start(): Promise<number> {
    this.server = createServer((_req, res) => res.writeHead(403).end());
    this.server.on('connect', (req, client: Socket) => {
      const [host, port] = (req.url ?? '').split(':');
      if (!ARXIV_HOSTS.has(host ?? '') || port !== '443') {
        client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      const upstream = connect(this.fakePort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      for (const socket of [client, upstream]) {
        this.tunnels.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => {
          this.tunnels.delete(socket);
          (socket === client ? upstream : client).destroy();
        });
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  async stop(): Promise<void> {
    for (const socket of this.tunnels) socket.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
