import type { ArxivEntry } from '../arxiv/entry';

/** What search reads of a paper: its id, title, authors, comment and abstract. */
export function paperSearchText(paper: Pick<ArxivEntry, 'id' | 'title' | 'authors' | 'comment' | 'summary'>): string {
  const authors = paper.authors.map((author) => author.name).join(' ');
  return `${paper.id} ${paper.title} ${authors} ${paper.comment ?? ''} ${paper.summary}`;
}
