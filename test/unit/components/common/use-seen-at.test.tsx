import { act, cleanup, render } from '../../../helpers/dom-testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOOK_MS, useSeenAt } from '../../../../components/common/use-seen-at';
import { testServices, WithServices } from '../test-services';

function Page({ seen }: { seen: 'when opened' | 'when looked at' }) {
  const seenAt = useSeenAt(true, seen);
  return <p>{seenAt === undefined ? 'asking' : `last seen ${seenAt}`}</p>;
}

function open(seen: 'when opened' | 'when looked at') {
  const services = testServices({ lastSeen: async () => ({ seenAt: 7 }), markSeen: async () => ({ previousSeenAt: 7 }) });
  const view = render(
    <WithServices services={services.services}>
      <Page seen={seen} />
    </WithServices>,
  );
  const marks = () => services.sent.filter((m) => m.type === 'markSeen').length;
  return { view, marks, sent: services.sent };
}

/** Time passes on the fake clock, and what it set off is drawn. */
const pass = (ms: number) => act(async () => {
  await vi.advanceTimersByTimeAsync(ms);
});

let visibility: DocumentVisibilityState = 'visible';
const setVisibility = (state: DocumentVisibilityState) => {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
};

beforeEach(() => {
  visibility = 'visible';
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('when a new tab counts as seen', () => {
  it('not while it is open for less than the look time, only once it has been in view for all of it', async () => {
    const { view, marks } = open('when looked at');
    await pass(LOOK_MS - 1);
    expect(view.container.textContent).toBe('last seen 7');
    expect(marks()).toBe(0);
    await pass(1);
    expect(marks()).toBe(1);
    await pass(5 * LOOK_MS);
    expect(marks()).toBe(1);
  });

  it('counts only the time in view: a tab switched away from starts again when it comes back', async () => {
    const { marks } = open('when looked at');
    await pass(LOOK_MS - 1000);
    setVisibility('hidden');
    await pass(10 * LOOK_MS);
    expect(marks()).toBe(0);
    setVisibility('visible');
    await pass(LOOK_MS - 1);
    expect(marks()).toBe(0);
    await pass(1);
    expect(marks()).toBe(1);
  });

  it('not while it opens out of view (behind another tab), only once it has been in view for the look time', async () => {
    visibility = 'hidden';
    const { marks } = open('when looked at');
    await pass(3 * LOOK_MS);
    expect(marks()).toBe(0);
    setVisibility('visible');
    await pass(LOOK_MS);
    expect(marks()).toBe(1);
  });

  it('at once when the reader clicks, scrolls with the wheel, touches or presses a key on it', async () => {
    const touches = [
      () => window.dispatchEvent(new Event('pointerdown')),
      () => window.dispatchEvent(new Event('wheel')),
      () => window.dispatchEvent(new Event('touchstart')),
      () => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true })),
    ];
    for (const touch of touches) {
      const { view, marks } = open('when looked at');
      await pass(100);
      touch();
      await pass(0);
      expect(marks()).toBe(1);
      view.unmount();
    }
  });

  it('stops watching when the page goes', async () => {
    const { view, marks } = open('when looked at');
    await pass(100);
    view.unmount();
    await pass(2 * LOOK_MS);
    window.dispatchEvent(new Event('pointerdown'));
    expect(marks()).toBe(0);
  });

  it('the popup at once: it is opened to be read, and its flags come from that mark', async () => {
    const { view, marks, sent } = open('when opened');
    await pass(0);
    expect(marks()).toBe(1);
    expect(sent.filter((m) => m.type === 'lastSeen')).toHaveLength(0);
    expect(view.container.textContent).toBe('last seen 7');
  });
});
