import { useState } from 'preact/hooks';
import { LibraryView } from '../../../../components/library/library-view';

/** The Library as the new tab holds it, with its filters ("Changed since saved", a tag) kept in the page's state (the new tab keeps them in its address). */
export function LibraryPage({ query, now, changed = false }: { query: string; now: number; changed?: boolean }) {
  const [changedOnly, setChangedOnly] = useState(changed);
  const [tag, setTag] = useState<string>();
  return <LibraryView query={query} now={now} changedOnly={changedOnly} onChangedOnly={setChangedOnly} tag={tag} onTag={setTag} />;
}
