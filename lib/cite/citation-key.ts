import type { ArxivEntry } from '../arxiv/entry';
import { splitAuthorName } from './author-name';
import { TITLE_STOPWORDS } from './stopwords';

/**
 * The BibTeX key arXiv gives a paper (arxiv-browse, `browse/formatting/cite.py`): first author's
 * surname + year of the latest version + the first four title words that are not stop words,
 * lowercased, letters and digits only: 'vaswani2023attentionneed'.
 *
 * One deliberate difference: accents are folded to ASCII ('Müller' → 'muller') and other
 * non-ASCII letters dropped, where arXiv keeps them. Keys then work with classic BibTeX and
 * pdfLaTeX, which choke on UTF-8 in \cite; for ASCII names the key is arXiv's exactly.
 */
export function citationKey(entry: ArxivEntry): string {
  const first = entry.authors[0];
  const surname = first ? splitAuthorName(first.name).keyname : 'unknown';
  // arXiv splits on single spaces and tests each word as is, punctuation and all.
  const titleWords = entry.title
    .split(' ')
    .filter((word) => !TITLE_STOPWORDS.has(word.toLowerCase()))
    .slice(0, 4)
    .join('');
  return asciiAlphanumeric(`${surname}${latestYear(entry)}${titleWords}`).toLowerCase();
}

/** Year of the latest version (`updated`), as arXiv's own BibTeX has it. */
export function latestYear(entry: Pick<ArxivEntry, 'updated' | 'published'>): string {
  const year = /^\d{4}/.exec(entry.updated) ?? /^\d{4}/.exec(entry.published);
  return year ? year[0] : 'unknown';
}

function asciiAlphanumeric(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]/g, '');
}

/** 'a', 'b', ... 'z', 'aa', 'ab', ...: the suffixes that tell apart papers with the same key. */
function suffix(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) {
    out = String.fromCharCode(97 + ((k - 1) % 26)) + out;
  }
  return out;
}

/**
 * Keys for a list of papers, unique within the list: the second paper with key K gets Ka, the
 * third Kb, skipping any suffixed key another paper already has.
 */
export function uniqueCitationKeys(entries: readonly ArxivEntry[]): string[] {
  const natural = entries.map(citationKey);
  const taken = new Set(natural);
  const used = new Set<string>();
  return natural.map((key) => {
    if (!used.has(key)) {
      used.add(key);
      return key;
    }
    let n = 1;
    while (taken.has(key + suffix(n)) || used.has(key + suffix(n))) n += 1;
    used.add(key + suffix(n));
    return key + suffix(n);
  });
}
