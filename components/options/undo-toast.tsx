import { useEffect, useRef, useState } from 'preact/hooks';
import { TOAST_ACTION_KEY, useActionKey } from '../common/toast';

export interface Toast {
  /** Changes for each toast, so a new one restarts the timer. */
  key: number;
  message: string;
  onUndo?: () => void;
}

/** Which of the page's messages was shown last: only that one's Undo answers z (they sit on top of each other). */
let newest = 0;

/**
 * A message at the bottom of the page that goes away by itself; with Undo while it lasts. As on
 * the new tab (components/common/toast.tsx), it stays while the pointer or the focus is on it,
 * and Undo runs with the z key too, outside text fields: after a row is deleted, the button
 * comes after every other row in the tab order.
 */
export function UndoToast({ toast, durationMs, onClose }: { toast: Toast | null; durationMs: number; onClose: () => void }) {
  const [held, setHeld] = useState(false);
  /** Where the focus was before it came to the toast: where Dismiss puts it back. */
  const cameFrom = useRef<HTMLElement | null>(null);
  const shown = useRef(0);
  useEffect(() => {
    setHeld(false);
    cameFrom.current = null;
    if (toast) shown.current = ++newest;
  }, [toast?.key]);
  useEffect(() => {
    if (!toast || held) return;
    const timer = setTimeout(onClose, durationMs);
    return () => clearTimeout(timer);
  }, [toast?.key, durationMs, held]);
  const undo = () => {
    toast?.onUndo?.();
    onClose();
  };
  useActionKey(toast?.onUndo !== undefined, undo, () => shown.current === newest);
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {toast && (
        <div
          class="toast"
          key={toast.key}
          onPointerEnter={() => setHeld(true)}
          onPointerLeave={() => setHeld(false)}
          onFocusIn={(event) => {
            setHeld(true);
            const from = event.relatedTarget as HTMLElement | null;
            if (from && !event.currentTarget.contains(from)) cameFrom.current = from;
          }}
          onFocusOut={(event) => {
            if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
            setHeld(false);
            cameFrom.current = null;
          }}
        >
          <span>{toast.message}</span>
          {toast.onUndo && (
            <button type="button" class="toast-undo" title={`Undo (${TOAST_ACTION_KEY})`} onClick={undo}>
              Undo
            </button>
          )}
          <button
            type="button"
            class="toast-close"
            aria-label="Dismiss"
            onClick={(event) => {
              // Only when the focus is here (a keyboard's Dismiss; a click does not focus a button everywhere).
              const back = event.currentTarget.contains(document.activeElement) ? cameFrom.current : null;
              onClose();
              if (back?.isConnected) back.focus();
            }}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
