import { useId, useState } from 'preact/hooks';
import { toBibtexFile } from '../../lib/cite/bibtex';
import { toRisFile } from '../../lib/cite/ris';
import { entryOf, type ArxivEntry } from '../../lib/arxiv/entry';
import { libraryEntries, type LibraryEntry } from '../../lib/db/library';
import { formatCount } from './format';
import { useServices } from './services';
import { useLiveQuery } from './use-live-query';

const ALL = '';

function tagCounts(entries: LibraryEntry[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const { item } of entries) for (const tag of item.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b));
}

/** A file name from the tag: letters, digits and dashes only. */
const slug = (tag: string) => tag.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'tag';

/** The library, or one tag of it, as BibTeX or RIS for a reference manager. */
export function LibraryExportSection() {
  const { download } = useServices();
  const entries = useLiveQuery(libraryEntries, [], null);
  const [tag, setTag] = useState(ALL);
  const [notice, setNotice] = useState<string | null>(null);
  const selectId = useId();
  const all = entries ?? [];
  const tags = tagCounts(all);
  const chosen = tag === ALL || !tags.some(([t]) => t === tag) ? ALL : tag;
  const selected = all.filter(({ item }) => chosen === ALL || item.tags.includes(chosen));
  const papers: ArxivEntry[] = selected.flatMap(({ item, paper }) => (paper && !item.pending ? [entryOf(paper)] : []));
  const waiting = selected.length - papers.length;

  const save = (format: 'bib' | 'ris') => {
    const name = `paper-radar-${chosen === ALL ? 'library' : slug(chosen)}.${format}`;
    if (format === 'bib') download(name, toBibtexFile(papers), 'application/x-bibtex');
    else download(name, toRisFile(papers), 'application/x-research-info-systems');
    setNotice(`Saved ${name} with ${formatCount(papers.length, 'paper', 'papers')}.`);
  };

  return (
    <section id="library-export" class="panel" aria-labelledby="library-export-title">
      <h2 id="library-export-title">Export your library</h2>
      <p class="lead">Your saved papers as BibTeX (in arXiv’s own style) or RIS, for Zotero, Mendeley, EndNote or a .bib file.</p>
      {entries && all.length === 0 ? (
        <p class="empty">Your library is empty. Save papers from the new tab, the popup or any arXiv page.</p>
      ) : (
        <>
          <div class="field">
            <label for={selectId}>Papers</label>
            <select id={selectId} value={chosen} onChange={(e) => setTag(e.currentTarget.value)}>
              <option value={ALL}>All saved papers ({all.length})</option>
              {tags.map(([name, count]) => (
                <option key={name} value={name}>
                  Tagged “{name}” ({count})
                </option>
              ))}
            </select>
          </div>
          <div class="actions">
            <button type="button" class="button-secondary" disabled={papers.length === 0} onClick={() => save('bib')}>
              Download BibTeX
            </button>
            <button type="button" class="button-secondary" disabled={papers.length === 0} onClick={() => save('ris')}>
              Download RIS
            </button>
          </div>
          {waiting > 0 && (
            <p class="hint">
              {formatCount(waiting, 'paper is', 'papers are')} left out until arXiv has sent {waiting === 1 ? 'its' : 'their'} details (at the
              next sync).
            </p>
          )}
          {notice && (
            <p class="notice" role="status">
              {notice}
            </p>
          )}
        </>
      )}
    </section>
  );
}
