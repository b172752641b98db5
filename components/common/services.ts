import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Input, MessageType, Output } from '../../lib/messaging/protocol';
import type { SearchClient } from '../../lib/search/search-client';
import type { KeyResult } from '../../lib/text/key-result';
import type { CardExtras } from '../paper-card/card-extras';

export type SendMessage = <K extends MessageType>(type: K, data: Input<K>) => Promise<Output<K>>;

/** Where a link opens: this tab, a new tab in front, or a new tab behind this one. */
export type OpenTarget = 'here' | 'new-tab' | 'background-tab';

/**
 * The outside world of the pages, passed in so tests control it: messages to the background,
 * the clock, the clipboard, tabs, and the slow parts loaded on demand.
 */
export interface Services {
  send: SendMessage;
  now: () => number;
  copyText: (text: string) => Promise<void>;
  open: (url: string, target: OpenTarget) => void;
  openOptions: () => void;
  /** The digest page, optionally filtered to one subscription. */
  openDigest: (subscriptionId?: string) => void;
  /** The Library, in a new tab. */
  openLibrary: () => void;
  /** The Library, at the saved papers changed since saved (what the saved-changes notification opens). */
  openChangedSaves: () => void;
  /** The claim of an abstract's main finding and the sentence it came from; null when it states none. */
  keyResult: (abstract: string) => KeyResult | null;
  /** Search over every stored paper, created when first needed. */
  search: () => SearchClient;
  /** Figures and machine headlines for cards; absent where cards show neither (the popup). */
  cardExtras?: CardExtras;
  /** Small values kept between page loads (the first screen, the theme). */
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesContext is missing: wrap the page in <ServicesContext.Provider>.');
  return services;
}
