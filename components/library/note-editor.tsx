import { useEffect, useRef, useState } from 'preact/hooks';

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
  const editing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // A change from elsewhere (another tab, an import) shows up unless the user is typing here.
  useEffect(() => {
    if (!editing.current) setDraft(note);
  }, [note]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const save = (text: string) => {
    clearTimeout(timer.current);
    if (text === note) return;
    setStatus('saving');
    onSave(text).then(
      () => setStatus('saved'),
      () => setStatus(''),
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
        onFocus={() => (editing.current = true)}
        onInput={(event) => {
          const text = event.currentTarget.value;
          setDraft(text);
          setStatus('');
          clearTimeout(timer.current);
          timer.current = setTimeout(() => save(text), SAVE_AFTER_MS);
        }}
        onBlur={() => {
          editing.current = false;
          save(draft);
        }}
      />
      <span class="note__status" aria-live="polite">
        {status === 'saving' ? 'Saving…' : status === 'saved' ? 'Saved' : ''}
      </span>
    </div>
  );
}
