import { useId, useRef, useState } from 'preact/hooks';
import { LIMITS } from '../../lib/schema/limits';
import { tagProblem } from '../../lib/schema/user-text';

interface TagEditorProps {
  tags: readonly string[];
  /** The id of the page's one `<datalist>` of the library's tags, offered as the user types. */
  listId: string;
  /**
   * Applies an edit to the tags as stored when it runs (two quick edits both land); resolves when
   * stored, and a rejection's message is shown.
   */
  onEdit: (edit: (tags: string[]) => string[]) => Promise<void>;
}

/** The tags in a draft ("a, b"): trimmed, each once, none already on the paper. */
const freshTags = (draft: string, tags: readonly string[]) => [
  ...new Set(
    draft
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag !== '' && !tags.includes(tag)),
  ),
];

/**
 * What keeps the draft from being added, said as the user types: a tag over the length a backup
 * holds, or one tag too many. The draft stays in the field to be shortened.
 */
function draftProblem(draft: string, tags: readonly string[]): string | null {
  const fresh = freshTags(draft, tags);
  for (const tag of fresh) {
    const problem = tagProblem(tag);
    if (problem) return problem;
  }
  if (tags.length + fresh.length > LIMITS.tags) return `A paper can have at most ${LIMITS.tags} tags.`;
  return null;
}

/** A paper's tags: each removable, new ones added with Enter or a comma. */
export function TagEditor({ tags, listId, onEdit }: TagEditorProps) {
  const [draft, setDraft] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const problemId = useId();
  const field = useRef<HTMLInputElement>(null);
  const problem = draftProblem(draft, tags);
  /** Stores an edit; if it fails, says why and calls `undo` (an added tag goes back to the field). */
  const store = (edit: (stored: string[]) => string[], undo?: () => void) => {
    setFailure(null);
    onEdit(edit).catch((error: unknown) => {
      setFailure(error instanceof Error ? error.message : String(error));
      undo?.();
    });
  };
  const remove = (tag: string) => store((stored) => stored.filter((t) => t !== tag));
  const add = (text = draft) => {
    if (draftProblem(text, tags)) return;
    // Checked against the tags stored when the edit runs: one just taken back into the field (Backspace) may still be drawn.
    if (freshTags(text, []).length > 0) store((stored) => [...stored, ...freshTags(text, stored)], () => setDraft((now) => (now === '' ? text : now)));
    setDraft('');
  };
  const shown = problem ?? failure;
  return (
    <div class="tags">
      <ul class="tags__list" aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag} class="tag">
            <span class="tag__text">{tag}</span>
            <button
              type="button"
              class="tag__remove"
              aria-label={`Remove tag ${tag}`}
              onClick={(event) => {
                // The focus goes on to the next tag's button (the field after the last), not to the page.
                const next = event.currentTarget.closest('li')?.nextElementSibling?.querySelector('button');
                (next ?? field.current)?.focus();
                remove(tag);
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        ref={field}
        class="tags__input"
        aria-label="Add a tag"
        aria-invalid={problem !== null}
        aria-describedby={shown ? problemId : undefined}
        placeholder={tags.length === 0 ? 'Add a tag' : '+ tag'}
        list={listId}
        value={draft}
        onInput={(event) => {
          const value = event.currentTarget.value;
          setDraft(value);
          if (value.endsWith(',')) add(value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            add();
          } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
            // The last tag comes back into the field to be edited, not gone at one key: Enter, or
            // leaving the field, puts it back.
            event.preventDefault();
            const last = tags[tags.length - 1]!;
            setDraft(last);
            remove(last);
          }
        }}
        onBlur={() => add()}
      />
      {shown && (
        <span id={problemId} class="tags__problem" role="alert">
          {shown}
        </span>
      )}
    </div>
  );
}
