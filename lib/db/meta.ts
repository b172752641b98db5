import { db } from './db';

/** Small values that belong with the data (not settings): when the user last looked, sync progress. */
export async function getMeta<T>(key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function setMeta<T>(key: string, value: T): Promise<void> {
  await db.meta.put({ key, value });
}

export async function deleteMeta(key: string): Promise<void> {
  await db.meta.delete(key);
}

/** Replaces a value with what `change` makes of it, read and written in one transaction. */
export async function updateMeta<T>(key: string, change: (value: T | undefined) => T): Promise<T> {
  return db.transaction('rw', db.meta, async () => {
    const next = change(await getMeta<T>(key));
    await setMeta(key, next);
    return next;
  });
}
