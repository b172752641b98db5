import type { LibraryEntry } from '../../lib/db/library';
import { changeSinceSaved, type SavedPaperChange } from '../../lib/watch/changes';
import { paperSearchText } from '../../lib/search/paper-text';
import { queryPrefixes } from '../../lib/search/search-index';
import { hasWordPrefix } from '../../lib/search/word-prefix';
import { foldCase } from '../../lib/search/words';

/** What the library search reads of an entry: the paper's text (or what its arXiv page showed), its tags and the note. */
export function entryText(entry: LibraryEntry): string {
  const shown = entry.item.fromPage;
  const paper = entry.paper ? paperSearchText(entry.paper) : `${entry.item.id} ${shown ? `${shown.title} ${shown.authors.join(' ')}` : ''}`;
  return foldCase(`${paper} ${entry.item.tags.join(' ')} ${entry.item.note}`);
}

/** How arXiv changed the paper since the reader saved it; null when it did not, or while its details are not known. */
export function changeOf(entry: LibraryEntry): SavedPaperChange | null {
  return entry.paper && entry.item.baseline ? changeSinceSaved(entry.item.baseline, entry.paper) : null;
}

/**
 * The entries with every word of `query` (as word starts, like the digest's search) and, when
 * given, the tag. A library is hundreds of papers: a scan is instant.
 */
export function filterLibrary(entries: readonly LibraryEntry[], query: string, tag: string | undefined): LibraryEntry[] {
  const prefixes = queryPrefixes(query);
  return entries.filter((entry) => {
    // "Thesis" and "thesis" are one tag (lib/db/library.ts), also on saves tagged before that was so.
    if (tag !== undefined && !entry.item.tags.some((t) => t.toLowerCase() === tag.toLowerCase())) return false;
    if (prefixes.length === 0) return true;
    const text = entryText(entry);
    return prefixes.every((prefix) => hasWordPrefix(text, prefix));
  });
}
