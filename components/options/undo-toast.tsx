import { useEffect } from 'preact/hooks';

export interface Toast {
  /** Changes for each toast, so a new one restarts the timer. */
  key: number;
  message: string;
  onUndo?: () => void;
}

/** A message at the bottom of the page that goes away by itself; with Undo while it lasts. */
export function UndoToast({ toast, durationMs, onClose }: { toast: Toast | null; durationMs: number; onClose: () => void }) {
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onClose, durationMs);
    return () => clearTimeout(timer);
  }, [toast?.key, durationMs]);
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {toast && (
        <div class="toast" key={toast.key}>
          <span>{toast.message}</span>
          {toast.onUndo && (
            <button
              type="button"
              class="toast-undo"
              onClick={() => {
                toast.onUndo?.();
                onClose();
              }}
            >
              Undo
            </button>
          )}
          <button type="button" class="toast-close" aria-label="Dismiss" onClick={onClose}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
