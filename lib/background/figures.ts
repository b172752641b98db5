import type { ArxivClient } from '../arxiv/client';
import { getExtras, putExtras } from '../db/extras';
import { MessageError } from '../messaging/validate';
import { firstFigureUrl } from './figure';

/**
 * The first figure of papers' HTML versions, fetched once per paper however many pages ask
 * (two new tabs ask for the same cards), and stored: a URL, or null when there is none.
 */
export class FigureFinder {
  private readonly inFlight = new Map<string, Promise<string | null>>();

  constructor(
    private readonly client: ArxivClient,
    private readonly now: () => number,
  ) {}

  find(id: string, version: number): Promise<string | null> {
    const running = this.inFlight.get(id);
    if (running) return running;
    const lookup = this.lookup(id, version).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, lookup);
    return lookup;
  }

  private async lookup(id: string, version: number): Promise<string | null> {
    const stored = (await getExtras([id])).get(id);
    if (stored && stored.figureUrl !== undefined) return stored.figureUrl;
    // With its trailing slash: arXiv redirects the address without one, and redirects are not followed.
    const page = `https://arxiv.org/html/${id}v${version}/`;
    const result = await this.client.fetchText(page);
    if (result.kind !== 'ok' && result.status !== 404) throw new MessageError(result.message);
    const url = result.kind === 'ok' ? firstFigureUrl(result.text, page) : null;
    await putExtras(id, { figureUrl: url, checkedAt: this.now() });
    return url;
  }
}
