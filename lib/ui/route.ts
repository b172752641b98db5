/** Where the new tab is: the digest (all of it, or one subscription's) or the Library. */
export type View = 'digest' | 'library';

export interface Route {
  view: View;
  /** The subscription the digest is filtered to. */
  filter?: string;
  /** The Library shows only the saved papers arXiv changed since they were saved. */
  changed?: boolean;
  /** The Library shows only the saved papers with this tag. */
  tag?: string;
}

/** An address's part as it was written, or undefined for one no `encodeURIComponent` wrote (a stray '%'). */
function decoded(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** '#library', then '/changed' and '/tag=<tag>' for the filters on, in that order. */
function parseLibrary(parts: string[]): Route {
  const route: Route = { view: 'library' };
  let at = 0;
  if (parts[at] === 'changed') {
    route.changed = true;
    at += 1;
  }
  const tag = parts[at]?.startsWith('tag=') ? decoded(parts[at]!.slice(4)) : undefined;
  if (tag) {
    route.tag = tag;
    at += 1;
  }
  // A Library address of another kind (a later filter, a typo) still opens the Library, unfiltered.
  return at === parts.length ? route : { view: 'library' };
}

/**
 * '#library' (with its filters, see `parseLibrary`), '#sub=<id>' or nothing: the page's place,
 * kept in the URL so a reload keeps it (and a notification can open the Library at what it is
 * about).
 */
export function parseHash(hash: string): Route {
  const value = hash.replace(/^#/, '');
  if (value === 'library' || value.startsWith('library/')) return parseLibrary(value.split('/').slice(1));
  if (value.startsWith('sub=')) {
    const filter = decoded(value.slice(4));
    return filter ? { view: 'digest', filter } : { view: 'digest' };
  }
  return { view: 'digest' };
}

export function hashOf(route: Route): string {
  if (route.view === 'library') return `#library${route.changed ? '/changed' : ''}${route.tag ? `/tag=${encodeURIComponent(route.tag)}` : ''}`;
  return route.filter ? `#sub=${encodeURIComponent(route.filter)}` : '';
}
