import { db } from './db';
import type { CatalogEntry, CatalogMonth, PaperCounts, Shelf, StoredPaper } from './schema';
import { addCounts, compareEntries, countPaper, EMPTY_COUNTS, monthOf, PAPER_COUNTS_KEY, shelve, SHELF_SIZE } from './shelving';

export { PAPER_COUNTS_KEY, SHELF_SIZE };

/**
 * The one module that reads and writes papers. Papers live on shelves of up to SHELF_SIZE, as
 * they arrived: IndexedDB in Chromium spends most of a write on each record and each index
 * entry, so 2000 new papers as 2000 records took 550–700 ms, as 40 shelves 72–119 ms.
 * Two structures stand beside the shelves, kept up to date in the same transaction by every
 * write here: the catalog (every paper's date, id and shelf, one record per month, newest
 * first), which gives the feed its order without reading papers, and the counts.
 */

/** The tables a transaction that writes papers must hold. */
export const PAPER_TABLES = () => [db.shelves, db.catalog, db.meta];

export async function paperCounts(): Promise<PaperCounts> {
  const row = await db.meta.get(PAPER_COUNTS_KEY);
  return (row?.value as PaperCounts | undefined) ?? structuredClone(EMPTY_COUNTS);
}

/**
 * The shelves holding any of `ids`, by id. One request finds the shelves in the ids' range (a
 * page of papers newer than any stored finds none); when that range holds many other papers
 * or spans many shelves, each id is looked up alone instead, so no shelf is read for nothing.
 */
async function shelvesHolding(ids: string[]): Promise<Map<string, Shelf>> {
  const found = new Map<string, Shelf>();
  if (ids.length === 0) return found;
  const sorted = [...ids].sort();
  const scanned = 8 * ids.length + 64;
  const inRange = await db.shelves.where('ids').between(sorted[0]!, sorted[sorted.length - 1]!, true, true).limit(scanned).primaryKeys();
  let keys = [...new Set(inRange)];
  if (inRange.length === scanned || keys.length > Math.max(8, ids.length / 4)) {
    const each = await Promise.all(ids.map((id) => db.shelves.where('ids').equals(id).primaryKeys()));
    keys = [...new Set(each.flat())];
  }
  const wanted = new Set(ids);
  for (const shelf of await db.shelves.bulkGet(keys)) {
    for (const id of shelf?.ids ?? []) if (wanted.has(id)) found.set(id, shelf!);
  }
  return found;
}

export async function getPapers(ids: string[]): Promise<(StoredPaper | undefined)[]> {
  const shelves = await shelvesHolding(ids);
  return ids.map((id) => shelves.get(id)?.papers.find((p) => p.id === id));
}

export async function getPaper(id: string): Promise<StoredPaper | undefined> {
  return (await getPapers([id]))[0];
}

/** Applies catalog changes: entries to add and to remove, by month. */
async function changeCatalog(added: CatalogEntry[], removed: CatalogEntry[]): Promise<void> {
  if (added.length === 0 && removed.length === 0) return;
  const months = [...new Set([...added, ...removed].map((e) => monthOf(e[0])))];
  const rows = await db.catalog.bulkGet(months);
  const gone = new Set(removed.map((e) => `${e[0]}\u0000${e[1]}`));
  const puts: CatalogMonth[] = [];
  const deletes: string[] = [];
  months.forEach((month, i) => {
    const kept = (rows[i]?.entries ?? []).filter((e) => !gone.has(`${e[0]}\u0000${e[1]}`));
    const entries = [...kept, ...added.filter((e) => monthOf(e[0]) === month)].sort(compareEntries);
    if (entries.length === 0) deletes.push(month);
    else puts.push({ month, entries });
  });
  if (puts.length > 0) await db.catalog.bulkPut(puts);
  if (deletes.length > 0) await db.catalog.bulkDelete(deletes);
}

/** What an edit does with a paper: a new version of it, null to delete it, undefined to leave it. */
export type PaperEdit = (paper: StoredPaper) => StoredPaper | null | undefined;

/**
 * The one write: `edit` applied to every paper on `shelves` (read in this transaction), and
 * `fresh` papers (not stored yet) put on the last shelf while it has room, then on new ones.
 * Changed shelves are written whole, emptied ones deleted; the catalog and the counts follow.
 */
