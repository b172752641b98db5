import type { ArxivEntry } from '../arxiv/entry';
import { paperSearchText } from './paper-text';
import { queryPrefixes, SearchIndex, type SearchResult } from './search-index';
import { SegmentBuilder } from './segment';
import { hasWordPrefix } from './word-prefix';
import { foldCase } from './words';

export type SearchablePaper = Pick<ArxivEntry, 'id' | 'title' | 'authors' | 'comment' | 'summary'>;

/** Where the papers come from: the database in the extension, plain arrays in tests. */
export interface PaperSource {
  /** Ids of every stored paper, newest first: the order results are shown in. */
  allIds(): Promise<string[]>;
  papers(ids: string[]): Promise<(SearchablePaper | undefined)[]>;
}

export interface SearchProgress {
  /** Papers read so far (searched by a scan until they are indexed). */
  loaded: number;
  indexed: number;
  /** Papers stored when reading began. */
  total: number;
}

export interface PaperSearchResult extends SearchResult {
  /** False while some stored papers have not been read yet: more matches may follow. */
  complete: boolean;
  progress: SearchProgress;
}

export interface PaperSearchOptions {
  /** Papers read from the store at once. */
  readSize?: number;
  /** Papers per index segment: the longest pause indexing makes is building one. */
  segmentSize?: number;
  /** Lets other work (a query) run between steps. */
  pause?: () => Promise<void>;
}

interface PendingPaper {
  id: string;
  /** The searchable text, folded by `foldCase`. */
  folded: string;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Search over every stored paper that answers from the first moment: papers are read newest
 * first and scanned until they are indexed, so a query typed while the index is being built
 * finds the newest matches at once and the rest as reading goes on.
 */
export class PaperSearchEngine {
  private readonly index = new SearchIndex();
  private pending: PendingPaper[] = [];
  private state: SearchProgress = { loaded: 0, indexed: 0, total: 0 };
  private started: Promise<void> | undefined;
  private allRead = false;
  private readonly readSize: number;
  private readonly segmentSize: number;
  private readonly pause: () => Promise<void>;

  constructor(
    private readonly source: PaperSource,
    options: PaperSearchOptions = {},
    private readonly onProgress: (progress: SearchProgress) => void = () => undefined,
  ) {
    // Small reads leave room between them for the page's own queries: IndexedDB serves one at a time.
    this.readSize = options.readSize ?? 200;
    this.segmentSize = options.segmentSize ?? 2000;
    this.pause = options.pause ?? nextTask;
  }

  get progress(): SearchProgress {
    return { ...this.state };
  }

  /** Every paper read and indexed. */
  get ready(): boolean {
    return this.allRead && this.pending.length === 0;
  }

  /** Reads and indexes every paper; the same promise for every call. */
  build(): Promise<void> {
    this.started ??= this.read().then(() => this.indexAll());
    return this.started;
  }

  search(query: string, limit: number): PaperSearchResult {
    const result = this.index.search(query, limit);
    const prefixes = queryPrefixes(query);
    if (prefixes.length > 0) {
      for (const paper of this.pending) {
        if (!prefixes.every((prefix) => hasWordPrefix(paper.folded, prefix))) continue;
        if (result.total < limit) result.ids.push(paper.id);
        result.total++;
      }
    }
    return { ...result, complete: this.allRead, progress: this.progress };
  }

  private async read(): Promise<void> {
    const ids = await this.source.allIds();
    this.state = { loaded: 0, indexed: 0, total: ids.length };
    for (let from = 0; from < ids.length; from += this.readSize) {
      const papers = await this.source.papers(ids.slice(from, from + this.readSize));
      for (const paper of papers) {
        if (!paper) continue; // removed since the ids were read
        this.pending.push({ id: paper.id, folded: foldCase(paperSearchText(paper)) });
      }
      this.state.loaded = Math.min(ids.length, from + this.readSize);
      this.onProgress(this.progress);
      await this.pause();
      // Indexed as they are read: a query scans at most one segment's papers one by one, and
      // the texts read are not all held at once (100,000 abstracts are some 150 MB).
      if (this.pending.length >= this.segmentSize) await this.indexSegment();
    }
    this.state.loaded = ids.length;
    this.allRead = true;
  }

  private async indexAll(): Promise<void> {
    while (this.pending.length > 0) await this.indexSegment();
    this.state.indexed = this.state.total;
    this.onProgress(this.progress);
  }

  /** Indexes the oldest-read pending papers, one segment of them. */
  private async indexSegment(): Promise<void> {
    const slice = this.pending.slice(0, this.segmentSize);
    const builder = new SegmentBuilder();
    for (let i = 0; i < slice.length; i++) {
      const paper = slice[i]!;
      builder.addFolded(paper.id, paper.folded);
      if (i % 200 === 199) await this.pause();
    }
    // The segment replaces its papers in one step, so no query sees them twice or not at all.
    this.index.addSegment(builder.finish());
    this.pending = this.pending.slice(slice.length);
    this.state.indexed += slice.length;
    this.onProgress(this.progress);
    await this.pause();
  }
}
