import type { ArxivAuthor, ArxivEntry } from '../arxiv/entry';
import { splitAuthorName } from './author-name';
import { citationKey, latestYear, uniqueCitationKeys } from './citation-key';
import { oneLine, texField } from './tex-field';
import { isWithdrawn } from '../watch/withdrawn';

/**
 * BibTeX in the form arXiv's own "Export BibTeX citation" gives (arxiv.org/bibtex/<id>): @misc,
 * arXiv's key, the fields in arXiv's order and indentation, names as arXiv lists them.
 *
 * Where this differs from arXiv's, on purpose:
 * - `journal` (the journal reference) is added when the paper has one; arXiv leaves it out.
 * - `doi` holds the bare DOI; arXiv writes it as a https://doi.org/ URL, which biblatex and
 *   most styles then print with the resolver twice.
 * - A collaboration ('The ATLAS Collaboration') is braced, so styles do not abbreviate it to
 *   'T. A. Collaboration'; a name with a suffix is written 'Smith, Jr., John', the only way
 *   BibTeX reads the suffix; a name that contains a standalone 'and' (at its start or end too)
 *   or a comma is braced so it stays one name.
 * - Keys fold accents to ASCII (see citation-key.ts) and are unique within a file.
 * - Lines carry no trailing spaces.
 * - A withdrawn paper gets a `note` that says so.
 */
export function toBibtex(entry: ArxivEntry): string {
  return formatEntry(entry, citationKey(entry));
}

/** Several papers as one .bib file: entries separated by a blank line, keys unique. */
export function toBibtexFile(entries: readonly ArxivEntry[]): string {
  const keys = uniqueCitationKeys(entries);
  return entries.map((entry, i) => `${formatEntry(entry, keys[i] as string)}\n`).join('\n');
}

function formatEntry(entry: ArxivEntry, key: string): string {
  const fields: [string, string | undefined][] = [
    ['title', texField(entry.title)],
    ['author', namedAuthors(entry.authors).map(bibtexName).join(' and ')],
    ['year', latestYear(entry)],
    ['eprint', verbatim(entry.id)],
    ['archivePrefix', 'arXiv'],
    ['primaryClass', verbatim(entry.primaryCategory) || undefined],
    ['journal', entry.journalRef === undefined ? undefined : texField(entry.journalRef)],
    ['doi', entry.doi === undefined ? undefined : verbatim(entry.doi) || undefined],
    ['url', `https://arxiv.org/abs/${verbatim(entry.id)}`],
    // Styles print a note: whoever cites a withdrawn paper from their library reads that it is.
    ['note', isWithdrawn(entry) ? `Withdrawn from arXiv in v${entry.version}` : undefined],
  ];
  const body = fields
    .filter((field): field is [string, string] => field[1] !== undefined)
    .map(([name, value]) => `      ${name}={${value}},`)
    .join('\n');
  return `@misc{${key},\n${body}\n}`;
}

/** Authors with a name: an empty one would be read by BibTeX as a name of its own ("A and  and B"). */
const namedAuthors = (authors: readonly ArxivAuthor[]) => authors.filter((author) => oneLine(author.name) !== '');

// BibTeX splits the list at every "and" that stands as a word of its own, at the start or the
// end of a name too ("and Bob", "Alice and"), and reads a comma as "Surname, Given".
const SPLITS_NAMES = /,|(?:^|\s)and(?:\s|$)/i;

function bibtexName(author: ArxivAuthor): string {
  const name = oneLine(author.name);
  const parts = splitAuthorName(name);
  const splitsWrongly = (text: string) => SPLITS_NAMES.test(text);
  if (parts.corporate) return `{${texField(name)}}`;
  if (parts.suffix && parts.given && !splitsWrongly(`${parts.given} ${parts.keyname}`)) {
    return `${texField(parts.keyname)}, ${texField(parts.suffix)}, ${texField(parts.given)}`;
  }
  return splitsWrongly(name) ? `{${texField(name)}}` : texField(name);
}

/**
 * Identifiers (ids, categories, DOIs) go in as written: biblatex reads `doi` and `eprint`
 * verbatim, so TeX escapes would end up in the link. Only what could break the entry goes:
 * braces, spaces, control characters, and `%`, which in BibTeX's output (the .bbl) would
 * comment out the rest of the line. No arXiv id or category has one; a DOI with one is broken
 * either way, and an escaped `\%` would be copied into the link.
 */
function verbatim(value: string): string {
  return value.replace(/[\s{}%\p{Cc}]/gu, '');
}
