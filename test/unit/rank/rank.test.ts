import { describe, expect, it } from 'vitest';
import type { ArxivEntry } from '../../../lib/arxiv/entry';
import { featuresOf } from '../../../lib/rank/model';
import { rankByInterest } from '../../../lib/rank/rank';
import { seeded } from '../../../lib/rank/svm';
import { dot } from '../../../lib/rank/vocabulary';
import { fixtureFeed, type LabeledPaper } from './corpus';

/** Share of (topic, other) pairs where the topic's paper ranks first: 1 is perfect, 0.5 is chance. */
function auc(order: readonly string[], positive: ReadonlySet<string>): number {
  let positives = 0;
  let pairs = 0;
  let negatives = 0;
  for (const id of order) {
    if (positive.has(id)) positives++;
    else {
      negatives++;
      pairs += positives;
    }
  }
  return pairs / (positives * negatives);
}

/**
 * The textbook baseline: candidates by cosine to the mean tf-idf vector of the liked papers.
 * Liked papers and candidates together are always the whole feed: its features are made once.
 */
function centroidOrder(liked: ArxivEntry[], candidates: ArxivEntry[]): string[] {
  const { vocabulary, vectors } = (feedFeatures ??= featuresOf(feed.map((p) => p.paper)));
  const centroid = new Float64Array(vocabulary.terms.length);
  for (const paper of liked) {
    const x = vectors.get(paper.id)!;
    x.idx.forEach((column, k) => (centroid[column]! += x.val[k]!));
  }
  const score = new Map(candidates.map((c) => [c.id, dot(centroid, vectors.get(c.id)!)]));
  return candidates.map((c) => c.id).sort((a, b) => score.get(b)! - score.get(a)!);
}

// Ranking must work from title, abstract and authors alone: categories are blanked throughout.
const feed: LabeledPaper[] = fixtureFeed().map((p) => ({ ...p, paper: { ...p.paper, categories: [], primaryCategory: '' } }));
let feedFeatures: ReturnType<typeof featuresOf> | undefined;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** Ten draws of `k` liked papers of a field; the rest of the feed is ranked (once per field and k). */
const drawn = new Map<string, ReturnType<typeof draw>>();
const trials = (field: string, k: number) => drawn.get(`${field} ${k}`) ?? drawn.set(`${field} ${k}`, draw(field, k)).get(`${field} ${k}`)!;

function draw(field: string, k: number) {
  const topic = feed.filter((p) => p.field === field);
  return Array.from({ length: 10 }, (_, trial) => {
    const random = seeded(trial + 1);
    const liked = topic.map((p) => ({ p, r: random() })).sort((a, b) => a.r - b.r).slice(0, k).map(({ p }) => p.paper);
    const likedIds = new Set(liked.map((p) => p.id));
    const candidates = feed.filter((p) => !likedIds.has(p.paper.id)).map((p) => p.paper);
    const positive = new Set(topic.map((p) => p.paper.id).filter((id) => !likedIds.has(id)));
    const order = rankByInterest(liked, [], candidates);
    return { auc: auc(order, positive), baseline: auc(centroidOrder(liked, candidates), positive), top10: order.slice(0, 10).filter((id) => positive.has(id)).length };
  });
}

// Each case ranks the whole feed twenty times: allow for a busy machine.
describe('rankByInterest on a real feed of several fields (the fixtures: API pages, the cs.CL RSS feed, cs.DC cards and Daily Papers)', { timeout: 120_000 }, () => {
  const fields = ['cs.DC', 'cs.SE', 'cs.CL'];

  it.each(fields)('%s: the rest of the field ranks above the other papers, at least as well as the tf-idf centroid', (field) => {
    for (const k of [5, 20]) {
      const runs = trials(field, k);
      const [ours, baseline] = [mean(runs.map((r) => r.auc)), mean(runs.map((r) => r.baseline))];
      console.log(`${field}, ${k} liked, of ${feed.length} papers: AUC ${ours.toFixed(3)} (centroid ${baseline.toFixed(3)}); topic papers in the top 10: ${mean(runs.map((r) => r.top10)).toFixed(1)}`);
      expect(ours).toBeGreaterThanOrEqual(baseline - 0.005);
      expect(ours).toBeGreaterThan(0.75);
    }
  });

  it.each(fields)('%s: with 5 liked papers, most of the top 10 are of the field', (field) => {
    expect(mean(trials(field, 5).map((r) => r.top10))).toBeGreaterThanOrEqual(6);
  });

  it('puts papers like the disliked ones last', () => {
    const testing = feed.filter((p) => p.field === 'cs.SE').map((p) => p.paper);
    const language = feed.filter((p) => p.field === 'cs.CL').map((p) => p.paper);
    const candidates = feed.map((p) => p.paper).filter((p) => !testing.slice(0, 5).includes(p) && !language.slice(0, 5).includes(p));
    const without = rankByInterest(testing.slice(0, 5), [], candidates);
    const withDislikes = rankByInterest(testing.slice(0, 5), language.slice(0, 5), candidates);
    const language_ = new Set(language.map((p) => p.id));
    const meanRank = (order: string[]) => mean(order.flatMap((id, i) => (language_.has(id) ? [i] : [])));
    expect(meanRank(withDislikes)).toBeGreaterThan(meanRank(without));
  });
});

describe('rankByInterest, the contract', () => {
  const papers = feed.slice(0, 30).map((p) => p.paper);

  it('returns every candidate exactly once, whatever the input repeats', () => {
    const order = rankByInterest([papers[0]!, papers[0]!], [papers[1]!], [...papers, papers[3]!]);
    expect([...order].sort()).toEqual(papers.map((p) => p.id).sort());
  });

  it('keeps the given order when nothing is liked or disliked, and ranks nothing out of nothing', () => {
    expect(rankByInterest([], [], papers)).toEqual(papers.map((p) => p.id));
    expect(rankByInterest(papers.slice(0, 2), [], [])).toEqual([]);
  });

  it('ranks a liked paper given again as a candidate first', () => {
    expect(rankByInterest([papers[7]!], [], papers)[0]).toBe(papers[7]!.id);
  });

  it('ranks papers with no words it knows without failing', () => {
    const blank = { ...papers[0]!, id: '2601.00001', title: '', summary: '', authors: [] };
    expect(rankByInterest([papers[1]!], [], [blank, papers[2]!])).toHaveLength(2);
  });
});
