import type { ArxivEntry } from '../arxiv/entry';
import { TITLE_STOPWORDS } from '../cite/stopwords';
import { foldCase, searchWords } from '../search/words';

/** Words every abstract uses, whatever its field: they tell nothing about what a paper is about. */
const ABSTRACT_WORDS = `paper papers propose proposed proposes present presents presented show shows shown study
  studies approach approaches method methods result results new novel also based using use used
  work works demonstrate demonstrates introduce introduces provide provides achieve achieves
  existing different various significant significantly however furthermore moreover thus
  including include includes well able two three four five first second large small high low
  recent recently often can may could would one within across among experiments experimental
  find finds found obtain obtained give given consider considered problem problems paper's`.split(/\s+/);
const STOPWORDS: ReadonlySet<string> = new Set([...TITLE_STOPWORDS, ...ABSTRACT_WORDS]);

/** A title says more per word than an abstract: its terms count this many times. */
export const TITLE_WEIGHT = 2;
/** Text scanned per field: arXiv abstracts run to 1,920 characters; beyond this is not an abstract. */
const MAX_FIELD = 4000;

const isDigit = (code: number) => code >= 48 && code <= 57;

const [E, I, S, U, Y] = [...'eisuy'].map((letter) => letter.charCodeAt(0)) as [number, number, number, number, number];

/** Plural and simple -s forms onto one term ("networks", "network"); cheap and predictable. */
function stem(word: string): string {
  const n = word.length;
  if (word.charCodeAt(n - 1) !== S) return word;
  if (n > 4 && word.charCodeAt(n - 2) === E && word.charCodeAt(n - 3) === I) return `${word.slice(0, -3)}y`;
  // Not "-ss", "-us", "-is", "-ys": "loss", "corpus", "analysis", "always".
  const before = word.charCodeAt(n - 2);
  if (n > 3 && before !== S && before !== U && before !== I && before !== Y) return word.slice(0, -1);
  return word;
}
/**
 * The words of a text that carry meaning, in order: folded (case and accents), split at
 * anything that is not a letter or digit, stop words and bare numbers left out: the words search sees, filtered.
 */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  for (const word of searchWords(text.length > MAX_FIELD ? text.slice(0, MAX_FIELD) : text)) {
    if (word.length >= 2 && !isDigit(word.charCodeAt(0)) && !STOPWORDS.has(word)) words.push(stem(word));
  }
  return words;
}

/** An author as a term: the last word of the name, folded, with the first initial ("au:vaswani a"). */
function authorTerm(name: string): string | null {
  const words = foldCase(name).split(/[^\p{L}\p{N}'-]+/u).filter(Boolean);
  const last = words.at(-1);
  if (!last) return null;
  return `au:${last}${words.length > 1 ? ` ${words[0]!.charAt(0)}` : ''}`;
}

/** What a paper's terms are made of: the words of its title and abstract, and its author and category terms. */
export interface TermSources {
  title: string[];
  summary: string[];
  others: string[];
}

export function termSources(paper: Pick<ArxivEntry, 'title' | 'summary' | 'authors' | 'categories'>): TermSources {
  const others: string[] = [];
  for (const author of paper.authors.slice(0, 50)) {
    const term = authorTerm(author.name);
    if (term) others.push(term);
  }
  for (const category of paper.categories.slice(0, 10)) others.push(`cat:${category.toLowerCase()}`);
  return { title: contentWords(paper.title), summary: contentWords(paper.summary), others };
}

/**
 * Counts the terms of a paper: the words and pairs of neighbouring words of its title (each
 * counting TITLE_WEIGHT times) and of its abstract, its authors, its categories.
 */
export function paperTerms(paper: Pick<ArxivEntry, 'title' | 'summary' | 'authors' | 'categories'>): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string, by: number) => counts.set(term, (counts.get(term) ?? 0) + by);
  const { title, summary, others } = termSources(paper);
  for (const [words, weight] of [[title, TITLE_WEIGHT], [summary, 1]] as const) {
    for (let i = 0; i < words.length; i++) {
      add(words[i]!, weight);
      if (i > 0) add(`${words[i - 1]} ${words[i]}`, weight);
    }
  }
  for (const term of others) add(term, 1);
  return counts;
}
