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
  /**
   * A tag Backspace took back into the field to be edited: not drawn, but stored until the field
   * is done with (Enter, a comma, leaving it), so closing the tab, or the card leaving a list
   * filtered by that tag, loses nothing.
   */
  const [taken, setTaken] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const problemId = useId();
  const field = useRef<HTMLInputElement>(null);
  const shownTags = taken === null ? tags : tags.filter((tag) => tag !== taken);
  const problem = draftProblem(draft, shownTags);
  /** Stores an edit; if it fails, says why and calls `undo` (an added tag goes back to the field). */
  const store = (edit: (stored: string[]) => string[], undo?: () => void) => {
    setFailure(null);
    onEdit(edit).catch((error: unknown) => {
      setFailure(error instanceof Error ? error.message : String(error));
      undo?.();
    });
  };
  const remove = (tag: string) => store((stored) => stored.filter((t) => t !== tag));
  /** Stores the draft's tags; a tag taken back into the field is replaced by what the field holds now (nothing: it goes). */
  const add = (text = draft) => {
    if (draftProblem(text, shownTags)) return;
    const was = taken;
    setTaken(null);
    setDraft('');
    if (was !== null && text.trim() === was) return;
    if (was === null && freshTags(text, tags).length === 0) return;
    store(
      (stored) => {
        const kept = stored.filter((tag) => tag !== was);
        return [...kept, ...freshTags(text, kept)];
      },
      () => setDraft((now) => (now === '' ? text : now)),
    );
  };
  const shown = problem ?? failure;
  return (
    <div class="tags">
      <ul class="tags__list" aria-label="Tags">
        {shownTags.map((tag) => (
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
        placeholder={shownTags.length === 0 ? 'Add a tag' : '+ tag'}
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
          } else if (event.key === 'Backspace' && draft === '' && shownTags.length > 0) {
            // The last tag comes back into the field to be edited (see `taken`), not gone at one
            // key. One taken before and emptied since goes now.
            event.preventDefault();
            if (taken !== null) remove(taken);
            const last = shownTags[shownTags.length - 1]!;
            setTaken(last);
            setDraft(last);
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
