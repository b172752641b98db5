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

/** Distinct terms counted at once; past it, terms seen in one document so far are dropped (they would not be kept anyway). */
const MAX_COUNTED = 400_000;

/** Counts in how many documents each term appears, one document at a time (the documents need not be kept). */
export class DocumentFrequencies {
  readonly counts = new Map<string, number>();
  documents = 0;

  add(terms: Map<string, number>): void {
    this.documents++;
    for (const term of terms.keys()) this.counts.set(term, (this.counts.get(term) ?? 0) + 1);
    if (this.counts.size > MAX_COUNTED) for (const [term, count] of this.counts) if (count === 1) this.counts.delete(term);
  }
}

export function buildVocabulary(documents: readonly Map<string, number>[] | DocumentFrequencies, options: VocabularyOptions = {}): Vocabulary {
  let frequencies = documents;
  if (Array.isArray(frequencies)) {
    const counted = new DocumentFrequencies();
    for (const doc of frequencies) counted.add(doc);
    frequencies = counted;
  }
  const { counts: df, documents: n } = frequencies as DocumentFrequencies;
  const minDocuments = options.minDocuments ?? (n < 200 ? 1 : n < 2000 ? 2 : 3);
  const maxDocuments = Math.max(2, Math.floor((options.maxShare ?? 0.5) * n));
  const maxTerms = options.maxTerms ?? 50_000;
  const kept: [string, number][] = [];
  for (const entry of df) if (entry[1] >= minDocuments && entry[1] <= maxDocuments) kept.push(entry);
  // The most widespread terms first when the vocabulary is full; ties in term order, so the same documents make the same vocabulary.
  if (kept.length > maxTerms) kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const terms = kept.slice(0, maxTerms).map(([term]) => term).sort();
  const idf = new Float32Array(terms.length);
  terms.forEach((term, i) => (idf[i] = Math.log((1 + n) / (1 + df.get(term)!)) + 1));
  return { index: new Map(terms.map((term, i) => [term, i])), terms, idf, documents: n };
}

/** Counts, then values, by column while a vector is made: each is set before it is read. */
let scratch = new Float64Array(0);

/** The scratch for a vocabulary's columns. */
export function scratchFor(vocabulary: Vocabulary): Float64Array {
  if (scratch.length < vocabulary.terms.length) scratch = new Float64Array(vocabulary.terms.length);
  return scratch;
}

/**
 * Weighs the counts at `columns` (each column once) of `counts` as a vector: sublinear term
 * frequency times idf, length 1; writes its columns in order to `idx` and its values to `val`,
 * from `at`. Sorts `columns`.
 */
export function weighInto(columns: Uint32Array, counts: Float64Array, idf: Float32Array, idx: Uint32Array, val: Float32Array, at: number): void {
  // Columns sort as plain numbers; their values are looked up after.
  columns.sort();
  const size = columns.length;
  let squares = 0;
  for (let k = 0; k < size; k++) {
    const column = columns[k]!;
    counts[column] = (1 + Math.log(counts[column]!)) * idf[column]!;
    // Summed in column order, as the values are laid out.
    squares += counts[column]! ** 2;
  }
  const norm = Math.sqrt(squares) || 1;
  for (let k = 0; k < size; k++) {
    const column = columns[k]!;
    idx[at + k] = column;
    val[at + k] = counts[column]! / norm;
  }
}

export function vectorize(counts: Map<string, number>, vocabulary: Vocabulary): SparseVector {
  const values = scratchFor(vocabulary);
  const columns = new Uint32Array(counts.size);
  let size = 0;
  for (const [term, count] of counts) {
    const column = vocabulary.index.get(term);
    if (column === undefined) continue;
    values[column] = count;
    columns[size++] = column;
  }
  const vector = { idx: new Uint32Array(size), val: new Float32Array(size) };
  weighInto(columns.subarray(0, size), values, vocabulary.idf, vector.idx, vector.val, 0);
  return vector;
}

export function dot(weights: ArrayLike<number>, x: SparseVector): number {
  let sum = 0;
  for (let k = 0; k < x.idx.length; k++) sum += weights[x.idx[k]!]! * x.val[k]!;
  return sum;
}
