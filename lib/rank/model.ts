import type { ArxivEntry } from '../arxiv/entry';
import { trainSvm, type Example, type LinearModel } from './svm';
import { paperTerms } from './terms';
import { buildVocabulary, dot, vectorize, type SparseVector, type Vocabulary } from './vocabulary';

export type RankedPaper = Pick<ArxivEntry, 'id' | 'title' | 'summary' | 'authors' | 'categories'>;

/** How much the reader's labels weigh: a "not interested" weighs more than a paper merely not saved. */
export const LABEL_COSTS = { liked: 1, disliked: 0.5, unlabeled: 0.05 } as const;

export interface Features {
  vocabulary: Vocabulary;
  vectors: Map<string, SparseVector>;
}

/** The tf-idf vectors of papers over a vocabulary built from them. */
export function featuresOf(papers: readonly RankedPaper[]): Features {
  const terms = papers.map(paperTerms);
  const vocabulary = buildVocabulary(terms);
  return { vocabulary, vectors: new Map(papers.map((p, i) => [p.id, vectorize(terms[i]!, vocabulary)])) };
}

export interface Labels {
  liked: readonly string[];
  disliked: readonly string[];
  /** Papers the reader did not choose: weak negatives, as in arxiv-sanity. */
  others: readonly string[];
}

/**
 * The model of one reader's interest: liked papers against disliked ones and against the others.
 * Each side's weight is spread over its examples, so five liked papers count as much as a
 * thousand others. A paper both liked and disliked counts as liked.
 */
export function trainInterest(vectors: ReadonlyMap<string, SparseVector>, dimensions: number, labels: Labels, options: { costs?: Record<keyof typeof LABEL_COSTS, number>; random?: () => number } = {}): LinearModel {
  const costs = options.costs ?? LABEL_COSTS;
  const liked = new Set(labels.liked);
  const examples: Example[] = [];
  const add = (ids: readonly string[], y: 1 | -1, total: number) => {
    const present = ids.flatMap((id) => vectors.get(id) ?? []);
    for (const x of present) examples.push({ x, y, cost: (total * 10) / Math.max(1, present.length) });
  };
  add([...liked], 1, costs.liked);
  add(labels.disliked.filter((id) => !liked.has(id)), -1, costs.disliked);
  add(labels.others, -1, costs.unlabeled);
  return trainSvm(examples, dimensions, { random: options.random });
}

export const score = (model: LinearModel, x: SparseVector) => dot(model.weights, x) + model.bias;
