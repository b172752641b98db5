import { PaperSearchEngine, type PaperSearchResult, type PaperSource, type PaperSearchOptions } from './paper-search';

/**
 * Keeps one engine answering while a fresh one is built after the store changed, so a sync
 * never leaves the search box empty-handed; swaps them when the new one is ready.
 */
export class SearchHost {
  private current: PaperSearchEngine | undefined;
  private next: PaperSearchEngine | undefined;

  constructor(
    private readonly source: PaperSource,
    private readonly onUpdate: () => void,
    private readonly options: PaperSearchOptions = {},
  ) {}

  /** Starts reading and indexing, once. */
  build(): void {
    if (this.current) return;
    const engine = this.engine();
    this.current = engine;
    engine.build().catch(() => {
      // The store could not be read (closed, deleted): the next search starts afresh.
      if (this.current === engine) this.current = undefined;
    });
  }

  search(query: string, limit: number): PaperSearchResult {
    this.build();
    return (this.current as PaperSearchEngine).search(query, limit);
  }

  /** Papers were added or removed: index them afresh, keep answering from the old index meanwhile. */
  storeChanged(): void {
    if (!this.current) return; // nothing built yet: the first build reads the new state anyway
    const next = this.engine();
    this.next = next;
    next.build().then(
      () => {
        if (this.next !== next) return; // a later change started another build
        this.current = next;
        this.next = undefined;
        this.onUpdate();
      },
      () => {
        if (this.next === next) this.next = undefined; // keep answering from the old index
      },
    );
  }

  private engine(): PaperSearchEngine {
    const engine = new PaperSearchEngine(this.source, this.options, () => {
      if (engine === this.current) this.onUpdate();
    });
    return engine;
  }
}
