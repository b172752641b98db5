import { XMLParser } from 'fast-xml-parser';
import type { ArxivAuthor, ArxivEntry, AtomFeed } from './entry';
import { ArxivApiError, FeedFormatError } from './errors';

export type { ArxivAuthor, ArxivEntry, AtomFeed } from './entry';

type XmlNode = Record<string, unknown>;

const ARRAY_TAGS = new Set(['entry', 'author', 'category', 'link', 'affiliation']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  // A paper may be titled `0`: keep every value a string.
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ARRAY_TAGS.has(name),
});

const ABS_ID = /\/abs\/(.+?)(?:v(\d+))?$/;
const ERROR_ID = /\/api\/errors#?(.*)$/;
// The shape of an arXiv id (new or old scheme): anything else (a path, markup) would become a
// database key and part of every link built from the id.
const ID_SHAPE = /^(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]{2})?\/\d{7})$/;

function text(node: unknown): string {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && '#text' in node) return String((node as XmlNode)['#text']);
  return '';
}

function collapse(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function optional(node: unknown): string | undefined {
  const value = collapse(text(node));
  return value === '' ? undefined : value;
}

function attr(node: unknown, name: string): string {
  if (node && typeof node === 'object') {
    const value = (node as XmlNode)[`@${name}`];
    if (typeof value === 'string') return value;
  }
  return '';
}

function integer(node: unknown): number {
  const n = Number.parseInt(text(node), 10);
  return Number.isFinite(n) ? n : 0;
}

function list(node: unknown): XmlNode[] {
  return Array.isArray(node) ? (node as XmlNode[]) : [];
}

function authorsOf(entry: XmlNode): ArxivAuthor[] {
  return list(entry.author).map((author) => ({
    name: collapse(text(author.name)),
    affiliations: list(author.affiliation)
      .map((a) => collapse(text(a)))
      .filter((a) => a !== ''),
  }));
}

function normalizeEntry(entry: XmlNode): ArxivEntry | null {
  const match = ABS_ID.exec(text(entry.id).trim());
  // The old backend answered each unknown id of an id_list with an empty <entry> stub.
  if (!match || !ID_SHAPE.test(match[1] as string)) return null;
  const id = match[1] as string;
  const version = match[2] ? Number(match[2]) : 1;
  if (!Number.isSafeInteger(version)) return null;
  const categories = list(entry.category)
    .map((c) => attr(c, 'term'))
    .filter((term) => term !== '');
  const primaryCategory = attr(entry.primary_category, 'term') || categories[0] || '';
  const result: ArxivEntry = {
    id,
    version,
    title: collapse(text(entry.title)),
    summary: collapse(text(entry.summary)),
    authors: authorsOf(entry),
    published: text(entry.published).trim(),
    updated: text(entry.updated).trim(),
    primaryCategory,
    categories: categories.length > 0 ? categories : primaryCategory ? [primaryCategory] : [],
    // Links in the feed vary between backends (http or https, with or without rel);
    // the canonical URLs follow from the id alone.
    absUrl: `https://arxiv.org/abs/${id}v${version}`,
    pdfUrl: `https://arxiv.org/pdf/${id}v${version}`,
  };
  const comment = optional(entry.comment);
  if (comment !== undefined) result.comment = comment;
  const journalRef = optional(entry.journal_ref);
  if (journalRef !== undefined) result.journalRef = journalRef;
  const doi = optional(entry.doi);
  if (doi !== undefined) result.doi = doi;
  return result;
}

function throwIfErrorFeed(entries: XmlNode[]): void {
  for (const entry of entries) {
    const error = ERROR_ID.exec(text(entry.id).trim());
    if (error) {
      const message = collapse(text(entry.summary)) || 'arXiv reported an error';
      throw new ArxivApiError(message, error[1] ?? '');
    }
  }
}

/**
 * Parses one page of arXiv API results. Throws `ArxivApiError` for arXiv's error feeds and
 * `FeedFormatError` for anything that is not a complete arXiv Atom feed.
 */
export function parseAtomFeed(xml: string): AtomFeed {
  if (typeof xml !== 'string' || xml.trim() === '') {
    throw new FeedFormatError('arXiv sent an empty response.');
  }
  // fast-xml-parser is lenient with unclosed documents; a complete feed ends with </feed>.
  if (!/<\/(?:\w+:)?feed>\s*$/.test(xml.slice(-64))) {
    throw new FeedFormatError(
      /<html[\s>]/i.test(xml.slice(0, 2048))
        ? 'arXiv sent a web page instead of search results.'
        : 'The response from arXiv was cut off before the end.',
    );
  }
  let document: XmlNode;
  try {
    document = parser.parse(xml) as XmlNode;
  } catch (error) {
    throw new FeedFormatError(`The response from arXiv is not valid XML (${(error as Error).message}).`);
  }
  const feed = document.feed;
  if (!feed || typeof feed !== 'object') {
    throw new FeedFormatError('arXiv sent something other than an Atom feed.');
  }
  const root = feed as XmlNode;
  const rawEntries = list(root.entry);
  throwIfErrorFeed(rawEntries);
  const entries: ArxivEntry[] = [];
  for (const raw of rawEntries) {
    const entry = normalizeEntry(raw);
    if (entry) entries.push(entry);
  }
  return {
    totalResults: integer(root.totalResults),
    startIndex: integer(root.startIndex),
    itemsPerPage: integer(root.itemsPerPage),
    entries,
  };
}
