import { useEffect, useRef } from 'preact/hooks';

/** Each shortcut, and whether it works in the Library too (reading and hiding are the feed's). */
const SHORTCUTS: [keys: string[], what: string, inLibrary: boolean][] = [
  [['j', 'k'], 'Next or previous paper', true],
  [['o'], 'Open the abstract page in a new tab behind this one', true],
  [['Enter', 'O'], 'Open the abstract page here', true],
  [['s'], 'Save or unsave', true],
  [['x'], 'Hide', false],
  [['n'], 'Not interested: hide it, and show fewer papers like it', false],
  [['m'], 'Mark read or unread', false],
  [['e'], 'Show the full abstract (a compact row: open it)', true],
  [['z'], 'Undo, while the message at the bottom offers it', true],
  [['/'], 'Search', true],
  [['Esc'], 'In the search box: clear it; once empty, leave it', true],
  [['?'], 'This list', true],
];

/** Every keyboard shortcut of the view, in a modal dialog (Escape closes it and returns focus). */
export function ShortcutsDialog({ open, library, onClose }: { open: boolean; library: boolean; onClose: () => void }) {
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
        {SHORTCUTS.filter(([, , inLibrary]) => inLibrary || !library).map(([keys, what]) => (
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
