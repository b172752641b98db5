import type { Input, MessageType, Output, Reply } from './protocol';
import { costOf, createTabBudget, refusal, type TabBudget } from './tab-budget';
import { MessageError, validateMessage, validators } from './validate';

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

export type Handlers = { [K in MessageType]: (data: Input<K>, sender: MessageSender) => Promise<Output<K>> };

/** What a content script on arxiv.org may ask; everything else is for the extension's own pages. */
const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set(['savePaper', 'unsavePaper', 'getSavedIds', 'getPaperContext']);

function isArxivPage(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' && (hostname === 'arxiv.org' || hostname === 'www.arxiv.org');
  } catch {
    return false;
  }
}

function checkSender(type: MessageType, sender: MessageSender, extensionId: string, extensionOrigin: string): void {
  if (sender.id !== extensionId) throw new MessageError('Messages from other extensions are not accepted.');
  if (sender.url?.startsWith(extensionOrigin)) return;
  if (sender.tab && isArxivPage(sender.url) && CONTENT_SCRIPT_MESSAGES.has(type)) return;
  throw new MessageError(`"${type}" is not accepted from this page.`);
}

/**
 * The background's single onMessage listener: checks the sender and the payload, runs the
 * handler, and wraps the result so errors reach the caller as rejections. What arXiv tabs ask
 * is held to a budget per tab (tab-budget.ts): a page that floods its content script with work
 * gets a plain refusal, and the extension's own pages stay answered.
 */
export function createMessageRouter(handlers: Handlers, extensionId: string, extensionOrigin: string, budget: TabBudget = createTabBudget()) {
  return async (message: unknown, sender: MessageSender): Promise<Reply<unknown>> => {
    try {
      if (!message || typeof message !== 'object') throw new MessageError('Empty message.');
      const { type, data } = message as { type?: unknown; data?: unknown };
      if (typeof type !== 'string' || !Object.hasOwn(validators, type)) throw new MessageError('Unknown message.');
      const messageType = type as MessageType;
      checkSender(messageType, sender, extensionId, extensionOrigin);
      const fromTab = !sender.url?.startsWith(extensionOrigin);
      if (fromTab && !budget.take(sender.tab?.id ?? -1, costOf(data))) throw new MessageError(refusal);
      const input = validateMessage(messageType, data);
      if (messageType === 'savePaper' && fromTab) {
        // Pages on arXiv name a paper; its metadata always comes from arXiv's API (what the page
        // shows of it, `shown`, is kept only until arXiv's answer replaces it).
        delete (input as Input<'savePaper'>).entry;
      }
      const handler = handlers[messageType] as (data: unknown, sender: MessageSender) => Promise<unknown>;
      return { ok: true, value: await handler(input, sender) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
