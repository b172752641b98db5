/** Where the new tab is: the digest (all of it, or one subscription's) or the Library. */
export type View = 'digest' | 'library';

export interface Route {
  view: View;
  /** The subscription the digest is filtered to. */
  filter?: string;
  /** The Library shows only the saved papers arXiv changed since they were saved. */
  changed?: boolean;
}

/**
 * '#library', '#library/changed', '#sub=<id>' or nothing: the page's place, kept in the URL so
 * a reload keeps it (and a notification can open the Library at what it is about).
 */
export function parseHash(hash: string): Route {
  const value = hash.replace(/^#/, '');
  if (value === 'library/changed') return { view: 'library', changed: true };
  // A Library address of another kind (a later filter, a typo) still opens the Library.
  if (value === 'library' || value.startsWith('library/')) return { view: 'library' };
  if (value.startsWith('sub=')) {
    const filter = decodeURIComponent(value.slice(4));
    return filter ? { view: 'digest', filter } : { view: 'digest' };
  }
  return { view: 'digest' };
}

export function hashOf(route: Route): string {
  if (route.view === 'library') return route.changed ? '#library/changed' : '#library';
  return route.filter ? `#sub=${encodeURIComponent(route.filter)}` : '';
}
