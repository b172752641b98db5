import { isOwnElement } from './inject';
import { THEME_ATTRIBUTES } from './theme';

function isPageChange(record: MutationRecord): boolean {
  if (record.type !== 'childList') return true;
  // Our own insertions cause records too; re-reading the page for them would loop for nothing.
  return record.removedNodes.length > 0 || Array.from(record.addedNodes).some((node) => !isOwnElement(node));
}

/**
 * Calls `onChange` once a burst of changes has been quiet for `debounceMs`: content added or
 * removed anywhere in the page (other than Paper Radar's own controls), the theme marks on
 * `<html>` and `<body>` changing, or the reader's color scheme preference changing.
 * Returns the function that stops watching.
 */
export function watchPage(doc: Document, onChange: () => void, debounceMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };

  const content = new MutationObserver((records) => {
    if (records.some(isPageChange)) schedule();
  });
  const root = doc.body ?? doc.documentElement;
  if (root) content.observe(root, { childList: true, subtree: true });

  const theme = new MutationObserver(schedule);
  for (const element of [doc.documentElement, doc.body]) {
    if (element) theme.observe(element, { attributes: true, attributeFilter: [...THEME_ATTRIBUTES] });
  }
  const scheme = doc.defaultView?.matchMedia('(prefers-color-scheme: dark)');
  scheme?.addEventListener('change', schedule);

  return () => {
    clearTimeout(timer);
    content.disconnect();
    theme.disconnect();
    scheme?.removeEventListener('change', schedule);
  };
}
