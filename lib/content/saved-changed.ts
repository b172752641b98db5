import { isBaseArxivId } from '../arxiv/ids';
import type { SavedChangedEvent } from '../messaging/protocol';

const SAVED_CHANGED: SavedChangedEvent['type'] = 'paperRadar:savedChanged';

/**
 * The ids of a `paperRadar:savedChanged` push from the background, or null for any other
 * message. Ids that are not base arXiv ids are dropped: they name nothing on the page.
 */
export function readSavedChanged(message: unknown): string[] | null {
  if (!message || typeof message !== 'object') return null;
  const { type, ids } = message as { type?: unknown; ids?: unknown };
  if (type !== SAVED_CHANGED || !Array.isArray(ids)) return null;
  return ids.filter((id): id is string => isBaseArxivId(id));
}
