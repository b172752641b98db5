import type { ArxivAuthor, ArxivEntry } from '../arxiv/entry';
import { splitAuthorName } from './author-name';
import { oneLine } from './tex-field';

/**
 * RIS for Zotero, Mendeley and EndNote.
 *
 * Type: RIS has no preprint type. A paper with a journal reference is `JOUR`. Any other is `GEN`:
 * Zotero imports GEN as a journal article (its RIS import maps no type to its "preprint" item,
 * and an unknown type such as UNPB falls back to the same journal article), and EndNote and
 * Mendeley read GEN as "Generic", a type that keeps every field written here.
 *
 * Lines end in CRLF, as the RIS specification (the tagged format of RefMan and EndNote) has them;
 * Zotero and Mendeley read either ending, older Windows tools only CRLF. Every value is one line:
 * a newline inside a title could otherwise start a line such as `ER  - ` and cut the record
 * short, so all whitespace is collapsed.
 *
 * Fields: TI title; AU one per author, 'Surname, Given' (a collaboration as 'Name,' so that
 * Zotero and EndNote keep it whole); AD affiliations; T2 journal reference; AB abstract;
 * PY year and DA date of the latest version (as arXiv's own BibTeX dates a paper); DO DOI;
 * DB 'arXiv' and AN 'arXiv:<id>' (Zotero: archive and loc. in archive; EndNote: name of
 * database and accession number); UR abstract page; KW one per category; N1 the authors' comment.
 */
export function toRis(entry: ArxivEntry): string {
  return risLines(entry)
    .map((line) => `${line}${CRLF}`)
    .join('');
}

/** Several papers as one .ris file, records separated by a blank line. */
export function toRisFile(entries: readonly ArxivEntry[]): string {
  return entries.map(toRis).join(CRLF);
}

const CRLF = '\r\n';

function risLines(entry: ArxivEntry): string[] {
  const lines: string[] = [];
  const add = (tag: string, value: string | undefined) => {
    const text = value === undefined ? '' : oneLine(value);
    if (text !== '') lines.push(`${tag}  - ${text}`);
  };
  add('TY', entry.journalRef ? 'JOUR' : 'GEN');
  add('TI', entry.title);
  // A name that is empty once collapsed would be written 'AU  - ,': an author with no name.
  entry.authors.filter((author) => oneLine(author.name) !== '').forEach((author) => add('AU', risName(author)));
  affiliations(entry.authors).forEach((affiliation) => add('AD', affiliation));
  add('T2', entry.journalRef);
  add('AB', entry.summary);
  const date = risDate(entry.updated) ?? risDate(entry.published);
  add('PY', date?.slice(0, 4));
  add('DA', date);
  add('DO', entry.doi);
  add('DB', 'arXiv');
  add('AN', `arXiv:${entry.id}`);
  add('UR', `https://arxiv.org/abs/${entry.id}`);
  entry.categories.forEach((category) => add('KW', category));
  add('N1', entry.comment);
  lines.push('ER  - ');
  return lines;
}

function risName(author: ArxivAuthor): string {
  const name = oneLine(author.name);
  const parts = splitAuthorName(name);
  // A trailing comma marks a name with no given names: Zotero makes it a single-field
  // creator and EndNote a corporate author, so neither splits 'The ATLAS Collaboration'.
  if (parts.corporate || parts.given === '') return `${name},`;
  const surnameFirst = `${parts.keyname}, ${parts.given}`;
  return parts.suffix ? `${surnameFirst}, ${parts.suffix}` : surnameFirst;
}

function affiliations(authors: readonly ArxivAuthor[]): string[] {
  return [...new Set(authors.flatMap((author) => author.affiliations.map(oneLine)))];
}

/** 'YYYY/MM/DD' from an ISO date; undefined when there is none. */
function risDate(iso: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}/${m[2]}/${m[3]}` : undefined;
}
