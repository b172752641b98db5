import { allPaperIds, feedArrivals, newestArrival, type Arrival } from '../db/feed';
import { onPapersWritten } from '../db/written';
import { getPapers, paperCounts } from '../db/papers';
import {
  clearRanking,
  featureChunks,
  featureKeys,
  getRankModel,
  getRankingHead,
  nextFeatureKey,
  putFeatureChunks,
  putRankResult,
  type RankModel,
  type Ranking,
} from '../db/ranking';
import type { FeatureChunk, StoredPaper } from '../db/schema';
import { readerLabels } from './reader-labels';
import { trainInterest } from '../rank/model';
import { forYouOrder, NEWS_LAG } from '../rank/order';
import { seeded, type LinearModel } from '../rank/svm';
import { paperTerms } from '../rank/terms';
import { toRows, vectorsById } from '../rank/matrix';
import { buildVocabulary, dot, DocumentFrequencies, type SparseVector, type Vocabulary } from '../rank/vocabulary';
import { whyLine } from '../rank/why';

/** Saved papers it takes before "For you" is offered: fewer say too little about the reader. */
export const MIN_SAVED_FOR_RANKING = 3;
/** Papers the vocabulary is learned from: the newest, and every labelled one. */
const VOCABULARY_SAMPLE = 10_000;
/** The vocabulary is learned again once the store holds this much more than when it was learned. */
const REGROWTH = 1.5;
/**
 * Papers read and turned into features at a time; the worker answers messages in between. A
 * batch is some 40–50 ms of work here; 250 at a time made a first ranking of 50,000 papers
 * breathe 240 times, 0.9 s more of it.
 */
const BATCH = 500;
/**
 * Papers of the feed ranked, the newest: beyond them (a store of 100,000) papers follow in date
 * order. Their features would cost the worker minutes for papers years old.
 */
const MAX_RANKED = 50_000;
/** Unlabelled papers the model is trained against (a sample of the feed). */
const NEGATIVES = 2000;
/** Papers whose "why" line is written ahead (the rest are far down the order). */
const EXPLAINED = 300;
const DEBOUNCE_MS = 300;
const WEEK = 7 * 86_400_000;

export interface RankerOptions {
  now: () => number;
  /** Lets the worker answer messages between batches (by default a `sleep` of BREATHE_MS). */
  pause?: () => Promise<void>;
  /** Waits `ms` on the worker's clock (a test passes its own). */
  sleep?: (ms: number) => Promise<void>;
  /** Resolves when the worker has nothing more urgent to do (a sync in progress goes first). */
  whenIdle?: () => Promise<void>;
  debounceMs?: number;
}

/**
 * Between two batches: a moment in which the worker answers messages and pages and syncs reach
 * the database between the ranker's reads (the next batch is read meanwhile). A first ranking
 * of 50,000 papers is some 120 batches: 1.2 s of it (25 ms and batches of 250 made it 6 s of
 * 21 s, over the design's 15 s).
 */
const BREATHE_MS = 10;

/** The first `count` papers of `newest` and every labelled one: what the vocabulary is learned from, what gets features. */
const newestAndLabelled = (newest: string[], count: number, labelled: string[]) => [...new Set([...newest.slice(0, count), ...labelled])];

/** Ranks the feed for the reader: learns from saves and "not interested" marks, in the background. */
export class Ranker {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;
  /** The ranking asked for while one runs: after it, once, for everyone who asked meanwhile. */
  private queued: Promise<void> | null = null;
  private readonly pause: () => Promise<void>;
  /**
   * The features last read or written, while the worker is awake: a re-rank after a save then
   * reads none of them (50,000 papers' features are some 40 MB, read in seconds). Only this
   * ranker writes features; the stored keys still say when the copy is not theirs.
   */
  private features: { keys: string; chunks: FeatureChunk[] } | undefined;
  /**
   * The feed's order and arrivals last read, while the worker is awake and no paper was written
   * since (a save writes none: 0.6 s of a re-rank with 50,000 papers).
   */
  private arrivals: { writes: number; feed: Arrival[] } | undefined;
  private paperWrites = 0;
  private watching: (() => void) | undefined;
  /** Who asked for the ranking the timer will start. */
  private asks: { resolve: () => void; reject: (error: unknown) => void }[] = [];

  constructor(private readonly options: RankerOptions) {
    const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    const pause = options.pause ?? (() => sleep(BREATHE_MS));
    const whenIdle = options.whenIdle ?? (async () => undefined);
    this.pause = async () => {
      await pause();
      await whenIdle();
    };
  }

