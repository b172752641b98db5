import { storage } from 'wxt/utils/storage';
import type { RequestSpacingStore } from '../arxiv/request-gate';

const lastRequestAt = storage.defineItem<number>('local:arxiv.lastRequestAt', { fallback: 0 });
const heldUntil = storage.defineItem<number>('local:arxiv.heldUntil', { fallback: 0 });

/** The time of the last request to arXiv, and until when arXiv asked to wait, in extension storage so a restarted worker still waits. */
export const storageSpacingStore: RequestSpacingStore = {
  getLastRequestAt: () => lastRequestAt.getValue(),
  setLastRequestAt: (time) => lastRequestAt.setValue(time),
  getHeldUntil: () => heldUntil.getValue(),
  setHeldUntil: (time) => heldUntil.setValue(time),
};
