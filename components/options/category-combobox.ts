import { useMemo, useState } from 'preact/hooks';
import { searchCategories, type ArxivCategory } from '../../lib/arxiv/categories';

export interface CategoryCombobox {
  matches: ArxivCategory[];
  open: boolean;
  active: number;
  /** Props for the text input that drives the suggestions. */
  inputProps: {
    role: 'combobox';
    'aria-autocomplete': 'list';
    'aria-expanded': boolean;
    'aria-controls': string;
    'aria-activedescendant'?: string;
    onKeyDown: (event: KeyboardEvent) => void;
    onFocus: () => void;
    onBlur: () => void;
  };
  pick: (id: string) => void;
  /** Closes the list until the query changes (as Escape does). */
  dismiss: () => void;
}

const MAX_SUGGESTIONS = 8;

/**
 * Suggestions from arXiv's taxonomy for what is being typed (an id or words of a name), with
 * the keys of a combobox: arrows move, Enter takes the highlighted one (only then: otherwise
 * Enter belongs to the form), Escape closes.
 */
export function useCategoryCombobox(listId: string, query: string, onPick: (id: string) => void): CategoryCombobox {
  const matches = useMemo(() => (query.trim() === '' ? [] : searchCategories(query, MAX_SUGGESTIONS)), [query]);
  const [state, setState] = useState({ query, active: -1, focused: false, dismissed: false });
  // A new query starts a new list: nothing highlighted, shown again.
  const current = state.query === query ? state : { ...state, query, active: -1, dismissed: false };
  const open = current.focused && !current.dismissed && matches.length > 0;
  const set = (changes: Partial<typeof state>) => setState({ ...current, ...changes });
  const pick = (id: string) => {
    onPick(id);
    set({ active: -1, dismissed: true });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      // -1 (the input itself) is one stop of the cycle, as in the browser's own lists.
      const stops = matches.length + 1;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      set({ active: ((current.active + 1 + step + stops) % stops) - 1 });
    } else if (event.key === 'Enter' && current.active >= 0) {
      event.preventDefault();
      const match = matches[current.active];
      if (match) pick(match.id);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      set({ dismissed: true, active: -1 });
    }
  };
  return {
    matches,
    open,
    active: current.active,
    inputProps: {
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': open,
      'aria-controls': listId,
      ...(open && current.active >= 0 ? { 'aria-activedescendant': `${listId}-${current.active}` } : {}),
      onKeyDown,
      onFocus: () => set({ focused: true }),
      onBlur: () => set({ focused: false }),
    },
    pick,
    dismiss: () => set({ dismissed: true, active: -1 }),
  };
}
