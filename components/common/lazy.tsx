import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component loaded on first use, so rarely seen parts (the library, the first-run form) stay
 * out of the JavaScript every new tab parses. Renders nothing until it has arrived.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  return function Lazy(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | undefined>(() => loaded);
    useEffect(() => {
      if (Component) return;
      let current = true;
      loading ??= load().then((component) => (loaded = component));
      loading.then((component) => current && setComponent(() => component));
      return () => {
        current = false;
      };
    }, [Component]);
    return Component ? <Component {...props} /> : null;
  };
}
