import type { CategoryCombobox } from './category-combobox';

/** The list under a category input: id, arXiv's name and group (two groups have a Machine Learning); a click takes it. */
export function CategorySuggestions({ id, combobox }: { id: string; combobox: CategoryCombobox }) {
  return (
    <ul id={id} role="listbox" class="category-suggestions" hidden={!combobox.open}>
      {combobox.matches.map((category, i) => (
        <li
          key={category.id}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === combobox.active}
          // mousedown, not click: the input keeps its focus, so the list does not close first.
          onMouseDown={(event) => {
            event.preventDefault();
            combobox.pick(category.id);
          }}
        >
          <code>{category.id}</code> <span>{category.name}</span> <span class="category-group">{category.group}</span>
        </li>
      ))}
    </ul>
  );
}
