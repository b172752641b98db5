import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { noteProblem } from '../../lib/schema/user-text';

const SAVE_AFTER_MS = 700;

interface NoteEditorProps {
  note: string;
  label: string;
  onSave: (note: string) => Promise<void>;
}

/** A free-text note, saved as the user pauses typing and when they leave the field. */
export function NoteEditor({ note, label, onSave }: NoteEditorProps) {
  const [draft, setDraft] = useState(note);
  const [status, setStatus] = useState<'' | 'saving' | 'saved'>('');
  const [failure, setFailure] = useState<string | null>(null);
  const problemId = useId();
  // Over the limit a backup holds, the note is not saved; the user is told as they type.
  const problem = noteProblem(draft) ?? failure;
  const editing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // A change from elsewhere (another tab, an import) shows up unless the user is typing here.
  useEffect(() => {
    if (!editing.current) setDraft(note);
  }, [note]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const save = (text: string) => {
    clearTimeout(timer.current);
    if (text === note || noteProblem(text)) return;
    setStatus('saving');
    onSave(text).then(
      () => setStatus('saved'),
      (error: unknown) => {
        setStatus('');
        setFailure(`The note was not saved: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  };

  return (
    <div class="note">
      <textarea
        class="note__input"
        aria-label={label}
        placeholder="Add a note"
        rows={draft.includes('\n') || draft.length > 80 ? 3 : 1}
        value={draft}
        aria-invalid={problem !== null}
        aria-describedby={problem ? problemId : undefined}
        onFocus={() => (editing.current = true)}
        onInput={(event) => {
          const text = event.currentTarget.value;
          setDraft(text);
          setStatus('');
          setFailure(null);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => save(text), SAVE_AFTER_MS);
        }}
        onBlur={() => {
          editing.current = false;
          save(draft);
        }}
      />
      <span class="note__status" aria-live="polite">
        {status === 'saving' ? 'Saving note…' : status === 'saved' ? 'Note saved' : ''}
      </span>
      {problem && (
        <span id={problemId} class="note__problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
