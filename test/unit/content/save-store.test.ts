import { describe, expect, it, vi } from 'vitest';
import type { SaveState } from '../../../lib/content/save-state';
import { createSaveStore, MAX_IDS_PER_REQUEST, type Send } from '../../../lib/content/save-store';
import type { Output } from '../../../lib/messaging/protocol';
import { fakeBackground, settle } from './save-controls-kit';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('createSaveStore', () => {
  it('asks about a long list of ids in requests the background accepts', async () => {
    const background = fakeBackground({ saved: ['2608.02000'] });
    const store = createSaveStore(background.send, () => {});
    const ids = Array.from({ length: 2500 }, (_, i) => `2608.${String(i).padStart(5, '0')}`);
    await store.load([...ids, ...ids.slice(0, 10)]);
    const sizes = background.calls('getSavedIds').map((data) => (data as { ids: string[] }).ids.length);
    expect(sizes).toEqual([MAX_IDS_PER_REQUEST, MAX_IDS_PER_REQUEST, 500]);
    expect(store.get('2608.02000')).toEqual({ kind: 'saved' });
    expect(store.get('2608.02001')).toEqual({ kind: 'unsaved' });
  });

  it('does not let an answer to an earlier question undo a click', async () => {
    const slowAnswer = deferred<Output<'getSavedIds'>>();
    const send = vi.fn((type: string) =>
      type === 'getSavedIds' ? slowAnswer.promise : Promise.resolve({ pending: false }),
    ) as unknown as Send;
    const seen: SaveState['kind'][] = [];
    const store = createSaveStore(send, (_, state) => seen.push(state.kind));
    const loading = store.load(['1706.03762']);
    await store.press('1706.03762');
    slowAnswer.resolve({ saved: [], pending: [] });
    await loading;
    expect(store.get('1706.03762')).toEqual({ kind: 'saved' });
    expect(seen).toEqual(['loading', 'saving', 'saved']);
  });

  it('keeps what a control shows when a refresh fails, and reports the failure where nothing was known', async () => {
    const background = fakeBackground({ saved: ['1706.03762'] });
    const store = createSaveStore(background.send, () => {});
    await store.load(['1706.03762']);
    background.failure = 'Extension context invalidated.';
    await store.load(['1706.03762', '1207.7214']);
    expect(store.get('1706.03762')).toEqual({ kind: 'saved' });
    expect(store.get('1207.7214')).toEqual({ kind: 'error', failed: 'load', message: 'Extension context invalidated.' });
  });

  it('ignores presses while a save is on its way', async () => {
    const background = fakeBackground();
    const store = createSaveStore(background.send, () => {});
    const first = store.press('1706.03762');
    void store.press('1706.03762');
    void store.press('1706.03762');
    await first;
    await settle();
    expect(background.calls('savePaper')).toHaveLength(1);
    expect(background.calls('unsavePaper')).toHaveLength(0);
  });
});