  /**
   * Asks for a new ranking soon; many asks in a row make one. Resolves, for every ask, when it
   * is stored.
   */
  request(): Promise<void> {
    clearTimeout(this.timer);
    const asked = new Promise<void>((resolve, reject) => this.asks.push({ resolve, reject }));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const asks = this.asks.splice(0);
      this.run().then(
        () => asks.forEach((ask) => ask.resolve()),
        (error: unknown) => asks.forEach((ask) => ask.reject(error)),
      );
    }, this.options.debounceMs ?? DEBOUNCE_MS);
    return asked;
  }

  /**
   * Drops a ranking asked for and not started (its asks resolve: nothing more is ranked), stops
   * counting paper writes, and resolves when a ranking under way is stored.
   */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const ask of this.asks.splice(0)) ask.resolve();
    this.watching?.();
    this.watching = undefined;
    this.arrivals = undefined;
    await (this.queued ?? this.running)?.catch(() => undefined);
  }

  /**
   * Ranks when something changed since the last ranking: the labels (a save, an unsave or a
   * "not interested" the worker was not awake for), or papers that arrived since. Cheap otherwise.
   */
  async refreshIfStale(): Promise<void> {
    const [{ liked, disliked }, model, ranking, newest] = await Promise.all([readerLabels(), getRankModel(), getRankingHead(), newestArrival()]);
    const wanted = liked.length >= MIN_SAVED_FOR_RANKING;
    const stale = !ranking || !model || model.labels !== `${liked.join(',')}|${disliked.join(',')}` || (newest?.addedAt ?? 0) > ranking.builtAt;
    if (wanted ? stale : ranking !== undefined) await this.run();
  }

  /**
   * Ranks now, or right after the ranking in progress (which started before the latest change).
   * Resolves once a ranking that started after this call is stored.
   */
  run(): Promise<void> {
    if (this.running) {
      this.queued ??= this.running
        .catch(() => undefined)
        .then(() => {
          this.queued = null;
          return this.run();
        });
      return this.queued;
    }
    this.running = this.rank().finally(() => (this.running = null));
    return this.running;
  }

  private async rank(): Promise<void> {
    await this.pause();
    // The ranking is of the store as it was now: papers stored from here on make it stale.
    const startedAt = this.options.now();
    const { liked, disliked } = await readerLabels();
    if (liked.length < MIN_SAVED_FOR_RANKING) {
      await clearRanking();
      return;
    }
    const labels = `${liked.join(',')}|${disliked.join(',')}`;
    const stored = (await paperCounts()).papers;
    let model = await getRankModel();
    let chunks = model ? (await this.storedChunks()).filter((c) => c.vocabularyId === model!.vocabularyId) : [];
    const rows = chunks.reduce((n, c) => n + c.ids.length, 0);
    // Learned afresh when the store has grown well past what the vocabulary was learned from,
    // or when the features hold many papers deleted since (retention keeps the store's size).
    let vocabulary: Vocabulary;
    if (!model || stored > model.documents * REGROWTH || rows > stored * REGROWTH + BATCH) {
      const newest = await allPaperIds();
      const labelled = [...liked, ...disliked];
      vocabulary = await this.learnVocabulary(newestAndLabelled(newest, VOCABULARY_SAMPLE, labelled));
      model = { vocabularyId: (model?.vocabularyId ?? 0) + 1, terms: vocabulary.terms, idf: vocabulary.idf, weights: new Float32Array(), bias: 0, documents: stored, labels: '', trainedAt: 0 };
      chunks = await this.writeFeatures(newestAndLabelled(newest, MAX_RANKED, labelled), vocabulary, model.vocabularyId, true);
    } else {
      vocabulary = { terms: model.terms, idf: model.idf, index: new Map(model.terms.map((t, i) => [t, i])), documents: model.documents };
      // Papers stored since the last ranking (a sync) get theirs now, and labelled papers
      // without any (saved from further back). No arrival since: no need to list every paper.
      const known = new Set(chunks.flatMap((c) => c.ids));
      // Only when it was built: the head says so without the whole order's 50,000 ids.
      const [ranking, newest] = await Promise.all([getRankingHead(), newestArrival()]);
      const arrived = !ranking || (newest?.addedAt ?? 0) >= ranking.builtAt;
      const labelled = [...liked, ...disliked];
      const fresh = (arrived ? newestAndLabelled(await allPaperIds(), MAX_RANKED, labelled) : labelled).filter((id) => !known.has(id));
      if (fresh.length > 0) chunks = [...chunks, ...(await this.writeFeatures(fresh, vocabulary, model.vocabularyId, false))];
    }
    this.features = { keys: chunks.map((c) => c.key).join(','), chunks };
    const vectors = vectorsById(chunks);
    const feed = await this.feedArrivals();
    if (model.labels !== labels) {
      const trained = this.train(vectors, liked, disliked, feed.map((p) => p.id), vocabulary.terms.length);
      model = { ...model, weights: trained.weights, bias: trained.bias, labels, trainedAt: this.options.now() };
    }
    await putRankResult(model, await this.order(model, vectors, feed, liked, startedAt));
  }

  /** The stored feature chunks, from memory when the copy there is of the same chunks. */
  private async storedChunks(): Promise<FeatureChunk[]> {
    const keys = (await featureKeys()).join(',');
    if (this.features?.keys !== keys) this.features = { keys, chunks: await featureChunks() };
    return this.features.chunks;
  }

  /** The feed's papers in order, from memory when no paper was written since they were read. */
  private async feedArrivals(): Promise<Arrival[]> {
    this.watching ??= onPapersWritten(() => this.paperWrites++);
    const writes = this.paperWrites;
    // Arrivals, and dates, older than a week (and NEWS_LAG) all count as "Earlier" (see
    // freshnessOf). A write while they are read makes the next ranking read them again.
    if (this.arrivals?.writes !== writes) this.arrivals = { writes, feed: await feedArrivals(this.options.now() - WEEK, NEWS_LAG) };
    return this.arrivals.feed;
  }

  /** Terms and their weights, from the papers of `ids`. */
  private async learnVocabulary(ids: string[]): Promise<Vocabulary> {
    const frequencies = new DocumentFrequencies();
    for await (const papers of this.batches(ids)) for (const paper of papers) frequencies.add(paperTerms(paper));
    return buildVocabulary(frequencies);
  }

  /**
   * The stored papers of `ids`, BATCH at a time, with a pause after each: the next batch is
   * asked for before this one is handed out, so the database reads while the worker computes
   * and breathes (a first ranking of 50,000 papers spent 5 s of its 21 s waiting for reads).
   */
  private async *batches(ids: string[]): AsyncGenerator<StoredPaper[]> {
    const read = (from: number) => {
      const papers = getPapers(ids.slice(from, from + BATCH));
      papers.catch(() => undefined); // a failed read is thrown where it is awaited, not reported unhandled meanwhile
      return papers;
    };
    let next = read(0);
    for (let from = 0; from < ids.length; from += BATCH) {
      const papers = await next;
      if (from + BATCH < ids.length) next = read(from + BATCH);
      yield papers.filter((p): p is StoredPaper => p !== undefined);
      await this.pause();
    }
  }

  private async writeFeatures(ids: string[], vocabulary: Vocabulary, vocabularyId: number, replace: boolean): Promise<FeatureChunk[]> {
    const chunks: FeatureChunk[] = [];
    let key = replace ? 1 : await nextFeatureKey();
    for await (const papers of this.batches(ids)) chunks.push({ key: key++, vocabularyId, ...toRows(papers, vocabulary) });
    await putFeatureChunks(chunks, replace);
    return chunks;
  }

  private train(vectors: Map<string, SparseVector>, liked: string[], disliked: string[], feed: string[], dimensions: number): LinearModel {
    const labelled = new Set([...liked, ...disliked]);
    const random = seeded(liked.length * 31 + disliked.length);
    const others = feed.filter((id) => !labelled.has(id));
    // A fixed-size sample of the rest, drawn without replacement.
    for (let i = 0; i < Math.min(NEGATIVES, others.length); i++) {
      const j = i + Math.floor(random() * (others.length - i));
      [others[i], others[j]] = [others[j]!, others[i]!];
    }
    return trainInterest(vectors, dimensions, { liked, disliked, others: others.slice(0, NEGATIVES) }, { random });
  }

  private async order(model: RankModel, vectors: Map<string, SparseVector>, feed: Arrival[], liked: string[], startedAt: number): Promise<Ranking> {
    const now = this.options.now();
    // Saved papers are in the library: the order is for finding the next ones.
    const saved = new Set(liked);
    // Papers without features (older than the newest MAX_RANKED) come after all the others, newest first.
    const scored = feed.filter((p) => !saved.has(p.id)).map((p) => {
      const x = vectors.get(p.id);
      return { ...p, score: x ? dot(model.weights, x) + model.bias : -1e9 };
    });
    const { ids, freshness } = forYouOrder(scored, now);
    const likedPapers = (await getPapers(liked)).flatMap((p) => {
      const vector = p && vectors.get(p.id);
      return vector ? [{ id: p.id, title: p.title, vector }] : [];
    });
    const explained = await getPapers(ids.slice(0, EXPLAINED));
    const why = ids.slice(0, EXPLAINED).map((id, i) => {
      const x = vectors.get(id);
      const paper = explained[i];
      // The abstract first: a word is written there as in a sentence, in the title often capitalised.
      // A line apart, so that the abstract's last word and the title's first are not read as a phrase.
      return x ? whyLine(id, x, model, model.terms, likedPapers, paper ? `${paper.summary}\n${paper.title}` : '') : '';
    });
    return { ids, freshness, why, builtAt: startedAt };
  }
}
