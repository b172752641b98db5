import { describe, expect, it } from 'vitest';
import { whyLine, type LikedPaper } from '../../../lib/rank/why';

// A hand-made vocabulary and model: each term's weight is what it adds to the paper's score.
const TERMS = ['artificial', 'intelligence', 'ai', 'graph neural', 'graph', 'au:vaswani a', 'cat:cs.lg', 'test suite', 'model', 'test', 'suite', 'art', 'gan', 'deep learning', 'testing deep', 'fuzzing', 'bug'];
const model = (weights: Record<string, number>) => ({ weights: Float32Array.from(TERMS.map((t) => weights[t] ?? 0)), bias: 0 });
/** A paper's vector: every term it has, at 1. */
const vector = (...terms: string[]) => {
  const idx = terms.map((t) => TERMS.indexOf(t)).sort((a, b) => a - b);
  return { idx: Uint32Array.from(idx), val: Float32Array.from(idx.map(() => 1)) };
};

describe('the why line of a For-you card', () => {
  it('names a saved paper the card is plainly like, before any word', () => {
    const title = 'Attention Is All You Need: transformers for translation and beyond';
    const liked: LikedPaper[] = [{ id: 'saved', title, vector: vector('ai', 'graph') }];
    const line = whyLine('new', vector('ai', 'graph'), model({ ai: 1, graph: 1 }), TERMS, liked, 'AI on graphs');
    // A long title is cut to 50 characters, the ellipsis one of them.
    expect(line).toBe(`Like “${title.slice(0, 49)}…”, which you saved`);
  });

  it('joins two words the paper writes side by side into its phrase, as it writes them', () => {
    const text = 'Artificial Intelligence in software testing: how AI is used';
    const line = whyLine('new', vector('artificial', 'intelligence', 'ai'), model({ artificial: 3, intelligence: 2, ai: 1 }), TERMS, [], text);
    expect(line).toBe('Close to your saves: Artificial Intelligence, AI');
  });

  it('keeps words apart that the paper does not write together as whole words', () => {
    const text = 'Intelligence of artificial agents';
    const line = whyLine('new', vector('artificial', 'intelligence'), model({ artificial: 2, intelligence: 1 }), TERMS, [], text);
    expect(line).toBe('Close to your saves: artificial, Intelligence');
    // "ai model" inside "Thai model", "model ai" inside "model aims": parts of other words.
    const parts = (text: string) => whyLine('new', vector('ai', 'model'), model({ ai: 2, model: 1 }), TERMS, [], text);
    expect(parts('AI and a Thai model; the model aims high')).toBe('Close to your saves: AI, model');
    // A plural is the same word: terms are singular.
    expect(whyLine('new', vector('test', 'suite'), model({ test: 2, suite: 1 }), TERMS, [], 'Smaller test suites')).toBe('Close to your saves: test suites');
  });

  it('leaves out a word already inside a chosen pair, and writes authors, categories and stems as a reader would', () => {
    const text = 'Graph neural networks for test suites, by A. Vaswani';
    const line = whyLine('new', vector('graph neural', 'graph', 'au:vaswani a', 'test suite'), model({ 'graph neural': 4, graph: 3, 'au:vaswani a': 2, 'test suite': 1 }), TERMS, [], text);
    expect(line).toBe('Close to your saves: Graph neural, A. Vaswani, test suites');
    expect(whyLine('new', vector('cat:cs.lg'), model({ 'cat:cs.lg': 1 }), TERMS, [], '')).toBe('Close to your saves: cs.LG');
    expect(whyLine('new', vector('ai'), model({ ai: -1 }), TERMS, [], 'AI')).toBe('Close to papers you saved');
  });

  it('leaves out a pair that shares a word with a chosen one, and short pieces of hyphenated words, not acronyms', () => {
    const text = 'Testing Deep Learning: state-of-the-art fuzzing of GAN models';
    const line = whyLine('new', vector('deep learning', 'testing deep', 'art', 'gan', 'fuzzing'), model({ 'deep learning': 5, 'testing deep': 4, art: 3, gan: 2, fuzzing: 1 }), TERMS, [], text);
    // Not "Deep Learning, Testing Deep, art": "Testing Deep" is half of one phrase, "art" a piece of "state-of-the-art".
    expect(line).toBe('Close to your saves: Deep Learning, GAN, fuzzing');
    // Whole words count, wherever they first appear as letters: "ai" of "trained", "art" of "started".
    const words = whyLine('new', vector('ai', 'art', 'bug'), model({ ai: 3, art: 2, bug: 1 }), TERMS, [], 'We trained an AI model and started a state-of-the-art hunt for bugs');
    expect(words).toBe('Close to your saves: AI, bugs');
  });
});
