import type { RankedPaper } from './model';
import { paperTerms } from './terms';
import { vectorize, type SparseVector, type Vocabulary } from './vocabulary';

/** Rows of tf-idf vectors, stored together (CSR): row i is idx/val[rowStart[i] .. rowStart[i + 1]). */
export interface FeatureRows {
  ids: string[];
  rowStart: Uint32Array;
  idx: Uint32Array;
  val: Float32Array;
}

export function toRows(papers: readonly RankedPaper[], vocabulary: Vocabulary): FeatureRows {
  const vectors = papers.map((p) => vectorize(paperTerms(p), vocabulary));
  const rowStart = new Uint32Array(vectors.length + 1);
  vectors.forEach((v, i) => (rowStart[i + 1] = rowStart[i]! + v.idx.length));
  const idx = new Uint32Array(rowStart[vectors.length]!);
  const val = new Float32Array(idx.length);
  vectors.forEach((v, i) => {
    idx.set(v.idx, rowStart[i]!);
    val.set(v.val, rowStart[i]!);
  });
  return { ids: papers.map((p) => p.id), rowStart, idx, val };
}

/** Row `i` as a vector (views into the rows' arrays: nothing is copied). */
export function rowAt(rows: FeatureRows, i: number): SparseVector {
  const from = rows.rowStart[i]!;
  const to = rows.rowStart[i + 1]!;
  return { idx: rows.idx.subarray(from, to), val: rows.val.subarray(from, to) };
}

/** Every row of several chunks by paper id. */
export function vectorsById(chunks: readonly FeatureRows[]): Map<string, SparseVector> {
  const vectors = new Map<string, SparseVector>();
  for (const chunk of chunks) chunk.ids.forEach((id, i) => vectors.set(id, rowAt(chunk, i)));
  return vectors;
}