async function rewrite(shelves: Shelf[], edit: PaperEdit, fresh: StoredPaper[] = []): Promise<void> {
  const counts = structuredClone(EMPTY_COUNTS); // what changes, added to the stored counts at the end
  const added: CatalogEntry[] = [];
  const removed: CatalogEntry[] = [];
  const puts: Shelf[] = [];
  const empty: number[] = [];
  for (const shelf of shelves) {
    let changed = false;
    const kept: StoredPaper[] = [];
    for (const paper of shelf.papers) {
      const next = edit(paper);
      if (next === undefined) {
        kept.push(paper);
        continue;
      }
      changed = true;
      countPaper(counts, paper, -1);
      if (next) {
        countPaper(counts, next, 1);
        kept.push(next);
      }
      if (!next || next.published !== paper.published) removed.push([paper.published, paper.id, shelf.key]);
      if (next && next.published !== paper.published) added.push([next.published, next.id, shelf.key]);
    }
    if (!changed) continue;
    if (kept.length === 0) empty.push(shelf.key);
    else puts.push(shelve(shelf.key, kept));
  }
  if (fresh.length > 0) {
    const last = await db.shelves.orderBy(':id').last();
    const rewritten = last !== undefined && shelves.some((s) => s.key === last.key);
    let start = 0;
    if (last && !rewritten && last.papers.length < SHELF_SIZE) {
      start = SHELF_SIZE - last.papers.length;
      puts.push(shelve(last.key, [...last.papers, ...fresh.slice(0, start)]));
      for (const p of fresh.slice(0, start)) added.push([p.published, p.id, last.key]);
    }
    let key = (last?.key ?? 0) + 1;
    for (let from = start; from < fresh.length; from += SHELF_SIZE, key++) {
      const shelf = shelve(key, fresh.slice(from, from + SHELF_SIZE));
      puts.push(shelf);
      for (const p of shelf.papers) added.push([p.published, p.id, key]);
    }
    for (const p of fresh) countPaper(counts, p, 1);
  }
  if (puts.length === 0 && empty.length === 0) return;
  if (puts.length > 0) await db.shelves.bulkPut(puts);
  if (empty.length > 0) await db.shelves.bulkDelete(empty);
  await changeCatalog(added, removed);
  await db.meta.put({ key: PAPER_COUNTS_KEY, value: addCounts(await paperCounts(), counts) });
}

const shelvesOf = (holding: Map<string, Shelf>) => [...new Set(holding.values())];

/**
 * Reads the stored papers among `ids` once and writes what `plan` answers for them: an edit of
 * the stored ones and papers not stored yet (on the last shelf while it has room, then on new
 * ones, together).
 */
export async function upsertPapers(ids: string[], plan: (stored: Map<string, StoredPaper>) => { edit: PaperEdit; fresh: StoredPaper[] }): Promise<void> {
  if (ids.length === 0) return;
  await db.transaction('rw', PAPER_TABLES(), async () => {
    const holding = await shelvesHolding(ids);
    const stored = new Map([...holding].map(([id, shelf]) => [id, shelf.papers.find((p) => p.id === id)!]));
    const { edit, fresh } = plan(stored);
    await rewrite(shelvesOf(holding), edit, fresh);
  });
}

/** Stores papers: a known id replaces the paper on its shelf. The same id twice: the last one given. */
export async function putPapers(papers: StoredPaper[]): Promise<void> {
  const byId = new Map(papers.map((p) => [p.id, p]));
  await upsertPapers([...byId.keys()], (stored) => ({
    edit: (p) => byId.get(p.id),
    fresh: [...byId.values()].filter((p) => !stored.has(p.id)),
  }));
}

/** Applies `edit` to the stored papers among `ids` (ids not stored are ignored). */
export async function editPapers(ids: string[], edit: PaperEdit): Promise<void> {
  if (ids.length === 0) return;
  await db.transaction('rw', PAPER_TABLES(), async () => {
    const holding = await shelvesHolding(ids);
    const wanted = new Set(ids);
    await rewrite(shelvesOf(holding), (p) => (wanted.has(p.id) ? edit(p) : undefined));
  });
}

/** Deletes papers (ids not stored are ignored). */
export const deletePapers = (ids: string[]) => editPapers(ids, () => null);

/**
 * Edits papers on the shelves `query` names, reading each shelf once: `plan` sees every paper
 * on them and answers the edit (which picks its papers). What marks a subscription read or
 * applies retention. Runs inside the caller's transaction when there is one.
 */
export async function editShelves(query: ShelfQuery, plan: (papers: StoredPaper[]) => PaperEdit | Promise<PaperEdit>): Promise<void> {
  await db.transaction('rw', PAPER_TABLES(), async () => {
    const shelves = await shelfCollection(query).toArray();
    await rewrite(shelves, await plan(shelves.flatMap((s) => s.papers)));
  });
}

/** Every paper and what stands beside them gone (the user cleared everything). */
export async function clearPapers(): Promise<void> {
  await db.transaction('rw', PAPER_TABLES(), async () => {
    await Promise.all([db.shelves.clear(), db.catalog.clear(), db.meta.delete(PAPER_COUNTS_KEY)]);
  });
}

