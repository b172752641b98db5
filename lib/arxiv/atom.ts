import { XMLParser } from 'fast-xml-parser';
import { LIMITS } from '../schema/limits';
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

/** Whitespace collapsed, and cut at `max` characters: the limits every stored paper keeps (lib/schema/limits.ts). */
function collapse(value: string, max: number = LIMITS.title): string {
  const collapsed = value.replace(/\s+/g, ' ').trim();
  return collapsed.length > max ? `${collapsed.slice(0, max - 1).trimEnd()}…` : collapsed;
}

function optional(node: unknown, max: number): string | undefined {
  const value = collapse(text(node), max);
  return value === '' ? undefined : value;
}

// An arXiv category id: cs.DC, hep-th, math-ph, q-bio.NC, cond-mat.stat-mech (as lib/schema/entry.ts reads them).
const CATEGORY_ID = /^[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]+(?:-[a-z]+)?)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
/** arXiv opened in August 1991; nothing on it is older. */
const FIRST_DAY = Date.UTC(1991, 7, 1);
/** A paper dated later than this after the feed's own time is dated wrongly (clocks drift by hours, not days). */
const FUTURE_SLACK = 2 * 86_400_000;

/** Why an entry was left out of a page. */
export type SkipReason = 'impossible date';

function dateWithin(value: string, now: number): boolean {
  if (!ISO_DATE.test(value)) return false;
  const time = Date.parse(value);
  return Number.isFinite(time) && time >= FIRST_DAY && time <= now + FUTURE_SLACK;
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
  return list(entry.author)
    .slice(0, LIMITS.authors)
    .map((author) => ({
      name: collapse(text(author.name), LIMITS.authorName),
      affiliations: list(author.affiliation)
        .slice(0, LIMITS.affiliations)
        .map((a) => collapse(text(a), LIMITS.affiliation))
        .filter((a) => a !== ''),
    }));
}

function normalizeEntry(entry: XmlNode, now: number): ArxivEntry | SkipReason | null {
  const match = ABS_ID.exec(text(entry.id).trim());
  // The old backend answered each unknown id of an id_list with an empty <entry> stub.
  if (!match || !ID_SHAPE.test(match[1] as string)) return null;
  const id = match[1] as string;
  const version = match[2] ? Number(match[2]) : 1;
  if (!Number.isSafeInteger(version)) return null;
  const published = text(entry.published).trim();
  // A date that is no date, or years ahead, would pin the paper to the top of every list.
  if (!dateWithin(published, now)) return 'impossible date';
  const updated = text(entry.updated).trim();
  const categories = list(entry.category)
    .map((c) => attr(c, 'term').slice(0, LIMITS.category))
    .filter((term) => term !== '')
    .slice(0, LIMITS.categories);
  const primary = attr(entry.primary_category, 'term') || categories[0] || '';
  const primaryCategory = CATEGORY_ID.test(primary) ? primary : '';
  const result: ArxivEntry = {
    id,
    version,
    title: collapse(text(entry.title), LIMITS.title),
    summary: collapse(text(entry.summary), LIMITS.summary),
    authors: authorsOf(entry),
    published,
    // A revision cannot predate the paper; an unreadable one says nothing beyond `published`.
    updated: dateWithin(updated, now) && updated >= published ? updated : published,
    primaryCategory,
    categories: categories.length > 0 ? categories : primaryCategory ? [primaryCategory] : [],
    // Links in the feed vary between backends (http or https, with or without rel);
    // the canonical URLs follow from the id alone.
    absUrl: `https://arxiv.org/abs/${id}v${version}`,
    pdfUrl: `https://arxiv.org/pdf/${id}v${version}`,
  };
  const comment = optional(entry.comment, LIMITS.comment);
  if (comment !== undefined) result.comment = comment;
  const journalRef = optional(entry.journal_ref, LIMITS.journalRef);
  if (journalRef !== undefined) result.journalRef = journalRef;
  const doi = optional(entry.doi, LIMITS.doi);
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
 * `FeedFormatError` for anything that is not a complete arXiv Atom feed. Entries are held to
 * the limits every stored paper keeps; an entry with an impossible date is left out (see
 * `parseAtomPage`, which says which).
 */
export function parseAtomFeed(xml: string): AtomFeed {
  return parseAtomPage(xml).feed;
}

/** A page and the entries left out of it: an impossible date (not a date, before arXiv, or days after `now`). */
export function parseAtomPage(xml: string, now: number = Date.now()): { feed: AtomFeed; skipped: { id: string; reason: SkipReason }[] } {
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
  const skipped: { id: string; reason: SkipReason }[] = [];
  for (const raw of rawEntries) {
    const entry = normalizeEntry(raw, now);
    if (typeof entry === 'string') skipped.push({ id: text(raw.id).trim().slice(-40), reason: entry });
    else if (entry) entries.push(entry);
  }
  return {
    feed: { totalResults: integer(root.totalResults), startIndex: integer(root.startIndex), itemsPerPage: integer(root.itemsPerPage), entries },
    skipped,
  };
}
