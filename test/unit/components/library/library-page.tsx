import { useState } from 'preact/hooks';
import { LibraryView } from '../../../../components/library/library-view';

/** The Library as the new tab holds it, with its "Changed since saved" filter kept in the page's state (the new tab keeps it in its address). */
export function LibraryPage({ query, now }: { query: string; now: number }) {
  const [changedOnly, setChangedOnly] = useState(false);
  return <LibraryView query={query} now={now} changedOnly={changedOnly} onChangedOnly={setChangedOnly} />;
}