/** Which shelves to read: all, those with a subscription's papers, with unread papers (in one subscription). */
export type ShelfQuery = { all: true } | { subscriptionId: string } | { unread: true } | { unreadIn: string };

function shelfCollection(query: ShelfQuery) {
  if ('subscriptionId' in query) return db.shelves.where('subs').equals(query.subscriptionId);
  if ('unreadIn' in query) return db.shelves.where('unreadIn').equals(query.unreadIn);
  if ('unread' in query) return db.shelves.where('unread').equals(1);
  return db.shelves.toCollection();
}

/** The papers on the shelves `query` names, to be filtered by the caller. */
export async function papersOnShelves(query: ShelfQuery): Promise<StoredPaper[]> {
  return (await shelfCollection(query).toArray()).flatMap((s) => s.papers);
}

async function shelfKeys(query: ShelfQuery): Promise<Set<number> | undefined> {
  if ('all' in query) return undefined;
  return new Set((await shelfCollection(query).primaryKeys()) as number[]);
}

/** Months of the catalog, newest first. */
async function catalogMonths(): Promise<string[]> {
  return (await db.catalog.orderBy(':id').reverse().primaryKeys()) as string[];
}

/** Every stored paper's catalog entry (date, id, shelf), newest first. */
export async function catalogNewestFirst(): Promise<CatalogEntry[]> {
  const months = await db.catalog.orderBy(':id').reverse().toArray();
  return months.flatMap((m) => m.entries);
}

/** Ids of every stored paper, newest first, from the catalog alone (no paper is read). */
export async function paperIdsNewestFirst(): Promise<string[]> {
  return (await catalogNewestFirst()).map((e) => e[1]);
}

export async function readShelves(keys: number[]): Promise<(Shelf | undefined)[]> {
  return db.shelves.bulkGet(keys);
}

/**
 * The first `wanted` papers that `match`, newest first, reading only the shelves of `shelves`
 * and only as far as needed: the catalog a month at a time, the papers a few shelves at a time.
 */
export async function newestPapers(match: (paper: StoredPaper) => boolean, wanted: number, shelves: ShelfQuery = { all: true }): Promise<StoredPaper[]> {
  // One read transaction: a write between the catalog and the shelves would skip or repeat a paper.
  return db.transaction('r', [db.shelves, db.catalog], () => walkNewest(match, wanted, shelves));
}

async function walkNewest(match: (paper: StoredPaper) => boolean, wanted: number, shelves: ShelfQuery): Promise<StoredPaper[]> {
  const found: StoredPaper[] = [];
  if (wanted <= 0) return found;
  const [allowed, months] = await Promise.all([shelfKeys(shelves), catalogMonths()]);
  const read = new Map<number, Shelf | undefined>();
  let step = Math.max(16, wanted);
  for (const month of months) {
    const entries = ((await db.catalog.get(month))?.entries ?? []).filter((e) => !allowed || allowed.has(e[2]));
    for (let from = 0; from < entries.length && found.length < wanted; from += step, step *= 2) {
      const batch = entries.slice(from, from + step);
      const missing = [...new Set(batch.map((e) => e[2]))].filter((k) => !read.has(k));
      (await db.shelves.bulkGet(missing)).forEach((shelf, i) => read.set(missing[i]!, shelf));
      for (const [, id, key] of batch) {
        const paper = read.get(key)?.papers.find((p) => p.id === id);
        if (paper && match(paper)) found.push(paper);
        if (found.length === wanted) break;
      }
    }
    if (found.length >= wanted) break;
  }
  return found;
}

/** The paper that arrived last (by `addedAt`). */
export async function latestArrival(): Promise<StoredPaper | undefined> {
  const shelf = await db.shelves.orderBy('addedAt').last();
  return shelf?.papers.reduce((a, b) => (b.addedAt > a.addedAt ? b : a));
}

/**
 * How many papers that `match` arrived after `since`, counted up to `atMost`: the shelves that
 * got papers since are read, the latest first, a few at a time, until `atMost` are found.
 */
export async function countArrivals(since: number, match: (paper: StoredPaper) => boolean, atMost: number): Promise<number> {
  return db.transaction('r', db.shelves, async () => {
    let count = 0;
    for (let offset = 0, step = 4; count < atMost; offset += step, step *= 2) {
      const shelves = await db.shelves.where('addedAt').above(since).reverse().offset(offset).limit(step).toArray();
      for (const shelf of shelves) count += shelf.papers.filter((p) => p.addedAt > since && match(p)).length;
      if (shelves.length < step) break;
    }
    return Math.min(count, atMost);
  });
}

