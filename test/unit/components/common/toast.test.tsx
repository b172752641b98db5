import { act, cleanup, fireEvent, render, screen, waitFor } from '../../../helpers/dom-testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider, useToast } from '../../../../components/common/toast';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** A page with a button that hides something, offering Undo, and a text field. */
function Page({ onUndo }: { onUndo: () => void }) {
  const toast = useToast();
  return (
    <>
      <button type="button" onClick={() => toast({ text: 'Paper hidden.', action: { label: 'Undo', run: onUndo } })}>
        Hide
      </button>
      <input aria-label="Search" />
    </>
  );
}

function renderPage() {
  const onUndo = vi.fn();
  render(
    <ToastProvider>
      <Page onUndo={onUndo} />
    </ToastProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Hide' }));
  return onUndo;
}

describe('the message at the bottom of the page', () => {
  it('stays while the focus or the pointer is on it, and goes ten seconds after they leave', () => {
    vi.useFakeTimers();
    renderPage();
    const undo = screen.getByRole('button', { name: 'Undo' });
    fireEvent.focusIn(undo);
    act(() => void vi.advanceTimersByTime(60_000));
    expect(screen.queryByText('Paper hidden.')).not.toBeNull();
    fireEvent.focusOut(undo, { relatedTarget: document.body });
    fireEvent.pointerEnter(undo.parentElement!);
    act(() => void vi.advanceTimersByTime(60_000));
    expect(screen.queryByText('Paper hidden.')).not.toBeNull();
    fireEvent.pointerLeave(undo.parentElement!);
    act(() => void vi.advanceTimersByTime(9_000));
    expect(screen.queryByText('Paper hidden.')).not.toBeNull();
    act(() => void vi.advanceTimersByTime(1_000));
    expect(screen.queryByText('Paper hidden.')).toBeNull();
  });

  it('scrolls what has the focus clear of it once the list has changed (a card moved up into the place of one hidden near the bottom), and nothing it does not cover', async () => {
    vi.useFakeTimers();
    const card = { left: 200, right: 1000 };
    const rects: Record<string, Partial<DOMRect>> = { Hide: { ...card, top: 700, bottom: 880 }, toast: { left: 420, right: 780, top: 836, bottom: 880 }, topbar: { top: 0, bottom: 100 } };
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      const name = this.classList.contains('toast') ? 'toast' : this.classList.contains('topbar') ? 'topbar' : (this.textContent ?? '');
      return (rects[name] ?? { top: 0, bottom: 0, left: 0, right: 0 }) as DOMRect;
    });
    const scrollBy = vi.spyOn(window, 'scrollBy').mockImplementation(() => undefined);
    render(
      <ToastProvider>
        <header class="topbar" />
        <main>
          <Page onUndo={() => undefined} />
          <ul />
        </main>
      </ToastProvider>,
    );
    const hide = screen.getByRole('button', { name: 'Hide' });
    const list = document.querySelector('ul')!;
    /** The list of the page changes (a hidden card goes), and what has the focus is then where `rect` says. */
    const listChanges = async (rect: Partial<DOMRect>) => {
      rects.Hide = rect;
      list.append(document.createElement('li'));
      await act(async () => void (await vi.advanceTimersByTimeAsync(0)));
    };
    hide.focus();
    fireEvent.click(hide);
    // Before the hidden card goes, the next one (which has the focus) is still under the message:
    // nothing is measured, also when something else of the list changes (a figure comes in).
    await act(async () => void (await vi.advanceTimersByTimeAsync(100)));
    await listChanges({ ...card, top: 700, bottom: 880 });
    expect(scrollBy).not.toHaveBeenCalled();
    // It moved up into the hidden one's place, clear of the message: nothing to scroll, then or later.
    await listChanges({ ...card, top: 300, bottom: 500 });
    await listChanges({ ...card, top: 700, bottom: 880 });
    await act(async () => void (await vi.advanceTimersByTimeAsync(60_000)));
    expect(scrollBy).not.toHaveBeenCalled();
    // Moved up, and still under it: scrolled by the overlap, as soon as it moved.
    rects.Hide = { ...card, top: 900, bottom: 1080 };
    fireEvent.click(hide);
    await listChanges({ ...card, top: 700, bottom: 880 });
    expect(scrollBy).toHaveBeenCalledWith({ top: 880 - 836 + 8 });
    // A message after which the list does not change: measured a moment later.
    scrollBy.mockClear();
    fireEvent.click(hide);
    await act(async () => void (await vi.advanceTimersByTimeAsync(1000)));
    expect(scrollBy).toHaveBeenCalledWith({ top: 880 - 836 + 8 });
    const notScrolledFor = async (rect: Partial<DOMRect>) => {
      scrollBy.mockClear();
      fireEvent.click(hide);
      await listChanges(rect);
      expect(scrollBy, JSON.stringify(rect)).not.toHaveBeenCalled();
    };
    await notScrolledFor({ ...card, top: 2000, bottom: 2180 }); // scrolled away from: far below the window
    await notScrolledFor({ left: 820, right: 1000, top: 700, bottom: 880 }); // beside it
    await notScrolledFor({ ...card, top: 120, bottom: 880 }); // its top would go under the bar
  });

  it('says an Undo that failed, not "Undone."', async () => {
    function Failing() {
      const toast = useToast();
      const undo = () => Promise.reject(new Error('the background did not answer')).catch((error: Error) => toast({ text: `Could not undo: ${error.message}` }));
      return (
        <button type="button" onClick={() => toast({ text: 'Paper hidden.', action: { label: 'Undo', run: undo } })}>
          Hide
        </button>
      );
    }
    render(
      <ToastProvider>
        <Failing />
      </ToastProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Hide' }));
    // Every text the status region held, as a screen reader would hear it.
    const heard: string[] = [];
    const region = screen.getByRole('status');
    const watch = new MutationObserver(() => heard.push(region.textContent ?? ''));
    watch.observe(region, { childList: true, subtree: true, characterData: true });
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('Could not undo: the background did not answer');
    await new Promise((resolve) => setTimeout(resolve, 0));
    watch.disconnect();
    expect(heard.filter((text) => text.includes('Undone.'))).toEqual([]);
    expect(screen.queryByText('Undone.')).toBeNull();
  });

  it('runs its Undo with z from anywhere but a text field, once', async () => {
    const onUndo = renderPage();
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Search' }), { key: 'z' });
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(onUndo).not.toHaveBeenCalled();
    fireEvent.keyDown(document.body, { key: 'z' });
    expect(onUndo).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('Paper hidden.')).toBeNull();
    // Said in the message's place (a polite status) once it has happened, with nothing left to undo.
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Undone.'));
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    fireEvent.keyDown(document.body, { key: 'z' });
    expect(onUndo).toHaveBeenCalledTimes(1);
  });
});
