/**
 * Whether two values read from IndexedDB (or built from them) hold the same data: plain
 * objects, arrays, Maps and primitives, compared through. A record read again is a new object
 * even when nothing in it changed.
 */
export function samePlainValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((value, i) => samePlainValue(value, b[i]));
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Map) return b instanceof Map && a.size === b.size && [...a].every(([key, value]) => b.has(key) && samePlainValue(value, b.get(key)));
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && samePlainValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
