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

/**
 * The model of one reader's interest: liked papers against disliked ones and against the other
 * papers (which the reader did not choose: weak negatives, as in arxiv-sanity). Each side's
 * weight is spread over its examples, so five liked papers count as much as a thousand others.
 */
export function trainInterest(features: Features, liked: readonly string[], disliked: readonly string[], others: readonly string[], costs: Record<keyof typeof LABEL_COSTS, number> = LABEL_COSTS): LinearModel {
  const examples: Example[] = [];
  const add = (ids: readonly string[], y: 1 | -1, total: number) => {
    const present = ids.flatMap((id) => features.vectors.get(id) ?? []);
    for (const x of present) examples.push({ x, y, cost: total / Math.max(1, present.length) });
  };
  add(liked, 1, costs.liked * 10);
  add(disliked, -1, costs.disliked * 10);
  add(others, -1, costs.unlabeled * 10);
  return trainSvm(examples, features.vocabulary.terms.length);
}

export const score = (model: LinearModel, x: SparseVector) => dot(model.weights, x) + model.bias;
