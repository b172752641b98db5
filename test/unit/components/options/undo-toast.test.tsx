import { useState } from 'preact/hooks';
import { act, cleanup, fireEvent, render, screen } from '../../../helpers/dom-testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UndoToast, type Toast } from '../../../../components/options/undo-toast';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** A row that deletes itself, offering Undo, and a text field, as on the options page. */
function Page({ onUndo }: { onUndo: () => void }) {
  const [toast, setToast] = useState<Toast | null>(null);
  return (
    <>
      <button type="button" onClick={() => setToast({ key: 1, message: 'Deleted “hep-ph”.', onUndo })}>
        Delete hep-ph
      </button>
      <input aria-label="Add a subscription" />
      <UndoToast toast={toast} durationMs={8000} onClose={() => setToast(null)} />
    </>
  );
}

function renderPage() {
  const onUndo = vi.fn();
  render(<Page onUndo={onUndo} />);
  fireEvent.click(screen.getByRole('button', { name: 'Delete hep-ph' }));
  return onUndo;
}

describe('the options page’s Undo message', () => {
  it('stays while the focus or the pointer is on it (reached by Tab past every row), and goes its time after they leave', () => {
    vi.useFakeTimers();
    renderPage();
    const undo = screen.getByRole('button', { name: 'Undo' });
    fireEvent.focusIn(undo);
    act(() => void vi.advanceTimersByTime(60_000));
    expect(screen.queryByText('Deleted “hep-ph”.')).not.toBeNull();
    fireEvent.focusOut(undo, { relatedTarget: document.body });
    fireEvent.pointerEnter(undo.parentElement!);
    act(() => void vi.advanceTimersByTime(60_000));
    expect(screen.queryByText('Deleted “hep-ph”.')).not.toBeNull();
    fireEvent.pointerLeave(undo.parentElement!);
    act(() => void vi.advanceTimersByTime(7_999));
    expect(screen.queryByText('Deleted “hep-ph”.')).not.toBeNull();
    act(() => void vi.advanceTimersByTime(1));
    expect(screen.queryByText('Deleted “hep-ph”.')).toBeNull();
  });

  it('undoes with z from anywhere but a text field, once', () => {
    const onUndo = renderPage();
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Add a subscription' }), { key: 'z' });
    expect(onUndo).not.toHaveBeenCalled();
    fireEvent.keyDown(document.body, { key: 'z' });
    expect(onUndo).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('Deleted “hep-ph”.')).toBeNull();
    fireEvent.keyDown(document.body, { key: 'z' });
    expect(onUndo).toHaveBeenCalledTimes(1);
  });

  it('undoes with z only what the message on top says, when two were shown', () => {
    const first = vi.fn();
    const second = vi.fn();
    render(
      <>
        <UndoToast toast={{ key: 1, message: 'Deleted “hep-ph”.', onUndo: first }} durationMs={8000} onClose={() => undefined} />
        <UndoToast toast={{ key: 1, message: 'Removed 30 papers.', onUndo: second }} durationMs={8000} onClose={() => undefined} />
      </>,
    );
    fireEvent.keyDown(document.body, { key: 'z' });
    expect(second).toHaveBeenCalledTimes(1);
    expect(first).not.toHaveBeenCalled();
  });

  it('gives the focus back to where it came from when dismissed', () => {
    renderPage();
    const field = screen.getByRole('textbox', { name: 'Add a subscription' });
    const dismiss = screen.getByRole('button', { name: 'Dismiss' });
    fireEvent.focusIn(dismiss, { relatedTarget: field });
    dismiss.focus();
    fireEvent.click(dismiss);
    expect(screen.queryByText('Deleted “hep-ph”.')).toBeNull();
    expect(document.activeElement).toBe(field);
  });
});
