import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { downloadText } from '../../lib/download';
import { sendMessage, type Input, type MessageType, type Output } from '../../lib/messaging';

export type Send = <K extends MessageType>(type: K, data: Input<K>) => Promise<Output<K>>;

/** The outside world of the options page, passed in so that tests can stand in for it. */
export interface OptionsServices {
  send: Send;
  now: () => number;
  download: (filename: string, text: string, type?: string) => void;
  estimateStorage: () => Promise<{ usage?: number; quota?: number } | undefined>;
  /** How long a deleted subscription can be brought back. */
  undoMs: number;
  /** A burst of clicks on Preview within this time makes one request. */
  previewDebounceMs: number;
}

export const defaultServices: OptionsServices = {
  send: sendMessage,
  now: () => Date.now(),
  download: downloadText,
  estimateStorage: async () => navigator.storage?.estimate?.(),
  undoMs: 8000,
  previewDebounceMs: 400,
};

export const ServicesContext = createContext<OptionsServices>(defaultServices);

export const useServices = (): OptionsServices => useContext(ServicesContext);
