import { savedPaperIds } from '../db/library';
import { notInterestedIds } from '../db/ranking';

/**
 * What the reader said: the papers they saved, and those they marked "not interested" and have
 * not saved since (a save says otherwise; a mark made before saving took it back, or brought by
 * another browser's sync, would teach the paper both ways).
 */
export async function readerLabels(): Promise<{ liked: string[]; disliked: string[] }> {
  const [liked, marked] = await Promise.all([savedPaperIds(), notInterestedIds()]);
  const saved = new Set(liked);
  return { liked, disliked: marked.filter((id) => !saved.has(id)) };
}
