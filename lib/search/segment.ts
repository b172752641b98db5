import { foldCase, isWordCode } from './words';

/**
 * An inverted index over a slice of the papers. Its vocabulary is sorted, so the words that
 * start with a prefix are one binary search and a run of neighbours; postings are document
 * numbers in typed arrays, compact enough for 50,000 abstracts.
 */
export class Segment {
  constructor(
    readonly ids: readonly string[],
    private readonly vocabulary: readonly string[],
    /** Postings of vocabulary[i] are postings[starts[i]] up to postings[starts[i + 1]]. */
    private readonly starts: Uint32Array,
    private readonly postings: Uint32Array,
  ) {}

  /**
   * Counts, per document, how many of `prefixes` start one of its words; a document matches
   * when it reaches `prefixes.length`. `hits` is scratch space of at least `ids.length`.
   */
  match(prefixes: readonly string[], hits: Uint8Array): boolean {
    hits.fill(0, 0, this.ids.length);
    for (let round = 0; round < prefixes.length; round++) {
      if (!this.markPrefix(prefixes[round] as string, round, hits)) return false;
    }
    return true;
  }

  /** Moves documents that matched `round` prefixes and contain `prefix` on to `round + 1`. */
  private markPrefix(prefix: string, round: number, hits: Uint8Array): boolean {
    const { vocabulary, starts, postings } = this;
    let found = false;
    for (let term = lowerBound(vocabulary, prefix); term < vocabulary.length; term++) {
      if (!(vocabulary[term] as string).startsWith(prefix)) break;
      const end = starts[term + 1] as number;
      for (let i = starts[term] as number; i < end; i++) {
        const doc = postings[i] as number;
        if (hits[doc] === round) {
          hits[doc] = round + 1;
          found = true;
        }
      }
    }
    return found;
  }
}

function lowerBound(sorted: readonly string[], key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as string) < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

const EMPTY = -1;

/**
 * Collects documents, then freezes them into a Segment. Words are looked up in an
 * open-addressing table straight from the text, without cutting a string per word: a Map
 * keyed by fresh substrings made building ten times slower.
 */
export class SegmentBuilder {
  private readonly ids: string[] = [];
  private readonly terms: string[] = [];
  private termHashes: Int32Array = new Int32Array(1024);
  private lastDocOfTerm: Int32Array = new Int32Array(1024).fill(EMPTY);
  private table: Int32Array = new Int32Array(2048).fill(EMPTY);
  // (term, document) pairs in document order, each pair once.
  private readonly pairTerms: number[] = [];
  private readonly pairDocs: number[] = [];

  get size(): number {
    return this.ids.length;
  }

  add(id: string, text: string): void {
    this.addFolded(id, foldCase(text));
  }

  /** Adds a document whose text has been through `foldCase` already. */
  addFolded(id: string, folded: string): void {
    const doc = this.ids.length;
    this.ids.push(id);
    const length = folded.length;
    let i = 0;
    while (i < length) {
      if (!isWordCode(folded.charCodeAt(i))) {
        i++;
        continue;
      }
      const start = i;
      let hash = 0x811c9dc5 | 0; // FNV-1a
      for (; i < length; i++) {
        const code = folded.charCodeAt(i);
        if (!isWordCode(code)) break;
        hash = Math.imul(hash ^ code, 16777619);
      }
      const term = this.termAt(folded, start, i, hash);
      if (this.lastDocOfTerm[term] !== doc) {
        this.lastDocOfTerm[term] = doc;
        this.pairTerms.push(term);
        this.pairDocs.push(doc);
      }
    }
  }

  /** The number of the word text[start, end), added to the vocabulary when new. */
  private termAt(text: string, start: number, end: number, hash: number): number {
    const mask = this.table.length - 1;
    const length = end - start;
    let slot = hash & mask;
    for (let term = this.table[slot] as number; term !== EMPTY; term = this.table[slot] as number) {
      if (this.termHashes[term] === hash && sameWord(this.terms[term] as string, text, start, length)) return term;
      slot = (slot + 1) & mask;
    }
    const term = this.terms.length;
    this.terms.push(text.slice(start, end));
    if (term >= this.termHashes.length) this.growTerms();
    this.termHashes[term] = hash;
    this.table[slot] = term;
    if (this.terms.length * 2 > this.table.length) this.growTable();
    return term;
  }

  private growTerms(): void {
    const hashes = new Int32Array(this.termHashes.length * 2);
    hashes.set(this.termHashes);
    this.termHashes = hashes;
    const last = new Int32Array(this.lastDocOfTerm.length * 2).fill(EMPTY);
    last.set(this.lastDocOfTerm);
    this.lastDocOfTerm = last;
  }

  private growTable(): void {
    this.table = new Int32Array(this.table.length * 2).fill(EMPTY);
    const mask = this.table.length - 1;
    for (let term = 0; term < this.terms.length; term++) {
      let slot = (this.termHashes[term] as number) & mask;
      while (this.table[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.table[slot] = term;
    }
  }

  finish(): Segment {
    const { terms, pairTerms, pairDocs } = this;
    const order = terms.map((_, term) => term).sort((a, b) => ((terms[a] as string) < (terms[b] as string) ? -1 : 1));
    const rank = new Uint32Array(terms.length);
    order.forEach((term, position) => (rank[term] = position));
    // Counting sort of the pairs by the word's place in the sorted vocabulary; documents stay in order.
    const starts = new Uint32Array(terms.length + 1);
    for (const term of pairTerms) starts[rank[term]! + 1]!++;
    for (let i = 1; i <= terms.length; i++) starts[i]! += starts[i - 1]!;
    const next = starts.slice(0, terms.length);
    const postings = new Uint32Array(pairTerms.length);
    for (let i = 0; i < pairTerms.length; i++) {
      const position = rank[pairTerms[i]!]!;
      postings[next[position]!++] = pairDocs[i]!;
    }
    return new Segment(this.ids, order.map((term) => terms[term] as string), starts, postings);
  }
}

function sameWord(word: string, text: string, start: number, length: number): boolean {
  if (word.length !== length) return false;
  for (let k = 0; k < length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
