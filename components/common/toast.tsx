import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';

export interface ToastMessage {
  text: string;
  /** One follow-up, usually Undo. */
  action?: { label: string; run: () => void };
}

type ShowToast = (message: ToastMessage) => void;

const ToastContext = createContext<ShowToast>(() => undefined);

export const useToast = (): ShowToast => useContext(ToastContext);

const VISIBLE_MS = 6000;
const WITH_ACTION_MS = 10_000;

/**
 * One short message at a time at the bottom of the page, announced politely to screen
 * readers. It floats over the page, so it never moves the cards.
 */
export function ToastProvider({ children }: { children: ComponentChildren }) {
  const [toast, setToast] = useState<(ToastMessage & { key: number }) | null>(null);
  const show = useCallback<ShowToast>((message) => setToast({ ...message, key: Date.now() + Math.random() }), []);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), toast.action ? WITH_ACTION_MS : VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div class="toast-region" role="status" aria-live="polite">
        {toast && (
          <div class="toast" key={toast.key}>
            <span>{toast.text}</span>
            {toast.action && (
              <button
                type="button"
                class="toast__action"
                onClick={() => {
                  toast.action?.run();
                  setToast(null);
                }}
              >
                {toast.action.label}
              </button>
            )}
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}
