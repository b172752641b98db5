import { useId, useState } from 'preact/hooks';
import { categoryName } from '../../lib/arxiv/categories';
import { useCategoryCombobox } from './category-combobox';
import { CategorySuggestions } from './category-suggestions';

interface CategoryChipsProps {
  label: string;
  value: string[];
  onChange: (categories: string[]) => void;
}

/** A list of categories as removable chips, with a search over arXiv's taxonomy to add one. */
export function CategoryChips({ label, value, onChange }: CategoryChipsProps) {
  const inputId = useId();
  const listId = useId();
  const [query, setQuery] = useState('');
  const add = (id: string) => {
    if (!value.includes(id)) onChange([...value, id]);
    setQuery('');
  };
  const combobox = useCategoryCombobox(listId, query, add);
  const onKeyDown = (event: KeyboardEvent) => {
    combobox.inputProps.onKeyDown(event);
    if (event.defaultPrevented) return;
    // Enter here adds a category, never the whole subscription.
    if (event.key === 'Enter') {
      event.preventDefault();
      const first = combobox.matches[0];
      if (first) add(first.id);
    } else if (event.key === 'Backspace' && query === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };
  return (
    <div class="field">
      <label for={inputId}>{label}</label>
      <div class="chips">
        {value.map((id) => (
          <span class="chip" key={id} title={categoryName(id) ?? 'Not in arXiv’s list of categories'}>
            <code>{id}</code>
            <button type="button" class="chip-remove" aria-label={`Remove ${id}`} onClick={() => onChange(value.filter((c) => c !== id))}>
              ×
            </button>
          </span>
        ))}
        <div class="combobox">
          <input
            id={inputId}
            type="text"
            autocomplete="off"
            spellcheck={false}
            placeholder={value.length === 0 ? 'Any (type cs.LG or a name)' : 'Add another'}
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
            {...combobox.inputProps}
            onKeyDown={onKeyDown}
          />
          <CategorySuggestions id={listId} combobox={combobox} />
        </div>
      </div>
    </div>
  );
}
