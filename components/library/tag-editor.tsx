import { useState } from 'preact/hooks';

interface TagEditorProps {
  tags: readonly string[];
  /** Every tag in the library, offered as the user types. */
  known: readonly string[];
  listId: string;
  onChange: (tags: string[]) => void;
}

/** A paper's tags: each removable, new ones added with Enter or a comma. */
export function TagEditor({ tags, known, listId, onChange }: TagEditorProps) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const fresh = draft
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag !== '' && !tags.includes(tag));
    if (fresh.length > 0) onChange([...tags, ...fresh]);
    setDraft('');
  };
  return (
    <div class="tags">
      <ul class="tags__list" aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag} class="tag">
            <span>{tag}</span>
            <button type="button" class="tag__remove" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        class="tags__input"
        aria-label="Add a tag"
        placeholder={tags.length === 0 ? 'Add a tag' : '+ tag'}
        list={listId}
        value={draft}
        onInput={(event) => {
          const value = event.currentTarget.value;
          if (value.endsWith(',')) {
            setDraft(value);
            return add();
          }
          setDraft(value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            add();
          } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
            onChange(tags.slice(0, -1));
          }
        }}
        onBlur={add}
      />
      <datalist id={listId}>
        {known.filter((tag) => !tags.includes(tag)).map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
    </div>
  );
}
