import { parseAtomFeed } from '../../../lib/arxiv/atom';
import type { ArxivEntry } from '../../../lib/arxiv/entry';
import pithCardsJson from '../../fixtures/pith-cards-dev.json?raw';

const feeds = import.meta.glob<string>('../../fixtures/arxiv/api/*.xml', { query: '?raw', import: 'default', eager: true });

/** Every real entry among the API fixtures (error feeds skipped). */
export const realEntries: ArxivEntry[] = Object.values(feeds).flatMap((xml) => {
  try {
    return parseAtomFeed(xml).entries;
  } catch {
    return [];
  }
});

const pithAbstracts = (JSON.parse(pithCardsJson) as { cards: { title: string; abstract: string }[] }).cards;

/** A small deterministic generator, so every run sees the same papers. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * `count` papers for timing checks, derived from the real fixtures: titles, authors and
 * sentences of real abstracts recombined, plus rare made-up words so the vocabulary grows as
 * a real store's does. Newest first, with ids in today's arXiv form.
 */
export function syntheticPapers(count: number, seed = 7): ArxivEntry[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const sentences = [...realEntries.map((e) => e.summary), ...pithAbstracts.map((c) => c.abstract)].flatMap((text) =>
    text.split(/(?<=\.)\s+/),
  );
  const titles = [...realEntries.map((e) => e.title), ...pithAbstracts.map((c) => c.title)];
  const authors = realEntries.flatMap((e) => e.authors);
  const rareWord = () => `q${Math.floor(next() ** 3 * 200_000).toString(36)}x`;
  const papers: ArxivEntry[] = [];
  for (let i = 0; i < count; i++) {
    const template = pick(realEntries);
    const summary = [...Array.from({ length: 6 }, () => pick(sentences)), rareWord(), rareWord(), rareWord()].join(' ');
    const published = new Date(Date.UTC(2026, 4, 20) - i * 40_000).toISOString().replace('.000', '');
    const id = `26${String(5 - Math.floor(i / 20000)).padStart(2, '0')}.${String(99999 - (i % 20000)).padStart(5, '0')}`;
    papers.push({
      ...template,
      id,
      version: 1,
      title: `${pick(titles)} ${rareWord()}`,
      summary,
      authors: Array.from({ length: 1 + Math.floor(next() * 6) }, () => pick(authors)),
      published,
      updated: published,
      absUrl: `https://arxiv.org/abs/${id}v1`,
      pdfUrl: `https://arxiv.org/pdf/${id}v1`,
    });
  }
  return papers;
}
