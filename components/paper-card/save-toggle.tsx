import { useEffect, useState } from 'preact/hooks';
import { byPointer } from './held-places';

interface SaveToggleProps {
  saved: boolean;
  /** `byPointer`: pressed with a mouse, pen or finger rather than a key (see held-places.tsx). */
  onChange: (save: boolean, byPointer: boolean) => Promise<void>;
  /** The paper's title element, so the button is announced with it. */
  describedBy?: string;
}

/**
 * Save, or Saved while the paper is in the library: people read the word, not the filled icon
 * (with "Save" alone they pressed it again). `aria-pressed` stays for the test hooks and says
 * the same. Shows the new state at once and keeps it until the library confirms it (the save
 * travels through the background) or the save fails.
 */
export function SaveToggle({ saved, onChange, describedBy }: SaveToggleProps) {
  const [intended, setIntended] = useState<boolean | null>(null);
  useEffect(() => setIntended(null), [saved]);
  const pressed = intended ?? saved;
  const toggle = (event: MouseEvent) => {
    const next = !pressed;
    setIntended(next);
    onChange(next, byPointer(event)).catch(() => setIntended(null));
  };
  return (
    <button
      type="button"
      class={pressed ? 'action save-toggle save-toggle--on' : 'action save-toggle'}
      data-testid="save-toggle"
      data-action="save"
      aria-pressed={pressed}
      aria-describedby={describedBy}
      title={pressed ? 'Remove from your library (s)' : 'Save to your library (s)'}
      onClick={toggle}
    >
      <svg class="icon" viewBox="0 0 16 16" aria-hidden="true">
        <path d="M4 1.75h8a.75.75 0 0 1 .75.75v12L8 11.5l-4.75 3V2.5A.75.75 0 0 1 4 1.75Z" />
      </svg>
      <span class="save-toggle__word">{pressed ? 'Saved' : 'Save'}</span>
    </button>
  );
}
