/**
 * True when IndexedDB refused a write because the browser's storage for the extension is full.
 * Dexie passes the browser's `QuotaExceededError` on by name, sometimes wrapped (an aborted
 * transaction keeps the cause in `inner`).
 */
export function isQuotaError(error: unknown): boolean {
  let cause = error;
  for (let depth = 0; depth < 5 && cause && typeof cause === 'object'; depth++) {
    if ((cause as { name?: unknown }).name === 'QuotaExceededError') return true;
    cause = (cause as { inner?: unknown }).inner;
  }
  return false;
}
