import { describe, expect, it } from 'vitest';
import { highlightParts } from '../../../lib/search/highlight';
import { queryPrefixes } from '../../../lib/search/search-index';
import { hasWordPrefix } from '../../../lib/search/word-prefix';
import { foldCase } from '../../../lib/search/words';

const hits = (text: string, query: string) => highlightParts(text, queryPrefixes(query)).filter((p) => p.hit).map((p) => p.text);

describe('highlightParts', () => {
  it('marks the words that start with a word of the query, whatever their case', () => {
    expect(hits('Attention Is All You Need: transformers attend', 'atten TRANSF')).toEqual(['Attention', 'transformers', 'attend']);
  });

  it('does not mark a query word found inside another word', () => {
    expect(hits('Retransformed attention', 'transf')).toEqual([]);
  });

  it('matches accents and letters as search folds them', () => {
    expect(hits('Oliver Weißl and Erwin Schrödinger, Łukasz', 'weissl schrodinger lukasz')).toEqual(['Weißl', 'Schrödinger', 'Łukasz']);
  });

  it('marks each part of a hyphenated word on its own', () => {
    expect(hits('self-supervised learning', 'supervised')).toEqual(['supervised']);
  });

  it('reads emoji and math letters as search does: part of the word they touch', () => {
    expect(hits('Rocket🚀science, then 🚀 launch and 𝑥ray', 'science')).toEqual([]);
    expect(hits('Rocket🚀science, then 🚀 launch and 𝑥ray', '🚀')).toEqual(['🚀']);
    expect(hits('Rocket🚀science, then 🚀 launch and 𝑥ray', '𝑥r')).toEqual(['𝑥ray']);
    // What is marked is what search matches.
    const folded = foldCase('Rocket🚀science, then 🚀 launch and 𝑥ray');
    expect(['science', '🚀', '𝑥r'].map((q) => hasWordPrefix(folded, queryPrefixes(q)[0]!))).toEqual([false, true, true]);
  });

  it('gives back the whole text, in order', () => {
    const text = 'We study quantum error correction; quantum codes <b>win</b>.';
    const parts = highlightParts(text, queryPrefixes('quantum win'));
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['quantum', 'quantum', 'win']);
  });

  it('leaves text alone when there is no query', () => {
    expect(highlightParts('Attention', [])).toEqual([{ text: 'Attention', hit: false }]);
    expect(highlightParts('', queryPrefixes('x'))).toEqual([{ text: '', hit: false }]);
  });
});
