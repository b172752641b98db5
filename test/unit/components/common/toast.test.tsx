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
