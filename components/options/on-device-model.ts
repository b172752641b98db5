import { useCallback, useEffect, useState } from 'preact/hooks';
import { browserSummarizer, downloadModel, HEADLINE_OPTIONS, type SummarizerApi } from '../../lib/text/summarizer';

export type ModelState = 'checking' | 'none' | 'download' | 'downloading' | 'ready';

export interface OnDeviceModel {
  state: ModelState;
  /** Fraction downloaded while `downloading`. */
  progress: number;
  /** Starts the download; call it from the user's change of the setting (Chrome wants a gesture). */
  fetch(): void;
}

/** Chrome's on-device model through the Summarizer API; most browsers have none. */
export function useOnDeviceModel(api: SummarizerApi | undefined = browserSummarizer()): OnDeviceModel {
  const [state, setState] = useState<ModelState>('checking');
  const [progress, setProgress] = useState(0);
  useEffect(() => {
    if (!api) return setState('none');
    api.availability(HEADLINE_OPTIONS).then(
      (answer) => setState(answer === 'available' ? 'ready' : answer === 'unavailable' ? 'none' : answer === 'downloading' ? 'downloading' : 'download'),
      () => setState('none'),
    );
  }, [api]);
  const fetch = useCallback(() => {
    if (state !== 'download' && state !== 'downloading') return;
    setState('downloading');
    void downloadModel(api, setProgress).then((ready) => setState(ready ? 'ready' : 'download'));
  }, [api, state]);
  return { state, progress, fetch };
}

export function modelNote({ state, progress }: OnDeviceModel): string {
  switch (state) {
    case 'checking':
      return '';
    case 'none':
      return 'This browser has no such model, so cards show the key sentence of the abstract instead.';
    case 'download':
      return 'Turning this on downloads the browser’s model once; until then cards show the key sentence of the abstract.';
    case 'downloading':
      return `Downloading the browser’s model… ${Math.round(progress * 100)}%`;
    case 'ready':
      return 'This browser’s model is ready.';
  }
}
