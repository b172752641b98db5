import type { ArxivEntry } from '../arxiv/entry';
import { featuresOf, score, trainInterest } from './model';

/**
 * The contract of DESIGN.md ("Ranking"): every candidate's id exactly once, the papers most
 * like the liked ones (and least like the disliked ones) first. Built from the same parts as the
 * extension's own ranking (lib/rank/model.ts); works from title, abstract and authors alone.
 */
export function rankByInterest(liked: ArxivEntry[], disliked: ArxivEntry[], candidates: ArxivEntry[]): string[] {
  const unique = new Map<string, ArxivEntry>();
  for (const paper of [...candidates, ...liked, ...disliked]) if (!unique.has(paper.id)) unique.set(paper.id, paper);
  const ids = [...new Set(candidates.map((c) => c.id))];
  if (liked.length === 0 && disliked.length === 0) return ids;
  const features = featuresOf([...unique.values()]);
  const labeled = new Set([...liked, ...disliked].map((p) => p.id));
  const others = [...unique.keys()].filter((id) => !labeled.has(id));
  const model = trainInterest(features.vectors, features.vocabulary.terms.length, { liked: liked.map((p) => p.id), disliked: disliked.map((p) => p.id), others });
  const scores = new Map(ids.map((id) => [id, score(model, features.vectors.get(id)!)]));
  return ids.map((id, i) => ({ id, i })).sort((a, b) => scores.get(b.id)! - scores.get(a.id)! || a.i - b.i).map((r) => r.id);
}
