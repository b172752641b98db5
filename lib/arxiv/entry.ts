export interface ArxivAuthor {
  name: string;
  affiliations: string[];
}

/** One paper as the arXiv API describes it, normalized. */
export interface ArxivEntry {
  /** Base id without version: '2605.12345', 'hep-th/9711200'. */
  id: string;
  version: number;
  title: string;
  /** Whitespace collapsed, LaTeX kept as is. */
  summary: string;
  authors: ArxivAuthor[];
  /** ISO 8601. */
  published: string;
  /** ISO 8601. */
  updated: string;
  primaryCategory: string;
  categories: string[];
  comment?: string;
  journalRef?: string;
  doi?: string;
  absUrl: string;
  pdfUrl: string;
}

export interface AtomFeed {
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  entries: ArxivEntry[];
}

/** The fields of an entry, in this order: what is exported and sent, nothing more. */
export const ENTRY_KEYS = [
  'id', 'version', 'title', 'summary', 'authors', 'published', 'updated', 'primaryCategory',
  'categories', 'comment', 'journalRef', 'doi', 'absUrl', 'pdfUrl',
] as const satisfies readonly (keyof ArxivEntry)[];

/** arXiv's metadata of a stored paper, without what Paper Radar added to it. */
export function entryOf(paper: ArxivEntry): ArxivEntry {
  const entry: Record<string, unknown> = {};
  for (const key of ENTRY_KEYS) if (paper[key] !== undefined) entry[key] = paper[key];
  return entry as unknown as ArxivEntry;
}
