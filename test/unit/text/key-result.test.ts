import { describe, expect, it } from 'vitest';
import { extractKeyResult } from '../../../lib/text/key-result';
import { apiEntries, pithCards, rssAbstracts } from './fixture-texts';

/** The numbers a reader would compare: "4,000-GPU" is 4000, "90.0%" is 90, "2.23\times" is 2.23. */
function numbersIn(text: string): Set<string> {
  return new Set([...text.matchAll(/\d+(?:[.,]\d+)*/g)].map((match) => String(Number(match[0].replace(/,(?=\d{3}\b)/g, '')))));
}

function abstractOf(fragment: string): string {
  const found = [...pithCards.map((card) => card.abstract), ...apiEntries.map((entry) => entry.summary)].find((text) =>
    text.includes(fragment),
  );
  if (!found) throw new Error(`no abstract contains ${fragment}`);
  return found;
}

const everyAbstract = [
  ...pithCards.map((card) => card.abstract),
  ...apiEntries.map((entry) => entry.summary),
  ...rssAbstracts,
];

describe('extractKeyResult against the review site\u2019s headlines', () => {
  it('keeps the numbers of the headline claim for at least 85% of the cards', () => {
    let eligible = 0;
    let kept = 0;
    for (const card of pithCards) {
      const inAbstract = numbersIn(card.abstract);
      const wanted = [...numbersIn(card.headline)].filter((number) => inAbstract.has(number));
      if (wanted.length === 0) continue;
      eligible++;
      const found = numbersIn(extractKeyResult(card.abstract) ?? '');
      if (wanted.every((number) => found.has(number))) kept++;
    }
    console.log(`key-result: ${kept}/${eligible} = ${((100 * kept) / eligible).toFixed(1)}%`);
    expect(eligible).toBeGreaterThanOrEqual(15);
    expect(kept / eligible).toBeGreaterThanOrEqual(0.85);
  });

  it('picks the measured result over the background and the method', () => {
    expect(extractKeyResult(abstractOf('heterogeneous implementation is up to 32'))).toBe(
      'The results show that for large matrices, our heterogeneous implementation is up to 32 percent faster for the CG method and up to 29 percent faster for the Cholesky decomposition compared to the corresponding GPU-only implementations.',
    );
    expect(extractKeyResult(abstractOf('The dominant sequence transduction models'))).toBe(
      'Our model achieves 28.4 BLEU on the WMT 2014 English-to-German translation task, improving over the existing best results, including ensembles by over 2 BLEU.',
    );
    expect(extractKeyResult(abstractOf('CStencil achieves speedups'))).toBe('CStencil achieves speedups of up to 342x over the adapted ConvStencil version.');
    expect(extractKeyResult(abstractOf('A search for the Standard Model Higgs boson'))).toMatch(/^This observation, which has a significance of 5\.9 standard deviations/);
  });

  it('prefers a stated main result when there are no numbers', () => {
    expect(extractKeyResult(abstractOf('Our main result is that $\\textsf{IO-PP}[<]$'))).toMatch(/^Our main result is that/);
  });

  it('shortens an over-long sentence to the clause that holds the result', () => {
    // "Experimental results with …, spanning …, show that ClusterLess reduces …" is 369 characters.
    expect(extractKeyResult(abstractOf('ClusterLess reduces workflow completion time'))).toBe(
      'ClusterLess reduces workflow completion time by up to 40 %, increases deadline satisfaction from below 50 % to over 90 %, and confines deadline violations to single digit seconds compared to four baseline methods.',
    );
    // The third item of "(i) …, (ii) …, and (iii) …" in a 480-character sentence.
    expect(extractKeyResult(abstractOf('we surface three claims'))).toBe(
      'The best-tuned configuration on one training framework can run up to 3$\\times$ slower than the best-tuned configuration on a peer framework on identical hardware.',
    );
  });

  it('returns null when the abstract states no finding', () => {
    expect(extractKeyResult(abstractOf('The 10th Asia-Europe workshop'))).toBeNull();
    expect(extractKeyResult(abstractOf('This paper studies the trade-offs among major structured-overlay families'))).toBeNull();
    expect(extractKeyResult(abstractOf('The consistency between electron-scattering and proton-scattering'))).toBeNull();
    expect(extractKeyResult('')).toBeNull();
    expect(extractKeyResult('However, existing methods remain slow. In this paper we study why.')).toBeNull();
  });
});

describe('extractKeyResult on every fixture abstract', () => {
  const results = everyAbstract.map((abstract) => ({ abstract, result: extractKeyResult(abstract) }));
  const shown = results.flatMap(({ abstract, result }) => (result === null ? [] : [{ abstract, result }]));

  it('finds a result in most abstracts, and not in all', () => {
    expect(everyAbstract.length).toBeGreaterThan(200);
    expect(shown.length / results.length).toBeGreaterThan(0.55);
    expect(shown.length).toBeLessThan(results.length);
  });

  it('returns a whole sentence or clause of the abstract, never a fragment or a long one', () => {
    for (const { abstract, result } of shown) {
      expect(result.length, result).toBeLessThanOrEqual(300);
      expect(result, 'starts a sentence').toMatch(/^[\p{Lu}\p{N}$\\("'\u201c[]/u);
      expect(result, 'ends a sentence').toMatch(/[.!?]["')\]\u201d]*$/);
      // Its words are the abstract's own (a clause may gain a capital and a full stop).
      expect(abstract.toLowerCase()).toContain(result.slice(1, -1).toLowerCase());
    }
  });

  it('never returns a sentence that only states the problem or the plan', () => {
    const problem = /^(?:However|Yet|Despite|Although|Existing|Prior|Previous|In this (?:paper|work|study)|This (?:paper|work|study)|To (?:address|tackle|solve|bridge))\b/;
    const plan = /^(?:We|Here,? we) (?:study|investigate|consider|examine|explore|propose|present|introduce)\b/;
    const measured = /\d\s*(?:%|\\%|x\b|×|\$?\\times|percent|times|-fold)/;
    for (const { result } of shown) {
      expect(result).not.toMatch(problem);
      // "We propose X, achieving over 90% retention" states a result too; a bare plan does not.
      if (plan.test(result)) expect(result).toMatch(measured);
    }
  });
});
