import { useEffect, useState } from 'preact/hooks';

export type ModelState = 'checking' | 'none' | 'download' | 'ready';

interface SummarizerApi {
  availability(): Promise<'unavailable' | 'downloadable' | 'downloading' | 'available'>;
}

/** Chrome's on-device model through the Summarizer API; most browsers have none. */
export function useOnDeviceModel(): ModelState {
  const [state, setState] = useState<ModelState>('checking');
  useEffect(() => {
    const api = (globalThis as { Summarizer?: SummarizerApi }).Summarizer;
    if (!api) return setState('none');
    api.availability().then(
      (answer) => setState(answer === 'available' ? 'ready' : answer === 'unavailable' ? 'none' : 'download'),
      () => setState('none'),
    );
  }, []);
  return state;
}

export const MODEL_NOTES: Record<ModelState, string> = {
  checking: '',
  none: 'This browser has no such model, so cards show the key sentence of the abstract instead.',
  download: 'This browser downloads its model the first time it is used.',
  ready: 'This browser’s model is ready.',
};
