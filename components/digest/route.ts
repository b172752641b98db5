import { useEffect, useState } from 'preact/hooks';
import { hashOf, parseHash, type Route } from '../../lib/ui/route';

export type { View } from '../../lib/ui/route';

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
