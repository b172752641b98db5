import type { ArxivEntry } from '../arxiv/entry';
import { authorsPrint, textPrint, type SavedBaseline } from './baseline';
import { isWithdrawn } from './withdrawn';

/** The metadata arXiv gives that the mark names when it changed. */
export type ChangedField = 'title' | 'abstract' | 'authors' | 'comment' | 'journal reference' | 'DOI';

/** How a saved paper differs from the paper the reader saved. */
export interface SavedPaperChange {
  savedVersion: number;
  version: number;
  /** arXiv's date of the current version (ISO 8601). */
  revisedAt: string;
  fields: ChangedField[];
  /** A journal reference or DOI that arXiv did not give when the paper was saved. */
  published?: { journalRef?: string; doi?: string };
  /** Withdrawn since it was saved. */
  withdrawn: boolean;
  /** The title the reader saved, when it changed. */
  savedTitle?: string;
}

/** What a change is called, the strongest first: a withdrawal matters more than a revision, a revision more than a publication. */
export type ChangeKind = 'withdrawn' | 'revised' | 'published';

/**
 * Null unless arXiv has a new version of the paper, a journal reference or DOI it did not have,
 * or a withdrawal: on arXiv everything else changes only with a new version, so a difference
 * within one version is a change in how arXiv's backend writes the same metadata (wrapping,
 * accents), not news for the reader.
 */
export function changeSinceSaved(baseline: SavedBaseline, paper: ArxivEntry): SavedPaperChange | null {
  const withdrawn = !baseline.withdrawn && isWithdrawn(paper);
  const newJournal = paper.journalRef !== undefined && paper.journalRef !== baseline.journalRef;
  const newDoi = paper.doi !== undefined && paper.doi !== baseline.doi;
  // Most saved papers: nothing to say, and no abstract to fingerprint (the Library asks this of every one).
  if (paper.version <= baseline.version && !newJournal && !newDoi && !withdrawn) return null;
  const fields: ChangedField[] = [];
  if (paper.title !== baseline.title) fields.push('title');
  if (textPrint(paper.summary) !== baseline.summaryPrint) fields.push('abstract');
  if (paper.authors.length !== baseline.authorCount || authorsPrint(paper) !== baseline.authorsPrint) fields.push('authors');
  if (paper.comment !== baseline.comment) fields.push('comment');
  if (paper.journalRef !== baseline.journalRef) fields.push('journal reference');
  if (paper.doi !== baseline.doi) fields.push('DOI');
  const change: SavedPaperChange = { savedVersion: baseline.version, version: paper.version, revisedAt: paper.updated, fields, withdrawn };
  if (newJournal || newDoi) {
    change.published = {};
    if (newJournal) change.published.journalRef = paper.journalRef;
    if (newDoi) change.published.doi = paper.doi;
  }
  if (fields.includes('title')) change.savedTitle = baseline.title;
  return change;
}

export function changeKind(change: SavedPaperChange): ChangeKind {
  if (change.withdrawn) return 'withdrawn';
  return change.version > change.savedVersion ? 'revised' : 'published';
}

/**
 * What the reader is told about, as one string: a later check that finds the same change tells
 * nothing again; a further version, a publication or a withdrawal is news again.
 */
export function changeKey(change: SavedPaperChange): string {
  return JSON.stringify([change.version, change.published?.journalRef ?? null, change.published?.doi ?? null, change.withdrawn]);
}
