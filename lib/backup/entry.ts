import type { ArxivAuthor, ArxivEntry } from '../arxiv/entry';
import { isBaseArxivId } from '../arxiv/ids';
import { Checker, join } from './checker';
import { ENTRY_KEYS } from './format';

// Generous bounds above anything arXiv serves (the longest author lists run to about 3,000
// names, abstracts to 1,920 characters): they stop a hostile file, not a real paper.
const LIMITS = {
  title: 1000,
  summary: 20_000,
  authors: 10_000,
  name: 500,
  affiliations: 50,
  affiliation: 1000,
  categories: 50,
  category: 100,
  comment: 5000,
  journalRef: 1000,
  doi: 300,
  url: 300,
  version: 10_000,
} as const;

// An arXiv category id: cs.DC, hep-th, math-ph, q-bio.NC, cond-mat.stat-mech, or a retired one.
const CATEGORY_ID = /^[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]+(?:-[a-z]+)?)?$/;

export function readCategory(check: Checker, value: unknown, path: string, options: { orEmpty?: boolean } = {}): string | undefined {
  const text = check.text(value, path, 40);
  if (text === undefined || (options.orEmpty && text === '')) return text;
  if (!CATEGORY_ID.test(text)) return check.fail(path, `"${text}" is not an arXiv category`);
  return text;
}

export function readPaperId(check: Checker, value: unknown, path: string): string | undefined {
  if (typeof value !== 'string') return check.text(value, path, 40);
  if (!isBaseArxivId(value)) return check.fail(path, `"${String(value).slice(0, 60)}" is not an arXiv id (such as 1706.03762 or hep-th/9711200, without version)`);
  return value;
}

function readAuthor(check: Checker, value: unknown, path: string): ArxivAuthor | undefined {
  const author = check.object(value, path, ['name', 'affiliations']);
  if (!author) return undefined;
  const name = check.text(author.name, join(path, 'name'), LIMITS.name);
  const affiliations = check.list(author.affiliations, join(path, 'affiliations'), LIMITS.affiliations, (a, p) =>
    check.text(a, p, LIMITS.affiliation),
  );
  return name === undefined || affiliations === undefined ? undefined : { name, affiliations };
}

/** A link to one of arXiv's own pages: nothing else may end up behind a card's title. */
function readArxivUrl(check: Checker, value: unknown, path: string, page: 'abs' | 'pdf'): string | undefined {
  const text = check.text(value, path, LIMITS.url);
  if (text === undefined) return undefined;
  if (!text.startsWith(`https://arxiv.org/${page}/`)) return check.fail(path, `expected a link starting with https://arxiv.org/${page}/`);
  return text;
}

function readOptionalText(check: Checker, record: Record<string, unknown>, key: 'comment' | 'journalRef' | 'doi', path: string) {
  return record[key] === undefined ? undefined : check.text(record[key], join(path, key), LIMITS[key]);
}

/** A paper as the backup holds it: the shape of ArxivEntry with every field checked. */
export function readEntry(check: Checker, value: unknown, path: string): ArxivEntry | undefined {
  const before = check.problems.length + check.more;
  const e = check.object(value, path, ENTRY_KEYS, ['comment', 'journalRef', 'doi']);
  if (!e) return undefined;
  const at = (key: string) => join(path, key);
  const entry = {
    id: readPaperId(check, e.id, at('id')),
    version: check.integer(e.version, at('version'), 1, LIMITS.version),
    title: check.text(e.title, at('title'), LIMITS.title),
    summary: check.text(e.summary, at('summary'), LIMITS.summary),
    authors: check.list(e.authors, at('authors'), LIMITS.authors, (a, p) => readAuthor(check, a, p)),
    published: check.isoDate(e.published, at('published')),
    updated: check.isoDate(e.updated, at('updated')),
    primaryCategory: readCategory(check, e.primaryCategory, at('primaryCategory'), { orEmpty: true }),
    // Besides arXiv's categories, a paper lists its MSC and ACM classes here ('35', 'I.2.7').
    categories: check.list(e.categories, at('categories'), LIMITS.categories, (c, p) => check.text(c, p, LIMITS.category)),
    comment: readOptionalText(check, e, 'comment', path),
    journalRef: readOptionalText(check, e, 'journalRef', path),
    doi: readOptionalText(check, e, 'doi', path),
    absUrl: readArxivUrl(check, e.absUrl, at('absUrl'), 'abs'),
    pdfUrl: readArxivUrl(check, e.pdfUrl, at('pdfUrl'), 'pdf'),
  };
  if (check.problems.length + check.more > before) return undefined;
  // Optional fields are left out rather than stored as undefined, as the Atom parser does.
  for (const key of ['comment', 'journalRef', 'doi'] as const) if (entry[key] === undefined) delete entry[key];
  return entry as ArxivEntry;
}
