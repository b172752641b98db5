import type { ArxivEntry } from '../arxiv/entry';
import { isBaseArxivId } from '../arxiv/ids';
import type { SubscriptionKind, SubscriptionQuery } from '../subscription';
import type { Input, MessageType } from './protocol';

export class MessageError extends Error {
  override name = 'MessageError';
}

const MAX_IDS = 1000;
const MAX_TEXT = 100_000;

function record(value: unknown, what: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new MessageError(`${what} must be an object.`);
  return value as Record<string, unknown>;
}

function paperId(value: unknown): string {
  if (!isBaseArxivId(value)) throw new MessageError('Not an arXiv id.');
  return value;
}

function idList(value: unknown): string[] {
  if (!Array.isArray(value) || value.length > MAX_IDS) throw new MessageError(`Expected a list of at most ${MAX_IDS} ids.`);
  return value.map(paperId);
}

function text(value: unknown, what: string, max = MAX_TEXT): string {
  if (typeof value !== 'string' || value.length > max) throw new MessageError(`${what} must be text of at most ${max} characters.`);
  return value;
}

function textList(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.length > 100) throw new MessageError(`${what} must be a short list.`);
  return value.map((v) => text(v, what, 500));
}

const KINDS: readonly SubscriptionKind[] = ['keyword', 'author', 'category', 'raw'];

export function validateQuery(value: unknown): SubscriptionQuery {
  const q = record(value, 'The query');
  if (!KINDS.includes(q.kind as SubscriptionKind)) throw new MessageError('Unknown subscription kind.');
  return {
    kind: q.kind as SubscriptionKind,
    value: text(q.value, 'The query', 2000),
    categories: textList(q.categories ?? [], 'Categories'),
    exclude: textList(q.exclude ?? [], 'Excluded terms'),
  };
}

/** Checks an entry sent with a save: the shape of `ArxivEntry`, nothing more. */
export function validateEntry(value: unknown): ArxivEntry {
  const e = record(value, 'The paper');
  const id = paperId(e.id);
  if (!Number.isInteger(e.version) || (e.version as number) < 1) throw new MessageError('Bad version.');
  if (!Array.isArray(e.authors) || e.authors.length > 20_000) throw new MessageError('Bad author list.');
  const authors = e.authors.map((a) => {
    const author = record(a, 'An author');
    return { name: text(author.name, 'An author', 1000), affiliations: textList(author.affiliations ?? [], 'Affiliations') };
  });
  const entry: ArxivEntry = {
    id,
    version: e.version as number,
    title: text(e.title, 'The title', 5000),
    summary: text(e.summary, 'The abstract', 2_000_000),
    authors,
    published: text(e.published, 'The date', 40),
    updated: text(e.updated, 'The date', 40),
    primaryCategory: text(e.primaryCategory, 'The category', 50),
    categories: textList(e.categories, 'Categories'),
    absUrl: `https://arxiv.org/abs/${id}v${e.version as number}`,
    pdfUrl: `https://arxiv.org/pdf/${id}v${e.version as number}`,
  };
  if (e.comment !== undefined) entry.comment = text(e.comment, 'The comment', 10_000);
  if (e.journalRef !== undefined) entry.journalRef = text(e.journalRef, 'The journal reference', 2000);
  if (e.doi !== undefined) entry.doi = text(e.doi, 'The DOI', 500);
  return entry;
}

type Validators = { [K in MessageType]: (data: Record<string, unknown>) => Input<K> };

export const validators: Validators = {
  syncNow: (d) => (d.subscriptionIds === undefined ? {} : { subscriptionIds: textList(d.subscriptionIds, 'Subscriptions') }),
  savePaper: (d) => {
    const id = paperId(d.id);
    if (d.entry === undefined) return { id };
    const entry = validateEntry(d.entry);
    // Metadata for another paper would be stored under its own id, leaving this save without any.
    if (entry.id !== id) throw new MessageError('The paper sent is not the paper saved.');
    return { id, entry };
  },
  unsavePaper: (d) => ({ id: paperId(d.id) }),
  getSavedIds: (d) => ({ ids: idList(d.ids) }),
  getPaperContext: (d) => ({ id: paperId(d.id) }),
  markSeen: () => ({}),
  previewQuery: (d) => validateQuery(d),
  getFigure: (d) => {
    if (!Number.isInteger(d.version) || (d.version as number) < 1 || (d.version as number) > 1000) throw new MessageError('Bad version.');
    return { id: paperId(d.id), version: d.version as number };
  },
};

export function validateMessage<K extends MessageType>(type: K, data: unknown): Input<K> {
  return validators[type](record(data, 'The message')) as Input<K>;
}
