import { describe, expect, it } from 'vitest';
import { hashOf, parseHash, type Route } from '../../../lib/ui/route';

describe('the new tab’s place in its address', () => {
  it('reads back every place it writes', () => {
    const routes: Route[] = [
      { view: 'digest' },
      { view: 'digest', filter: 'kw:graph neural/ä#1' },
      { view: 'library' },
      { view: 'library', changed: true },
      { view: 'library', tag: 'to read/later #1 100%' },
      { view: 'library', changed: true, tag: 'ä' },
    ];
    for (const route of routes) expect(parseHash(hashOf(route))).toEqual(route);
    expect(hashOf({ view: 'library', changed: true })).toBe('#library/changed');
    expect(hashOf({ view: 'library', changed: true, tag: 'to read' })).toBe('#library/changed/tag=to%20read');
  });

  it('opens the whole Library for a Library address it does not know, and the whole digest for any other', () => {
    for (const hash of ['#library/changed/more', '#library/unread', '#library/tag=', '#library/tag=%', '#library/tag=a/changed', '#library/tag=a/tag=b']) expect(parseHash(hash)).toEqual({ view: 'library' });
    for (const hash of ['', '#', '#sub=', '#sub=%E0%A4%A', '#libraryx', '#main']) expect(parseHash(hash)).toEqual({ view: 'digest' });
  });
});
