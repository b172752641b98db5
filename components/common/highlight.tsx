import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { highlightParts } from '../../lib/search/highlight';
import { queryPrefixes } from '../../lib/search/search-index';

/** The folded words of the search the cards below answer; none outside search results. */
const HighlightWords = createContext<readonly string[]>([]);

/** Cards inside show the words of `query` marked where they matched. */
export function HighlightQuery({ query, children }: { query: string; children: ComponentChildren }) {
  const prefixes = useMemo(() => queryPrefixes(query), [query]);
  return <HighlightWords.Provider value={prefixes}>{children}</HighlightWords.Provider>;
}

/** The folded words of the search the card answers; none outside search results. */
export const useHighlightWords = (): readonly string[] => useContext(HighlightWords);

/** Text with the words the search matched in `<mark>`; plain text anywhere else. */
export function Highlighted({ text }: { text: string }) {
  const prefixes = useContext(HighlightWords);
  const parts = useMemo(() => highlightParts(text, prefixes), [text, prefixes]);
  if (parts.length === 1 && !parts[0]!.hit) return <>{text}</>;
  return <>{parts.map((part, i) => (part.hit ? <mark key={i} class="hit">{part.text}</mark> : part.text))}</>;
}
