/**
 * What a Save control shows for one paper. All controls of one id share one state, so a
 * paper listed twice (/new: new and replacements) never shows two answers.
 */
export type SaveState =
  /** Asking the background whether the paper is saved. */
  | { kind: 'loading' }
  | { kind: 'unsaved' }
  | { kind: 'saved' }
  /** Saved; the background is still fetching its metadata from arXiv. */
  | { kind: 'pending' }
  /** A save or an unsave is on its way to the background. */
  | { kind: 'saving' }
  | { kind: 'removing' }
  /** The last request failed; pressing the control tries `failed` again. */
  | { kind: 'error'; failed: 'load' | 'save' | 'unsave'; message: string };

export type SaveStateKind = SaveState['kind'];

/** What pressing the control does in a state; null while a request is on its way. */
export type PressAction = 'save' | 'unsave' | 'load';

export interface ControlView {
  state: SaveStateKind;
  text: string;
  /** `aria-pressed`: is the paper saved (or being saved)? */
  pressed: boolean;
  /** `aria-busy`: a request is on its way. */
  busy: boolean;
  /** Tooltip and accessible description. */
  title: string;
}

/** The state of a paper the background reports as saved or not, and pending or not. */
export function stateOf(saved: boolean, pending: boolean): SaveState {
  if (pending) return { kind: 'pending' };
  return saved ? { kind: 'saved' } : { kind: 'unsaved' };
}

export function pressAction(state: SaveState): PressAction | null {
  switch (state.kind) {
    case 'loading':
    case 'unsaved':
      return 'save';
    case 'saved':
    case 'pending':
      return 'unsave';
    case 'saving':
    case 'removing':
      return null;
    case 'error':
      return state.failed;
  }
}

const RETRY = 'Press to try again.';

function errorView(state: Extract<SaveState, { kind: 'error' }>): ControlView {
  const what = {
    load: 'Paper Radar could not check whether this paper is saved',
    save: 'Paper Radar could not save this paper',
    unsave: 'Paper Radar could not remove this paper',
  }[state.failed];
  return {
    state: 'error',
    text: 'Retry',
    pressed: state.failed === 'unsave',
    busy: false,
    title: `${what}: ${state.message} ${RETRY}`,
  };
}

export function viewOf(state: SaveState): ControlView {
  const view = (text: string, pressed: boolean, busy: boolean, title: string): ControlView => ({
    state: state.kind,
    text,
    pressed,
    busy,
    title,
  });
  switch (state.kind) {
    case 'loading':
      return view('Save', false, true, 'Save to Paper Radar');
    case 'unsaved':
      return view('Save', false, false, 'Save to Paper Radar');
    case 'saved':
      return view('Saved', true, false, 'Saved in Paper Radar. Press to remove it.');
    case 'pending':
      // Saved already: it reads as saved; only the tooltip says arXiv's details are still asked for
      // (arXiv's API can lag behind its pages for a while: the Library says why, and when it asks again).
      return { ...viewOf({ kind: 'saved' }), state: 'pending', title: 'Saved. Paper Radar asks arXiv for its title and abstract until they come; the Library says how that goes. Press to remove it.' };
    case 'saving':
      return view('Saving…', true, true, 'Saving to Paper Radar…');
    case 'removing':
      return view('Removing…', false, true, 'Removing from Paper Radar…');
    case 'error':
      return errorView(state);
  }
}

/** Characters in the longest label a control can show: its width is kept to that in every state. */
export const LONGEST_LABEL = Math.max(
  ...(
    [
      { kind: 'loading' },
      { kind: 'unsaved' },
      { kind: 'saved' },
      { kind: 'pending' },
      { kind: 'saving' },
      { kind: 'removing' },
      { kind: 'error', failed: 'save', message: '' },
    ] satisfies SaveState[]
  ).map((state) => viewOf(state).text.length),
);
