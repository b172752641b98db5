import { browser } from 'wxt/browser';
import type { Input, MessageType, Output, Reply } from './protocol';

export type * from './protocol';

/** Sends a message to the background; rejects with the background's error message. */
export async function sendMessage<K extends MessageType>(type: K, data: Input<K>): Promise<Output<K>> {
  let reply: Reply<Output<K>> | undefined;
  try {
    reply = (await browser.runtime.sendMessage({ type, data })) as Reply<Output<K>> | undefined;
  } catch (error) {
    throw new Error(`Paper Radar’s background is not answering (${(error as Error).message}).`);
  }
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    throw new Error("Paper Radar’s background did not answer.");
  }
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
