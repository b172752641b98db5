/**
 * Which terms count, and how much: a vocabulary with inverse document frequencies (tf-idf as in
 * arxiv-sanity: sublinear term frequency, smoothed idf, vectors of length 1).
 */

export interface Vocabulary {
  /** Term → its column. */
  index: Map<string, number>;
  terms: string[];
  idf: Float32Array;
  /** Documents the vocabulary was built from. */
  documents: number;
}

/** A paper's tf-idf vector: columns in increasing order, and their values (length 1 in all). */
export interface SparseVector {
  idx: Uint32Array;
  val: Float32Array;
}

export interface VocabularyOptions {
  /** Terms in fewer documents than this are left out (typos, one-off names). */
  minDocuments?: number;
  /** Terms in more than this share of documents are left out (they separate nothing). */
  maxShare?: number;
  maxTerms?: number;
}

export function buildVocabulary(documents: readonly Map<string, number>[], options: VocabularyOptions = {}): Vocabulary {
  const n = documents.length;
  const minDocuments = options.minDocuments ?? (n < 200 ? 1 : n < 2000 ? 2 : 3);
  const maxDocuments = Math.max(2, Math.floor((options.maxShare ?? 0.5) * n));
  const maxTerms = options.maxTerms ?? 50_000;
  const df = new Map<string, number>();
  for (const doc of documents) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const kept = [...df].filter(([, count]) => count >= minDocuments && count <= maxDocuments);
  // The most widespread terms first when the vocabulary is full; ties in term order, so the same documents make the same vocabulary.
  kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const terms = kept.slice(0, maxTerms).map(([term]) => term).sort();
  const idf = new Float32Array(terms.length);
  terms.forEach((term, i) => (idf[i] = Math.log((1 + n) / (1 + df.get(term)!)) + 1));
  return { index: new Map(terms.map((term, i) => [term, i])), terms, idf, documents: n };
}

export function vectorize(counts: Map<string, number>, vocabulary: Vocabulary): SparseVector {
  const entries: [number, number][] = [];
  for (const [term, count] of counts) {
    const column = vocabulary.index.get(term);
    if (column !== undefined) entries.push([column, (1 + Math.log(count)) * vocabulary.idf[column]!]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  let squares = 0;
  for (const [, value] of entries) squares += value * value;
  const norm = Math.sqrt(squares) || 1;
  return { idx: Uint32Array.from(entries, ([column]) => column), val: Float32Array.from(entries, ([, value]) => value / norm) };
}

export function dot(weights: ArrayLike<number>, x: SparseVector): number {
  let sum = 0;
  for (let k = 0; k < x.idx.length; k++) sum += weights[x.idx[k]!]! * x.val[k]!;
  return sum;
}
