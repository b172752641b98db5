import { cleanup, fireEvent, render, screen, waitFor } from '../../../helpers/dom-testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { modelNote, useOnDeviceModel } from '../../../../components/options/on-device-model';
import type { ModelAvailability, SummarizerApi } from '../../../../lib/text/summarizer';

afterEach(cleanup);

function fakeSummarizer(initial: ModelAvailability) {
  let state = initial;
  const api: SummarizerApi = {
    availability: vi.fn(async () => state),
    create: vi.fn(async () => {
      state = 'available';
      return { summarize: async () => '', destroy: () => undefined };
    }),
  };
  return api;
}

function Probe({ api }: { api: SummarizerApi | undefined }) {
  const model = useOnDeviceModel(api);
  return (
    <div>
      <p data-testid="note">{modelNote(model)}</p>
      <button type="button" onClick={model.fetch}>
        Turn on
      </button>
    </div>
  );
}

describe('the on-device model note in the options', () => {
  it('says there is none when the browser has no Summarizer', async () => {
    render(<Probe api={undefined} />);
    await waitFor(() => expect(screen.getByTestId('note').textContent).toMatch(/no such model/));
  });

  it('downloads the model only when the user turns the setting on', async () => {
    const api = fakeSummarizer('downloadable');
    render(<Probe api={api} />);
    await waitFor(() => expect(screen.getByTestId('note').textContent).toMatch(/downloads the browser’s model once/));
    expect(api.create).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('Turn on'));
    await waitFor(() => expect(screen.getByTestId('note').textContent).toBe('This browser’s model is ready.'));
    expect(api.create).toHaveBeenCalledOnce();
  });

  it('never creates a session when the model is unavailable', async () => {
    const api = fakeSummarizer('unavailable');
    render(<Probe api={api} />);
    await waitFor(() => expect(screen.getByTestId('note').textContent).toMatch(/no such model/));
    fireEvent.click(screen.getByText('Turn on'));
    expect(api.create).not.toHaveBeenCalled();
  });
});
