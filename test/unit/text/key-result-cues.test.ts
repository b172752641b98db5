import { describe, expect, it } from 'vitest';
import {
  AIM,
  ANAPHORIC,
  BACKGROUND,
  COMPARISON,
  EVIDENCE,
  MAIN_RESULT,
  METHOD,
  OUTLOOK,
  SCALE,
  VERB,
} from '../../../lib/text/cue-lexicon';
import { scanCues } from '../../../lib/text/key-result-cues';
import { COUNTED_NUMBER, countBounds, QUANTITY } from '../../../lib/text/quantities';

const has = (sentence: string, cue: number) => (scanCues(sentence.toLowerCase()) & cue) !== 0;

describe('scanCues', () => {
  it('tells a result verb from an aim', () => {
    expect(has('Our method improves recall by 5%.', VERB)).toBe(true);
    expect(has('We set out to improve recall.', VERB)).toBe(false);
    expect(has('The speedup holds (up to 3x) on GPUs.', COMPARISON)).toBe(true);
  });

  it('finds reported evidence only where the subject and its verb share a clause', () => {
    expect(has('Experiments on five large datasets show that it works.', EVIDENCE)).toBe(true);
    expect(has('We further show that it works.', EVIDENCE)).toBe(true);
    expect(has('It is shown that the bound is tight.', EVIDENCE)).toBe(true);
    expect(has('In our experiments, the system shows high variance.', EVIDENCE)).toBe(false);
    expect(has('We build a show for the public.', EVIDENCE)).toBe(false);
  });

  it('marks background, aims, methods and outlook', () => {
    expect(has('However, existing systems are slow.', BACKGROUND)).toBe(true);
    expect(has('The question remains largely open.', BACKGROUND)).toBe(true);
    expect(has('Caching is a critical part of serving.', BACKGROUND)).toBe(true);
    expect(has('In this paper we study caching.', AIM)).toBe(true);
    expect(has('Here we investigate caching.', AIM)).toBe(true);
    expect(has('We propose a cache.', METHOD)).toBe(true);
    expect(has('We conclude with directions for future work.', OUTLOOK)).toBe(true);
    expect(has('The cache we propose is fast.', BACKGROUND | AIM | OUTLOOK)).toBe(false);
  });

  it('knows a stated main result from an announcement', () => {
    expect(has('Our main result is that the problem is decidable.', MAIN_RESULT)).toBe(true);
    expect(has('The key finding is a lower bound.', MAIN_RESULT)).toBe(true);
    expect(has('Our experiments reveal three key findings.', MAIN_RESULT)).toBe(false);
  });

  it('reads "and", "that" and "so" as leaning on the sentence before only at the start', () => {
    expect(has('And the cache is fast.', ANAPHORIC)).toBe(true);
    expect(has('We show that the cache is fast and small.', ANAPHORIC)).toBe(false);
  });

  it('finds results stated in words', () => {
    expect(has('It is faster by an order of magnitude.', SCALE)).toBe(true);
    expect(has('It is faster by a factor of two.', SCALE)).toBe(true);
  });
});

describe('quantities', () => {
  it('counts numbers with the units of a result', () => {
    const found = 'up to 32% faster, 9.65x and 2.23$\\times$ speedups, 1000 times less, 3-fold, 60\\% and 5 percent'.match(QUANTITY);
    expect(found).toHaveLength(7);
    expect('a significance of 5.9 standard deviations, or 5σ'.match(QUANTITY)).toHaveLength(2);
    expect('a 2x10 grid of 7b models on h100 gpus in 2024'.match(QUANTITY)).toBeNull();
  });

  it('counts asymptotic bounds, not words ending in o', () => {
    expect(countBounds('$o(n|m|)$ message and $\\omega(n)$ rounds, \\tilde{o}(n) and θ(n/\\log n)')).toBe(4);
    expect(countBounds('a demo (video) and two (2) photos (hdr)')).toBe(0);
  });

  it('counts a number on its own, but not a year or a name', () => {
    expect(COUNTED_NUMBER.test('on 50 datasets')).toBe(true);
    expect(COUNTED_NUMBER.test('since 2024, gpt-4 and h100 in 3d')).toBe(false);
  });
});
