import type { Input, Output } from '../messaging/protocol';
import { pressAction, type SaveState, stateOf } from './save-state';
import type { ShownPaper } from './shown-paper';

/** The messages a content script may send (the background refuses the others from arXiv pages). */
export type ContentMessage = 'getSavedIds' | 'savePaper' | 'unsavePaper' | 'getPaperContext';

/** `sendMessage` from lib/messaging, narrowed to what the content script asks. */
export type Send = <K extends ContentMessage>(type: K, data: Input<K>) => Promise<Output<K>>;

/** The background accepts at most this many ids per getSavedIds (lib/messaging/validate.ts). */
export const MAX_IDS_PER_REQUEST = 1000;

export interface SaveStore {
  get(id: string): SaveState | undefined;
  /** Asks the background about `ids`; unknown ones show as loading until it answers. */
  load(ids: readonly string[]): Promise<void>;
  /** Like load for one paper, also returning the labels of the subscriptions that matched it. */
  loadContext(id: string): Promise<string[]>;
  /** Does what pressing a control of `id` means in its current state; a save carries what the page shows of it. */
  press(id: string, shown?: ShownPaper): Promise<void>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/**
 * One state per paper id, changed only through the background. `onChange` runs on every change
 * so all controls of that id show it. Each press bumps the id's epoch: an answer to a question
 * asked before the press is stale and dropped, so a slow refresh never undoes a click.
 */
export function createSaveStore(send: Send, onChange: (id: string, state: SaveState) => void): SaveStore {
  const states = new Map<string, SaveState>();
  const epochs = new Map<string, number>();
  const epoch = (id: string) => epochs.get(id) ?? 0;
  const set = (id: string, state: SaveState) => {
    states.set(id, state);
    onChange(id, state);
  };
  const inFlight = (id: string) => {
    const kind = states.get(id)?.kind;
    return kind === 'saving' || kind === 'removing';
  };

  function startLoading(ids: readonly string[]): Map<string, number> {
    const asked = new Map<string, number>();
    for (const id of ids) {
      const state = states.get(id);
      if (state === undefined || (state.kind === 'error' && state.failed === 'load')) set(id, { kind: 'loading' });
      asked.set(id, epoch(id));
    }
    return asked;
  }

  function answer(asked: Map<string, number>, stateFor: (id: string) => SaveState): void {
    for (const [id, askedAt] of asked) {
      if (epoch(id) === askedAt && !inFlight(id)) set(id, stateFor(id));
    }
  }

  function fail(asked: Map<string, number>, error: unknown): void {
    // A failed refresh keeps what a control already shows; only unanswered ones become errors.
    const failure: SaveState = { kind: 'error', failed: 'load', message: messageOf(error) };
    answer(asked, (id) => {
      const shown = states.get(id);
      return shown === undefined || shown.kind === 'loading' ? failure : shown;
    });
  }

  async function loadChunk(ids: string[]): Promise<void> {
    const asked = startLoading(ids);
    try {
      const reply = await send('getSavedIds', { ids });
      const saved = new Set(reply.saved);
      const pending = new Set(reply.pending);
      answer(asked, (id) => stateOf(saved.has(id), pending.has(id)));
    } catch (error) {
      fail(asked, error);
    }
  }

  async function loadContext(id: string): Promise<string[]> {
    const asked = startLoading([id]);
    try {
      const context = await send('getPaperContext', { id });
      answer(asked, () => stateOf(context.saved, context.pending));
      return context.subscriptions;
    } catch (error) {
      fail(asked, error);
      return [];
    }
  }

  async function change(id: string, action: 'save' | 'unsave', shown?: ShownPaper): Promise<void> {
    epochs.set(id, epoch(id) + 1);
    set(id, { kind: action === 'save' ? 'saving' : 'removing' });
    try {
      if (action === 'save') {
        const { pending } = await send('savePaper', shown ? { id, shown } : { id });
        set(id, stateOf(true, pending));
      } else {
        await send('unsavePaper', { id });
        set(id, { kind: 'unsaved' });
      }
    } catch (error) {
      set(id, { kind: 'error', failed: action, message: messageOf(error) });
    }
  }

  async function load(ids: readonly string[]): Promise<void> {
    await Promise.all(chunks([...new Set(ids)], MAX_IDS_PER_REQUEST).map(loadChunk));
  }

  async function press(id: string, shown?: ShownPaper): Promise<void> {
    const action = pressAction(states.get(id) ?? { kind: 'loading' });
    if (action === 'load') await load([id]);
    else if (action !== null) await change(id, action, shown);
  }

  return { get: (id) => states.get(id), load, loadContext, press };
}
