import { db } from './db';
import type { PaperExtras } from './schema';

export type ExtrasChanges = Partial<Omit<PaperExtras, 'id'>>;

/** What is stored about these papers besides arXiv's metadata, by id; papers with nothing are absent. */
export async function getExtras(ids: readonly string[]): Promise<Map<string, PaperExtras>> {
  const rows = await db.extras.bulkGet([...ids]);
  return new Map(rows.flatMap((row) => (row ? [[row.id, row] as const] : [])));
}

/**
 * Adds to what is stored about a paper and keeps the rest: the background writes the figure,
 * the new tab writes machine headlines, and neither may erase the other's.
 */
export async function putExtras(id: string, changes: ExtrasChanges): Promise<void> {
  await db.transaction('rw', db.extras, async () => {
    const row = await db.extras.get(id);
    await db.extras.put({ ...row, ...changes, id });
  });
}
