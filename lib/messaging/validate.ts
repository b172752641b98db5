import * as v from 'valibot';
import { problemsOf } from '../schema/checks';
import { MESSAGE_SCHEMAS } from '../schema/messages';
import type { Input, MessageType } from './protocol';

export class MessageError extends Error {
  override name = 'MessageError';
}

// Every message of the protocol has a schema, and each schema reads what its message carries.
type Validators = { [K in MessageType]: v.GenericSchema<unknown, Input<K>> };
export const validators: Validators = MESSAGE_SCHEMAS;

/** The message's data as its type says, or a MessageError naming the first thing wrong with it. */
export function validateMessage<K extends MessageType>(type: K, data: unknown): Input<K> {
  const reading = v.safeParse(validators[type] as v.GenericSchema<unknown, Input<K>>, data);
  if (reading.success) return reading.output;
  const [first] = problemsOf(reading.issues);
  const where = first?.path ? `${first.path}: ` : '';
  throw new MessageError(`The message does not fit: ${where}${first?.message ?? 'unreadable'}.`);
}
