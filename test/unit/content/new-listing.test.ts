import { describe, expect, it } from 'vitest';
import { findPapers } from '../../../lib/content/find-papers';
import { detectPage } from '../../../lib/content/page-kind';
import { authorPage, newPage } from './listing-pages';

const NEW = new URL('https://arxiv.org/list/cs.CL/new');

describe('/list/<cat>/new, sections new, cross-lists and replacements', () => {
  const doc = newPage([
    [
      'New submissions (showing 2 of 2 entries)',
      [
        { id: '2608.12278', abstract: 'Builds on <a href="https://arxiv.org/abs/1706.03762">this https URL</a>.' },
        { id: '2608.12269' },
      ],
    ],
    ['Cross submissions (showing 1 of 1 entries)', [{ id: '2608.11111', type: 'cross' }]],
    [
      'Replacement submissions (showing 2 of 2 entries)',
      [
        { id: '2608.12278', type: 'rep' },
        { id: 'hep-th/9711200', type: 'rep' },
      ],
    ],
  ]);
  const slots = findPapers(doc, 'listing', NEW);

  it('is a listing page', () => {
    expect(detectPage(NEW)).toBe('listing');
  });

  it('has one slot per place a paper is listed, across all three sections', () => {
    expect(doc.querySelectorAll('dl').length).toBe(3);
    expect(slots.map((slot) => slot.id)).toEqual(['2608.12278', '2608.12269', '2608.11111', '2608.12278', 'hep-th/9711200']);
  });

  it('gives a paper listed twice two distinct places, one in each section', () => {
    const twice = slots.filter((slot) => slot.id === '2608.12278');
    expect(twice).toHaveLength(2);
    expect(twice[0]!.anchor).not.toBe(twice[1]!.anchor);
    const headings = twice.map((slot) => slot.anchor.parentElement?.querySelector('h3')?.textContent);
    expect(headings).toEqual(['New submissions (showing 2 of 2 entries)', 'Replacement submissions (showing 2 of 2 entries)']);
  });

  it('ignores a paper that is only mentioned in an abstract', () => {
    expect(slots.some((slot) => slot.id === '1706.03762')).toBe(false);
  });

  it('anchors every control in its entry line', () => {
    expect(slots.every((slot) => slot.anchor.tagName === 'DT' && slot.placement === 'append')).toBe(true);
  });

  it('yields nothing on a day without announcements', () => {
    const empty = newPage([['New submissions (showing 0 of 0 entries)', []]]);
    expect(findPapers(empty, 'listing', NEW)).toEqual([]);
  });
});

describe('author page /a/<id>', () => {
  const url = new URL('https://arxiv.org/a/doe_j_1.html');

  it('is an author page with one slot per listed paper', () => {
    const doc = authorPage([{ id: '2608.12278' }, { id: 'math/0309136' }, { id: '1207.7214' }]);
    expect(detectPage(url)).toBe('author');
    const slots = findPapers(doc, 'author', url);
    expect(slots.map((slot) => slot.id)).toEqual(['2608.12278', 'math/0309136', '1207.7214']);
    expect(slots.every((slot) => slot.anchor.tagName === 'DT')).toBe(true);
  });
});
