import { act, cleanup, fireEvent, render, screen } from '../../../helpers/dom-testing';
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

  it('scrolls what has the focus clear of it (a card moved up into the place of one hidden near the bottom)', () => {
    const rects: Record<string, Partial<DOMRect>> = { Hide: { top: 700, bottom: 880 }, toast: { top: 836, bottom: 880 } };
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      return (rects[this.classList.contains('toast') ? 'toast' : (this.textContent ?? '')] ?? { top: 0, bottom: 0 }) as DOMRect;
    });
    const scrollBy = vi.spyOn(window, 'scrollBy').mockImplementation(() => undefined);
    render(
      <ToastProvider>
        <Page onUndo={() => undefined} />
      </ToastProvider>,
    );
    screen.getByRole('button', { name: 'Hide' }).focus();
    fireEvent.click(screen.getByRole('button', { name: 'Hide' }));
    expect(scrollBy).toHaveBeenCalledWith({ top: 880 - 836 + 8 });
    // Clear of it already: no scroll.
    scrollBy.mockClear();
    rects.Hide = { top: 300, bottom: 500 };
    fireEvent.click(screen.getByRole('button', { name: 'Hide' }));
    expect(scrollBy).not.toHaveBeenCalled();
  });

  it('runs its Undo with z from anywhere but a text field, once', () => {
    const onUndo = renderPage();
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Search' }), { key: 'z' });
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(onUndo).not.toHaveBeenCalled();
    fireEvent.keyDown(document.body, { key: 'z' });
    expect(onUndo).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('Paper hidden.')).toBeNull();
    // Said in the message's place (a polite status), with nothing left to undo.
    expect(screen.getByRole('status').textContent).toBe('Undone.');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    fireEvent.keyDown(document.body, { key: 'z' });
    expect(onUndo).toHaveBeenCalledTimes(1);
  });
});
