import type { RankedPaper } from './model';
import { termSources, TITLE_WEIGHT, type TermSources } from './terms';
import { scratchFor, weighInto, type SparseVector, type Vocabulary } from './vocabulary';

/** Rows of tf-idf vectors, stored together (CSR): row i is idx/val[rowStart[i] .. rowStart[i + 1]). */
export interface FeatureRows {
  ids: string[];
  rowStart: Uint32Array;
  idx: Uint32Array;
  val: Float32Array;
}

/** The columns of word pairs by their first word, then their second. */
const pairColumns = new WeakMap<Vocabulary, Map<string, Map<string, number>>>();

function pairsOf(vocabulary: Vocabulary): Map<string, Map<string, number>> {
  let pairs = pairColumns.get(vocabulary);
  if (!pairs) {
    pairs = new Map();
    vocabulary.terms.forEach((term, column) => {
      const space = term.indexOf(' ');
      if (space < 0) return;
      const first = term.slice(0, space);
      let seconds = pairs!.get(first);
      if (!seconds) pairs!.set(first, (seconds = new Map()));
      seconds.set(term.slice(space + 1), column);
    });
    pairColumns.set(vocabulary, pairs);
  }
  return pairs;
}

/** The columns of the paper being counted: one per term of the vocabulary it has. */
let columnScratch = new Uint32Array(1024);
/** Which paper last counted each column: a column stamped otherwise starts its count afresh. */
let stamps = new Uint32Array(0);
let paperStamp = 0;

/** Terms a paper can have at most: each word, each pair of neighbours, the authors and categories. */
const mostTerms = ({ title, summary, others }: TermSources) => 2 * (title.length + summary.length) + others.length;

/**
 * Counts a paper's terms into `counts` by column, as `paperTerms` counts them by term: a word
 * pair is looked up by its two words, without joining them into a string. Returns the columns
 * counted, each once. A count is set when its column is first seen for this paper, so nothing
 * left in `counts` by an earlier paper (or a vector that failed half-way) is ever added to.
 */
function countColumns(sources: TermSources, vocabulary: Vocabulary, counts: Float64Array): Uint32Array {
  const { title, summary, others } = sources;
  const { index } = vocabulary;
  const pairs = pairsOf(vocabulary);
  const most = mostTerms(sources);
  if (columnScratch.length < most) columnScratch = new Uint32Array(most);
  if (stamps.length < vocabulary.terms.length) stamps = new Uint32Array(vocabulary.terms.length);
  if (++paperStamp === 2 ** 32) {
    stamps.fill(0);
    paperStamp = 1;
  }
  const columns = columnScratch;
  let size = 0;
  const add = (column: number | undefined, by: number) => {
    if (column === undefined) return;
    if (stamps[column] !== paperStamp) {
      stamps[column] = paperStamp;
      counts[column] = by;
      columns[size++] = column;
    } else counts[column] = counts[column]! + by;
  };
  for (const [words, weight] of [[title, TITLE_WEIGHT], [summary, 1]] as const) {
    for (let i = 0; i < words.length; i++) {
      add(index.get(words[i]!), weight);
      if (i > 0) add(pairs.get(words[i - 1]!)?.get(words[i]!), weight);
    }
  }
  for (const term of others) add(index.get(term), 1);
  return columns.subarray(0, size);
}

/**
 * The papers' tf-idf vectors (each as `vectorize(paperTerms(paper))` makes it), written straight
 * into the rows' arrays: no map of each paper's terms, no arrays of its own (a first ranking of
 * 50,000 papers spent most of its time making and collecting those).
 */
export function toRows(papers: readonly RankedPaper[], vocabulary: Vocabulary): FeatureRows {
  const counts = scratchFor(vocabulary);
  const rowStart = new Uint32Array(papers.length + 1);
  let idx = new Uint32Array(papers.length * 128);
  let val = new Float32Array(idx.length);
  papers.forEach((paper, i) => {
    const sources = termSources(paper);
    const at = rowStart[i]!;
    // Room for the most the paper can have, made before its terms are counted.
    const most = mostTerms(sources);
    if (at + most > idx.length) {
      const size = Math.max(2 * idx.length, at + most);
      [idx, val] = [grown(idx, new Uint32Array(size)), grown(val, new Float32Array(size))];
    }
    const columns = countColumns(sources, vocabulary, counts);
    weighInto(columns, counts, vocabulary.idf, idx, val, at);
    rowStart[i + 1] = at + columns.length;
  });
  const end = rowStart[papers.length]!;
  return { ids: papers.map((p) => p.id), rowStart, idx: idx.slice(0, end), val: val.slice(0, end) };
}

function grown<T extends Uint32Array | Float32Array>(from: T, to: T): T {
  to.set(from);
  return to;
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
