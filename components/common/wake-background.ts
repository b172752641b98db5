import { onUserDataWrite } from '../../lib/db/user-data-writes';
import type { SendMessage } from './services';

/**
 * The background syncs the library and the subscriptions to the reader's other browsers, but it
 * may be asleep when a page edits them (a tag, a note, a subscription): the page wakes it.
 */
export function wakeBackgroundOnUserEdits(send: SendMessage): void {
  // A worker that cannot be reached now merges at its next start anyway: nothing to tell the reader.
  onUserDataWrite(() => void send('userDataChanged', {}).catch(() => undefined));
}
