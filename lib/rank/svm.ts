import type { SparseVector } from './vocabulary';

export interface LinearModel {
  weights: Float32Array;
  bias: number;
}

export interface Example {
  x: SparseVector;
  /** 1: the reader wants papers like it; -1: not. */
  y: 1 | -1;
  /** How much a mistake on it costs (the SVM's C for this example). */
  cost: number;
}

/**
 * A linear SVM (L2-regularized, squared hinge loss), trained by dual coordinate descent
 * (Hsieh et al., ICML 2008; what LIBLINEAR and scikit-learn's LinearSVC run): one pass updates
 * one example's dual variable at a time, touching only that example's non-zero features. The
 * bias is learned as the weight of a constant feature.
 */
export function trainSvm(examples: readonly Example[], dimensions: number, options: { passes?: number; tolerance?: number; random?: () => number } = {}): LinearModel {
  const passes = options.passes ?? 200;
  const tolerance = options.tolerance ?? 1e-4;
  const random = options.random ?? seeded(1);
  const weights = new Float64Array(dimensions);
  let bias = 0;
  const alpha = new Float64Array(examples.length);
  // Diagonal of the dual's Hessian: |x|² + 1 (the bias feature) + 1/(2C).
  const diagonal = examples.map((e) => sumSquares(e.x) + 1 + 1 / (2 * e.cost));
  const order = examples.map((_, i) => i);
  for (let pass = 0; pass < passes; pass++) {
    shuffle(order, random);
    let largest = 0;
    for (const i of order) {
      const { x, y, cost } = examples[i]!;
      let margin = bias;
      for (let k = 0; k < x.idx.length; k++) margin += weights[x.idx[k]!]! * x.val[k]!;
      const gradient = y * margin - 1 + alpha[i]! / (2 * cost);
      const projected = alpha[i] === 0 ? Math.min(gradient, 0) : gradient;
      largest = Math.max(largest, Math.abs(projected));
      if (Math.abs(projected) < 1e-12) continue;
      const before = alpha[i]!;
      alpha[i] = Math.max(before - gradient / diagonal[i]!, 0);
      const step = (alpha[i]! - before) * y;
      for (let k = 0; k < x.idx.length; k++) weights[x.idx[k]!]! += step * x.val[k]!;
      bias += step;
    }
    if (largest < tolerance) break;
  }
  return { weights: Float32Array.from(weights), bias };
}

function sumSquares(x: SparseVector): number {
  let sum = 0;
  for (const v of x.val) sum += v * v;
  return sum;
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

/** A small deterministic generator (mulberry32): the same labels train the same model. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
