import { describe, expect, it } from 'vitest';
import { isWithdrawn } from '../../../lib/watch/withdrawn';
import { apiEntries } from '../text/fixture-texts';
import searchPage from '../../fixtures/arxiv/html/search_all_attention.html?raw';

/** The comments arXiv's search page shows, as text (tags dropped, spaces collapsed). */
const searchComments = [...searchPage.matchAll(/<p class="comments[^"]*">([\s\S]*?)<\/p>/g)].map((match) =>
  (match[1] ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^\s*Comments:\s*/, '')
    .trim(),
);
const plain = { summary: 'We study transformers.' };

describe('isWithdrawn', () => {
  it('reads the withdrawals on arXiv’s own search page, by the authors and by arXiv', () => {
    const withdrawn = searchComments.filter((comment) => isWithdrawn({ ...plain, comment }));
    expect(withdrawn).toEqual([
      expect.stringMatching(/^This paper has been withdrawn because it was submitted prematurely/),
      expect.stringMatching(/^arXiv admin note: This paper has been withdrawn by arXiv due to unverifiable authorship/),
    ]);
    // The page's other comments are ordinary ones (pages, figures, venues).
    expect(searchComments.length).toBeGreaterThan(20);
  });

  it('reads no real API entry of the fixtures as withdrawn', () => {
    expect(apiEntries.length).toBeGreaterThan(60);
    expect(apiEntries.filter((entry) => isWithdrawn(entry)).map((e) => e.id)).toEqual([]);
  });

  it('reads the usual wordings of a withdrawal comment, and an abstract replaced by the notice', () => {
    for (const comment of [
      'Withdrawn due to an error in the proof of Lemma 3',
      'withdrawn by the authors',
      'The authors have withdrawn this paper due to a crucial error in equation 4.',
      'This submission has been withdrawn by arXiv administrators because it is a duplicate.',
      '12 pages; this version is withdrawn: superseded by arXiv:2401.00001',
    ]) {
      expect(isWithdrawn({ ...plain, comment }), comment).toBe(true);
    }
    expect(isWithdrawn({ summary: 'This paper has been withdrawn by the author due to a crucial sign error in equation 1.' })).toBe(true);
  });

  it('does not read a withdrawal of another paper, or the word in an abstract, as this paper’s', () => {
    for (const comment of ['Supersedes arXiv:1234.5678, which was withdrawn', '10 pages; the claim of [3] was withdrawn', 'Replaces a withdrawn preprint']) {
      expect(isWithdrawn({ ...plain, comment }), comment).toBe(false);
    }
    expect(isWithdrawn({ summary: 'Patients withdrawn from treatment early were excluded from the analysis.' })).toBe(false);
  });
});
