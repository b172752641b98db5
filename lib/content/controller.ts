import { findPapers, MAX_SLOTS } from './find-papers';
import { injectControls, layoutFor, type Placed, removePlaced } from './inject';
import { detectPage, type PageKind } from './page-kind';
import { createSaveControl, type SaveControl } from './save-control';
import { pressAction, type SaveState, viewOf } from './save-state';
import { createSaveStore, type Send } from './save-store';
import type { ShownPaper } from './shown-paper';
import { pageTheme, type Theme } from './theme';
import { watchPage } from './watch-page';

export interface SaveControlsOptions {
  document: Document;
  /** The page's address; it decides the page kind and resolves relative links. */
  url: URL;
  send: Send;
  /** Quiet time before a changed page is read again: a burst of changes costs one pass. */
  debounceMs?: number;
  /** Where "found nothing" notes go (once each); console.debug by default. */
  log?: (message: string) => void;
  /** Papers the page gets controls for in its life: MAX_SLOTS, what arXiv's longest pages list. */
  maxPapers?: number;
}

export interface SaveControls {
  readonly kind: PageKind;
  /** Adds controls where they are missing; returns how many it added. Safe to call any time. */
  scan(): number;
  /** Asks the background again about `ids` (by default every paper on the page). */
  refresh(ids?: readonly string[]): Promise<void>;
  /** The background says these papers' saved state changed somewhere. */
  savedChanged(ids: readonly string[]): Promise<void>;
  /** Stops watching the page and takes every control out. */
  stop(): void;
}

const LOADING: SaveState = { kind: 'loading' };

/**
 * Save controls on an arXiv page: one per paper slot, one state per paper id shared by all
 * its controls, kept in step with the background and with a page that changes. Null on pages
 * Paper Radar leaves alone (see detectPage).
 */
export function startSaveControls(options: SaveControlsOptions): SaveControls | null {
  const detected = detectPage(options.url);
  if (detected === null) return null;
  const kind: PageKind = detected;
  const doc = options.document;
  const log = options.log ?? ((message: string) => console.debug(message));
  const logged = new Set<string>();
  const logOnce = (message: string) => {
    if (!logged.has(message)) log(message);
    logged.add(message);
  };
  // On an abstract page the control also names the subscriptions that matched the paper.
  const withContext = kind === 'abs';
  const placed = new Map<SaveControl, Placed>();
  const byId = new Map<string, Set<SaveControl>>();
  const labels = new Map<string, string[]>();
  // What the page shows of each paper, sent with a save so the Library has it at once.
  const shown = new Map<string, ShownPaper>();
  let theme: Theme = pageTheme(doc, doc.defaultView);

  const controlsOf = (id: string) => byId.get(id) ?? new Set<SaveControl>();
  const render = (control: SaveControl) => control.render(viewOf(store.get(control.id) ?? LOADING), theme);
  const store = createSaveStore(options.send, (id) => controlsOf(id).forEach(render));

  async function loadContext(id: string): Promise<void> {
    const matched = await store.loadContext(id);
    labels.set(id, matched);
    for (const control of controlsOf(id)) control.showSubscriptions(matched);
  }

  async function load(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    if (withContext) await Promise.all(ids.map(loadContext));
    else await store.load(ids);
  }

  function press(id: string): void {
    const retryingContext = withContext && pressAction(store.get(id) ?? LOADING) === 'load';
    void (retryingContext ? loadContext(id) : store.press(id, shown.get(id)));
  }

  /**
   * A page that keeps adding papers beyond what arXiv's longest pages show, even one swapping
   * its entries for others, gets no more controls: the background is asked about at most
   * `maxPapers` papers in the page's life.
   */
  const maxPapers = options.maxPapers ?? MAX_SLOTS;
  const admitted = new Set<string>();
  function admits(id: string): boolean {
    if (admitted.has(id)) return true;
    if (admitted.size >= maxPapers) {
      logOnce(`Paper Radar: this page shows more than ${maxPapers} papers; no more Save buttons.`);
      return false;
    }
    admitted.add(id);
    return true;
  }

  function remember(entry: Placed): void {
    const { control } = entry;
    placed.set(control, entry);
    byId.set(control.id, controlsOf(control.id).add(control));
    render(control);
    control.showSubscriptions(labels.get(control.id) ?? []);
  }

  function forget({ control }: Placed): void {
    placed.delete(control);
    byId.get(control.id)?.delete(control);
    if (byId.get(control.id)?.size === 0) byId.delete(control.id);
  }

  function updateTheme(): void {
    const now = pageTheme(doc, doc.defaultView);
    if (now === theme) return;
    theme = now;
    placed.forEach((_, control) => render(control));
  }

  function scan(): number {
    const slots = findPapers(doc, kind, options.url, maxPapers);
    if (slots.length === 0) logOnce(`Paper Radar: found no papers on this ${kind} page; no Save buttons added.`);
    const result = injectControls(slots, (slot) => {
      if (!admits(slot.id)) return null;
      if (slot.shown && !shown.has(slot.id)) shown.set(slot.id, slot.version === undefined ? slot.shown : { ...slot.shown, version: slot.version });
      return createSaveControl(doc, slot.id, layoutFor(slot), () => press(slot.id), withContext);
    });
    result.removed.forEach(forget);
    for (const entry of placed.values()) if (!entry.control.element.isConnected) forget(entry);
    if (result.refused > 0) logOnce('Paper Radar: this page keeps removing a Save button; leaving it out.');
    updateTheme();
    const unknown = new Set<string>();
    for (const entry of result.added) {
      if (store.get(entry.control.id) === undefined) unknown.add(entry.control.id);
      remember(entry);
    }
    void load([...unknown]);
    return result.added.length;
  }

  const unwatch = watchPage(doc, scan, options.debounceMs ?? 150);
  scan();

  return {
    kind,
    scan,
    refresh: (ids = [...byId.keys()]) => load(ids),
    savedChanged: (ids) => load(ids.filter((id) => byId.has(id))),
    stop() {
      unwatch();
      placed.forEach(removePlaced);
      placed.clear();
      byId.clear();
    },
  };
}
