import { type SaveControls, startSaveControls } from './controller';
import { readSavedChanged } from './saved-changed';
import type { Send } from './save-store';

/** Returns nothing, so the browser never waits on this listener for an answer. */
type PushListener = (message: unknown, sender: { id?: string }) => void;

/** The parts of `browser.runtime` the content script listens with. */
export interface PushSource {
  readonly id?: string;
  onMessage: {
    addListener(listener: PushListener): void;
    removeListener(listener: PushListener): void;
  };
}

export interface ContentScriptWorld {
  document: Document;
  window: Window;
  runtime: PushSource;
  send: Send;
  /** Registers what to undo when the script is replaced or the extension goes away. */
  onInvalidated(cleanup: () => void): void;
}

/**
 * The content script: Save controls for the page, refreshed when the background pushes a
 * saved-state change and when the page comes back from the back/forward cache (its DOM, with
 * the controls, is kept, but saves may have happened elsewhere meanwhile). Listeners are
 * registered synchronously. Null, with nothing registered, on pages Paper Radar leaves alone.
 */
export function runSaveControls(world: ContentScriptWorld): SaveControls | null {
  const controls = startSaveControls({ document: world.document, url: new URL(world.window.location.href), send: world.send });
  if (!controls) return null;

  const onPush: PushListener = (message, sender) => {
    if (sender.id !== world.runtime.id) return;
    const ids = readSavedChanged(message);
    if (ids) void controls.savedChanged(ids);
  };
  const onPageShow = (event: Event) => {
    // A page script can dispatch a forged `pageshow` as often as it likes; only the browser's counts.
    if (event.isTrusted && (event as Partial<PageTransitionEvent>).persisted === true) {
      controls.scan();
      void controls.refresh();
    }
  };
  world.runtime.onMessage.addListener(onPush);
  world.window.addEventListener('pageshow', onPageShow);
  world.onInvalidated(() => {
    world.runtime.onMessage.removeListener(onPush);
    world.window.removeEventListener('pageshow', onPageShow);
    controls.stop();
  });
  return controls;
}
