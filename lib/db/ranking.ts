import { db } from './db';
import { inFeed, RANKING_HEAD, RANKING_HEAD_KEY, RANKING_KEY } from './layout';
import { editPapers, getPapers } from './papers';
import type { FeatureChunk, StoredPaper } from './schema';

/** What ranking learned, kept so that no page and no restart of the worker recomputes it. */
export interface RankModel {
  /** Changes whenever the vocabulary is rebuilt; feature chunks of another id are stale. */
  vocabularyId: number;
  terms: string[];
  idf: Float32Array;
  weights: Float32Array;
  bias: number;
  /** Papers stored when the vocabulary was built: it is rebuilt when the store has grown well past it. */
  documents: number;
  /** The labels it was trained on, to tell whether they changed since. */
  labels: string;
  trainedAt: number;
}

/** The For-you order of the feed, best first, with the line that says why for the first ones. */
export interface Ranking {
  ids: string[];
  /** How new each paper is: today's news, the week's, older (`freshness[i]` for `ids[i]`; see lib/rank/order.ts). */
  freshness: number[];
  /** Why each of the first papers is there (`why[i]` for `ids[i]`), in a few words. */
  why: string[];
  builtAt: number;
}

const MODEL_KEY = 'rankModel';

export async function getRankModel(): Promise<RankModel | undefined> {
  return (await db.meta.get(MODEL_KEY))?.value as RankModel | undefined;
}

export async function getRanking(): Promise<Ranking | undefined> {
  return (await db.meta.get(RANKING_KEY))?.value as Ranking | undefined;
}

/** The For-you order's first papers, and how many it has in all. */
export interface RankingHead extends Ranking {
  total: number;
}

/** What pages read first: the head of the order (the whole order where no head was stored yet). */
export async function getRankingHead(): Promise<RankingHead | undefined> {
  const head = (await db.meta.get(RANKING_HEAD_KEY))?.value as RankingHead | undefined;
  if (head) return head;
  const ranking = await getRanking();
  return ranking && { ...ranking, total: ranking.ids.length };
}

/** Stores what one training made: the model, and the order it gives the feed (whole, and its head). */
export async function putRankResult(model: RankModel, ranking: Ranking): Promise<void> {
  const head: RankingHead = {
    ids: ranking.ids.slice(0, RANKING_HEAD),
    freshness: ranking.freshness.slice(0, RANKING_HEAD),
    why: ranking.why.slice(0, RANKING_HEAD),
    builtAt: ranking.builtAt,
    total: ranking.ids.length,
  };
  await db.transaction('rw', db.meta, async () => {
    await db.meta.bulkPut([
      { key: MODEL_KEY, value: model },
      { key: RANKING_KEY, value: ranking },
      { key: RANKING_HEAD_KEY, value: head },
    ]);
  });
}

/** Too few saved papers to rank by: the pages go back to the newest first. */
export async function clearRanking(): Promise<void> {
  await db.meta.bulkDelete([RANKING_KEY, RANKING_HEAD_KEY]);
}

export async function featureChunks(): Promise<FeatureChunk[]> {
  return db.features.toArray();
}

/** The keys of the stored chunks, in order: what tells a copy in memory from the stored ones. */
export async function featureKeys(): Promise<number[]> {
  return (await db.features.toCollection().primaryKeys()) as number[];
}

/** Replaces every chunk (a new vocabulary), or adds some (new papers), in one transaction. */
export async function putFeatureChunks(chunks: FeatureChunk[], replace: boolean): Promise<void> {
  await db.transaction('rw', db.features, async () => {
    if (replace) await db.features.clear();
    await db.features.bulkPut(chunks);
  });
}

export async function nextFeatureKey(): Promise<number> {
  return ((await db.features.orderBy(':id').lastKey()) as number | undefined ?? 0) + 1;
}

/** Hides papers and teaches ranking that the reader does not want papers like them. */
export const markNotInterested = (ids: string[], now: number) =>
  editPapers(ids, (p) => (p.notInterestedAt === undefined ? { ...p, notInterestedAt: now, hiddenAt: p.hiddenAt ?? now } : p));

/** "Not interested" marks as another browser has them: its time replaces this one's (both then agree). */
export const markNotInterestedAt = (marks: ReadonlyMap<string, number>) =>
  editPapers([...marks.keys()], (p) => {
    const at = marks.get(p.id)!;
    return p.notInterestedAt === at ? p : { ...p, notInterestedAt: at, hiddenAt: p.hiddenAt ?? at };
  });

/** Takes "Not interested" back: the paper returns to the feed as it was. */
export const takeBackNotInterested = (ids: string[]) =>
  editPapers(ids, (p) => {
    if (p.notInterestedAt === undefined) return p;
    const { notInterestedAt: _at, hiddenAt: _hidden, ...rest } = p;
    return rest;
  });

/** Papers marked "Not interested", the latest first. */
export async function notInterestedPapers(): Promise<StoredPaper[]> {
  return db.papers.orderBy('notInterestedAt').reverse().toArray();
}

export async function notInterestedIds(): Promise<string[]> {
  return (await db.papers.orderBy('notInterestedAt').primaryKeys()) as string[];
}

/**
 * The first `limit` papers of the For-you order that are still in the feed (and `match`):
 * papers hidden or removed since it was ranked are skipped. Papers stored since are ranked by
 * the background right after the sync that brought them.
 */
export async function forYouPage(ranking: Ranking, limit: number, match: (paper: StoredPaper) => boolean = inFeed): Promise<RankedPage> {
  const page: RankedPage = { papers: [], places: [] };
  const step = Math.max(16, limit * 2);
  for (let from = 0; from < ranking.ids.length && page.papers.length < limit; from += step) {
    (await getPapers(ranking.ids.slice(from, from + step))).forEach((paper, i) => {
      if (!paper || !inFeed(paper) || !match(paper) || page.papers.length >= limit) return;
      page.papers.push(paper);
      page.places.push(from + i);
    });
  }
  return page;
}

/** Papers in the For-you order, and where each stands in `Ranking.ids` (for its why line and freshness). */
export interface RankedPage {
  papers: StoredPaper[];
  places: number[];
}

/** Forgets what ranking learned and computed (the next ranking starts afresh). */
export async function clearRankState(): Promise<void> {
  await db.transaction('rw', db.meta, db.features, async () => {
    await db.features.clear();
    await db.meta.bulkDelete([MODEL_KEY, RANKING_KEY, RANKING_HEAD_KEY]);
  });
}
