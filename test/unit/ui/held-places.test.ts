import { describe, expect, it } from 'vitest';
import { withHeld } from '../../../lib/ui/held-places';

const same = (id: string) => id;
const heldOf = (...ids: string[]) => (id: string) => ids.includes(id);

describe('withHeld: a list drawn again with the places of the items that left held', () => {
  it('puts a held item back after the nearest item before it that is still there, or first', () => {
    expect(withHeld(['a', 'b', 'c', 'd'], ['a', 'c', 'd'], heldOf('b'), same)).toEqual(['a', 'b', 'c', 'd']);
    expect(withHeld(['a', 'b', 'c'], ['b', 'c'], heldOf('a'), same)).toEqual(['a', 'b', 'c']);
    expect(withHeld(['a', 'b', 'c'], ['a', 'b'], heldOf('c'), same)).toEqual(['a', 'b', 'c']);
  });

  it('keeps held items that left together in their order, and leaves out those that left unheld', () => {
    expect(withHeld(['a', 'b', 'c', 'd', 'e'], ['a', 'e'], heldOf('b', 'd'), same)).toEqual(['a', 'b', 'd', 'e']);
    expect(withHeld(['a', 'b', 'c'], ['a'], heldOf(), same)).toEqual(['a']);
  });

  it('draws a held item that is back (Undo) once, where the list has it, and new items where the list puts them', () => {
    expect(withHeld(['a', 'b', 'c'], ['a', 'b', 'c'], heldOf('b'), same)).toEqual(['a', 'b', 'c']);
    expect(withHeld(['a', 'b', 'c'], ['x', 'a', 'c', 'y'], heldOf('b'), same)).toEqual(['x', 'a', 'b', 'c', 'y']);
  });

  it('works on items by their ids, not their identity (a list read again is new objects)', () => {
    const previous = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const items = [{ id: 'a' }, { id: 'c' }];
    const result = withHeld(previous, items, heldOf('b'), (item) => item.id);
    expect(result.map((item) => item.id)).toEqual(['a', 'b', 'c']);
    expect(result[0]).toBe(items[0]);
    expect(result[1]).toBe(previous[1]);
  });
});
