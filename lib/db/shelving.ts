import type { CatalogEntry, CatalogMonth, PaperCounts, Shelf, StoredPaper } from './schema';

/** How papers are laid out on shelves, the catalog and the counts: pure, used by papers.ts and the schema upgrade. */
export const SHELF_SIZE = 50;
export const PAPER_COUNTS_KEY = 'paperCounts';

export const EMPTY_COUNTS: PaperCounts = { papers: 0, unread: 0, unreadBy: {}, bySub: {} };

/** A shelf of `papers` with its derived fields. */
export function shelve(key: number, papers: StoredPaper[]): Shelf {
  const subs = new Set<string>();
  const unreadIn = new Set<string>();
  let addedAt = 0;
  let unread = false;
  for (const paper of papers) {
    for (const s of paper.subs) subs.add(s);
    for (const s of paper.unreadIn) unreadIn.add(s);
    if (paper.addedAt > addedAt) addedAt = paper.addedAt;
    if (paper.unread === 1) unread = true;
  }
  const shelf: Shelf = { key, papers, ids: papers.map((p) => p.id), addedAt, subs: [...subs], unreadIn: [...unreadIn] };
  if (unread) shelf.unread = 1;
  return shelf;
}

/** A date's month, `YYYY-MM` (a date that is not text still gets a month, never an error). */
export const monthOf = (published: string) => String(published).slice(0, 7);

/** Newest first; the same date in descending id order (the order of schema 1's `published` index, reversed). */
export function compareEntries(a: CatalogEntry, b: CatalogEntry): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? 1 : -1;
  return a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0;
}

function addCount(record: Record<string, number>, key: string, by: number): void {
  const next = (record[key] ?? 0) + by;
  if (next === 0) delete record[key];
  else record[key] = next;
}

/** Adds (`by` = 1) or takes away (-1) a paper's part in the counts. */
export function countPaper(counts: PaperCounts, paper: StoredPaper, by: 1 | -1): void {
  counts.papers += by;
  if (paper.unread === 1) counts.unread += by;
  for (const s of paper.unreadIn) addCount(counts.unreadBy, s, by);
  for (const s of paper.subs) addCount(counts.bySub, s, by);
}

/** `counts` with `change` (counts that may be negative) added. */
export function addCounts(counts: PaperCounts, change: PaperCounts): PaperCounts {
  const sum = structuredClone(counts);
  sum.papers += change.papers;
  sum.unread += change.unread;
  for (const [s, n] of Object.entries(change.unreadBy)) addCount(sum.unreadBy, s, n);
  for (const [s, n] of Object.entries(change.bySub)) addCount(sum.bySub, s, n);
  return sum;
}

/**
 * Lays out papers on fresh shelves, a batch at a time, keeping only the catalog and the counts
 * in memory: the upgrade from one record per paper reads the old papers in slices.
 */
export class Shelver {
  private key = 1;
  private readonly byMonth = new Map<string, CatalogEntry[]>();
  private readonly counts: PaperCounts = structuredClone(EMPTY_COUNTS);

  /** Shelves for `papers`, in their order, SHELF_SIZE to a shelf. */
  add(papers: StoredPaper[]): Shelf[] {
    const shelves: Shelf[] = [];
    for (let from = 0; from < papers.length; from += SHELF_SIZE, this.key++) {
      const shelf = shelve(this.key, papers.slice(from, from + SHELF_SIZE));
      shelves.push(shelf);
      for (const p of shelf.papers) {
        countPaper(this.counts, p, 1);
        const month = monthOf(p.published);
        let entries = this.byMonth.get(month);
        if (!entries) this.byMonth.set(month, (entries = []));
        entries.push([p.published, p.id, shelf.key]);
      }
    }
    return shelves;
  }

  finish(): { catalog: CatalogMonth[]; counts: PaperCounts } {
    const catalog = [...this.byMonth].map(([month, entries]) => ({ month, entries: entries.sort(compareEntries) }));
    return { catalog, counts: this.counts };
  }
}

/** Shelves, catalog and counts for `papers`, in arrival order, as a fresh store holds them. */
export function shelveAll(papers: StoredPaper[]): { shelves: Shelf[]; catalog: CatalogMonth[]; counts: PaperCounts } {
  const shelver = new Shelver();
  const shelves = shelver.add([...papers].sort(byArrival));
  return { shelves, ...shelver.finish() };
}

const byArrival = (a: StoredPaper, b: StoredPaper) => a.addedAt - b.addedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
