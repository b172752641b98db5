import { describe, expect, it } from 'vitest';
import { hashOf, parseHash, type Route } from '../../../lib/ui/route';

describe('the new tab’s place in its address', () => {
  it('reads back every place it writes', () => {
    const routes: Route[] = [{ view: 'digest' }, { view: 'digest', filter: 'kw:graph neural/ä#1' }, { view: 'library' }, { view: 'library', changed: true }];
    for (const route of routes) expect(parseHash(hashOf(route))).toEqual(route);
    expect(hashOf({ view: 'library', changed: true })).toBe('#library/changed');
  });

  it('opens the whole Library for a Library address it does not know, and the whole digest for any other', () => {
    for (const hash of ['#library/changed/more', '#library/unread']) expect(parseHash(hash)).toEqual({ view: 'library' });
    for (const hash of ['', '#', '#sub=', '#libraryx', '#main']) expect(parseHash(hash)).toEqual({ view: 'digest' });
  });
});
