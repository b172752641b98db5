import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../lib/text/sentences';
import { apiEntries, pithCards } from './fixture-texts';

describe('splitSentences', () => {
  it('splits at the end of each sentence', () => {
    expect(splitSentences('We propose X. It works! Does it scale? Yes.')).toEqual(['We propose X.', 'It works!', 'Does it scale?', 'Yes.']);
  });

  it('does not split after abbreviations, initials or inside numbers', () => {
    const text =
      'Baselines (e.g. Smith et al. 2020, cf. Fig. 3 and Eq. 2) run 9.65x slower vs. ours, i.e. 2.5 s. The editors are Yanling Chen and A. J. Han Vinck. Samples are i.i.d. Gaussian.';
    expect(splitSentences(text)).toEqual([
      'Baselines (e.g. Smith et al. 2020, cf. Fig. 3 and Eq. 2) run 9.65x slower vs. ours, i.e. 2.5 s.',
      'The editors are Yanling Chen and A. J. Han Vinck.',
      'Samples are i.i.d. Gaussian.',
    ]);
  });

  it('splits after a lone capital that ends a sentence', () => {
    expect(splitSentences('The graph has size N. We show it is small.')).toEqual(['The graph has size N.', 'We show it is small.']);
  });

  it('never splits inside math', () => {
    expect(splitSentences('The bound is $p < .05. Then$ holds. Next, $x$. Done.')).toEqual([
      'The bound is $p < .05. Then$ holds.',
      'Next, $x$.',
      'Done.',
    ]);
  });

  it('keeps closing quotes and brackets with their sentence', () => {
    expect(splitSentences('They call it "fire-and-forget." (See the appendix.) It helps.')).toEqual([
      'They call it "fire-and-forget."',
      '(See the appendix.)',
      'It helps.',
    ]);
  });

  it('loses no text of a real abstract', () => {
    const abstracts = [...pithCards.map((card) => card.abstract), ...apiEntries.map((entry) => entry.summary)];
    for (const abstract of abstracts) {
      expect(splitSentences(abstract).join(' ').replace(/\s+/g, ' ')).toBe(abstract.replace(/\s+/g, ' ').trim());
    }
    // "GCC~15 outperforms LLVM~21 in four out of six applications." is one sentence of its own.
    const compilers = pithCards.find((card) => card.abstract.includes('GCC~15 outperforms'))?.abstract ?? '';
    expect(splitSentences(compilers)).toContain('GCC~15 outperforms LLVM~21 in four out of six applications.');
  });
});
