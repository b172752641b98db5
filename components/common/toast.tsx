import { createContext, type ComponentChildren, type RefObject } from 'preact';
import { useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { hasCommandModifier, isTypingTarget } from './keys';

export interface ToastMessage {
  text: string;
  /** One follow-up, usually Undo; a promise says when it has happened. */
  action?: { label: string; run: () => void | Promise<unknown> };
}

type ShowToast = (message: ToastMessage) => void;

const ToastContext = createContext<ShowToast>(() => undefined);

export const useToast = (): ShowToast => useContext(ToastContext);

const VISIBLE_MS = 6000;
const WITH_ACTION_MS = 10_000;
/** How long after a message comes the page is measured if nothing on it moved (see useClearOfMessage). */
const SETTLE_MS = 1000;
/** The key that runs a message's follow-up (Undo), from anywhere on the page. */
export const TOAST_ACTION_KEY = 'z';

/**
 * While `active`, the z key runs `run` (a message's Undo) from anywhere on the page but a text
 * field, unless `answers` says this message is not the one to answer it. `run` may change on
 * every drawing: the latest is called.
 */
export function useActionKey(active: boolean, run: () => void, answers: () => boolean = () => true): void {
  const latest = useRef({ run, answers });
  latest.current = { run, answers };
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== TOAST_ACTION_KEY || event.defaultPrevented || hasCommandModifier(event) || isTypingTarget(event.target) || !latest.current.answers()) return;
      event.preventDefault();
      latest.current.run();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [active]);
}

/**
 * Keeps what has the focus clear of the message shown in `region`: a card that moved up into the
 * place of one hidden near the window's bottom (`x`) had its buttons under it. Only what the
 * message covers (it starts above the message's top and ends below it, beside it neither) moves,
 * by the overlap, and not if that would take its top under the sticky bar; only a focus the
 * keyboard moved (a click's is not looked at: scrolling would move the page under the pointer).
 * It is measured once the page has taken the change the message tells of: the hidden card goes a
 * few frames after the message comes, and measured before, the next card (under the message
 * until it moves up) scrolled the page some 290 px. So at the change of the papers' list that
 * moves what has the focus (not one that only brings a figure), or SETTLE_MS on without one (an
 * "Undone." puts the card back where the focus was). The popup's list scrolls in a box of its
 * own, which this does not reach.
 */
function useClearOfMessage(region: RefObject<HTMLDivElement | null>, key: number | undefined): void {
  // Before the browser paints the message: no redraw of the list can have come in between.
  useLayoutEffect(() => {
    const focused = document.activeElement;
    if (key === undefined || !(focused instanceof HTMLElement) || focused === document.body || !focused.matches(':focus-visible')) return;
    const top = () => focused.getBoundingClientRect().top;
    const before = top();
    const stop = () => {
      list.disconnect();
      clearTimeout(timer);
    };
    const clear = () => {
      stop();
      const shown = region.current?.querySelector('.toast');
      const now = document.activeElement;
      if (!shown || !(now instanceof HTMLElement) || now === document.body || !now.matches(':focus-visible')) return;
      const box = now.getBoundingClientRect();
      const message = shown.getBoundingClientRect();
      const covered = box.top < message.top && box.bottom > message.top && box.left < message.right && box.right > message.left;
      const overlap = box.bottom - message.top + 8;
      const bar = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
      if (covered && box.top - overlap >= bar) window.scrollBy({ top: overlap });
    };
    const list = new MutationObserver(() => (document.activeElement !== focused || top() !== before) && clear());
    list.observe(document.querySelector('main') ?? document.body, { childList: true, subtree: true });
    const timer = setTimeout(clear, SETTLE_MS);
    return stop;
  }, [key]);
}

/**
 * One short message at a time at the bottom of the page, announced politely to screen
 * readers. It floats over the page, so it never moves the cards. It stays while the pointer or
 * the focus is on it, and its follow-up (Undo) runs with the z key too: from a card, the button
 * is far away in the tab order, and ten seconds are short to reach it.
 */
export function ToastProvider({ children }: { children: ComponentChildren }) {
  const [toast, setToast] = useState<(ToastMessage & { key: number }) | null>(null);
  const [held, setHeld] = useState(false);
  const show = useCallback<ShowToast>((message) => {
    setHeld(false);
    setToast({ ...message, key: Date.now() + Math.random() });
  }, []);
  const act = () => {
    const action = toast?.action;
    setToast(null);
    setHeld(false);
    if (action?.label !== 'Undo') return void action?.run();
    // Said once it has happened, as the card's return is not (z brings it back from anywhere on the
    // page); not if another message came meanwhile (an Undo that failed says so).
    const undone = { text: 'Undone.', key: Date.now() + Math.random() };
    Promise.resolve(action.run()).then(
      () => setToast((now) => now ?? undone),
      () => undefined,
    );
  };
  useEffect(() => {
    if (!toast || held) return;
    const timer = setTimeout(() => setToast(null), toast.action ? WITH_ACTION_MS : VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [toast, held]);
  useActionKey(toast?.action !== undefined, act);

  const region = useRef<HTMLDivElement>(null);
  useClearOfMessage(region, toast?.key);

  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div class="toast-region" role="status" aria-live="polite" ref={region}>
        {toast && (
          <div
            class="toast"
            key={toast.key}
            onPointerEnter={() => setHeld(true)}
            onPointerLeave={() => setHeld(false)}
            onFocusIn={() => setHeld(true)}
            onFocusOut={(event) => {
              if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setHeld(false);
            }}
          >
            <span>{toast.text}</span>
            {toast.action && (
              <button type="button" class="toast__action" title={`${toast.action.label} (${TOAST_ACTION_KEY})`} onClick={act}>
                {toast.action.label}
              </button>
            )}
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}
