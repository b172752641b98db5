import { useEffect, useState } from 'preact/hooks';

export type View = 'digest' | 'library';

export interface Route {
  view: View;
  /** The subscription the digest is filtered to. */
  filter?: string;
}

/** '#library', '#sub=<id>' or nothing: the page's place, kept in the URL so a reload keeps it. */
export function parseHash(hash: string): Route {
  const value = hash.replace(/^#/, '');
  if (value === 'library') return { view: 'library' };
  if (value.startsWith('sub=')) {
    const filter = decodeURIComponent(value.slice(4));
    return filter ? { view: 'digest', filter } : { view: 'digest' };
  }
  return { view: 'digest' };
}

export function hashOf(route: Route): string {
  if (route.view === 'library') return '#library';
  return route.filter ? `#sub=${encodeURIComponent(route.filter)}` : '';
}

export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = (next: Route) => {
    // Replaced, not pushed: Back should leave the new tab, not step through filters.
    history.replaceState(null, '', hashOf(next) || window.location.pathname);
    setRoute(next);
  };
  return [route, navigate];
}
