/**
 * A list as drawn again after some of its items left: the ones that left and whose places are
 * `held` are put back where they were, after the nearest item before them that is still in the
 * list (first, when none is), in their old order. Items that left without a held place stay
 * out; items new to the list keep the places the list gives them.
 */
export function withHeld<T>(previous: readonly T[], items: readonly T[], held: (id: string) => boolean, idOf: (item: T) => string): T[] {
  const present = new Set(items.map(idOf));
  const after = new Map<string | null, T[]>();
  let anchor: string | null = null;
  for (const item of previous) {
    const id = idOf(item);
    if (present.has(id)) anchor = id;
    else if (held(id)) after.set(anchor, [...(after.get(anchor) ?? []), item]);
  }
  if (after.size === 0) return [...items];
  const result = [...(after.get(null) ?? [])];
  for (const item of items) result.push(item, ...(after.get(idOf(item)) ?? []));
  return result;
}
