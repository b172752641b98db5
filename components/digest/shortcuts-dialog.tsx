import { useEffect, useRef } from 'preact/hooks';

const SHORTCUTS: [keys: string[], what: string][] = [
  [['j', 'k'], 'Next or previous paper'],
  [['o'], 'Open the abstract page in a new tab behind this one'],
  [['Enter', 'O'], 'Open the abstract page here'],
  [['s'], 'Save or unsave'],
  [['x'], 'Hide'],
  [['n'], 'Not interested: hide it, and show fewer papers like it'],
  [['m'], 'Mark read or unread'],
  [['e'], 'Show the full abstract (a compact row: open it)'],
  [['z'], 'Undo, while the message at the bottom offers it'],
  [['/'], 'Search'],
  [['Esc'], 'In the search box: clear it; once empty, leave it'],
  [['?'], 'This list'],
];

/** Every keyboard shortcut, in a modal dialog (Escape closes it and returns focus). */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} class="dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title" class="dialog__title">
        Keyboard shortcuts
      </h2>
      <dl class="shortcuts">
        {SHORTCUTS.map(([keys, what]) => (
          <div class="shortcuts__row" key={what}>
            <dt>
              {keys.map((key, i) => (
                <span key={key}>
                  {i > 0 && ' '}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" class="button">
          Close
        </button>
      </form>
    </dialog>
  );
}
