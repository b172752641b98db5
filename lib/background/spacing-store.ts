import { storage } from 'wxt/utils/storage';
import type { RequestSpacingStore } from '../arxiv/request-gate';

const lastRequestAt = storage.defineItem<number>('local:arxiv.lastRequestAt', { fallback: 0 });

/** The time of the last request to arXiv, in extension storage so a restarted worker still waits. */
export const storageSpacingStore: RequestSpacingStore = {
  getLastRequestAt: () => lastRequestAt.getValue(),
  setLastRequestAt: (time) => lastRequestAt.setValue(time),
};
