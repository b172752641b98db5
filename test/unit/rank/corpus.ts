import { XMLParser } from 'fast-xml-parser';
import { parseAtomFeed } from '../../../lib/arxiv/atom';
import type { ArxivEntry } from '../../../lib/arxiv/entry';
import pith from '../../fixtures/pith-cards-dev.json';
import dailyPapers from '../../fixtures/seeds/daily-papers-README.md?raw';
import rss from '../../fixtures/arxiv/rss/rss_cs.CL.xml?raw';

/**
 * Real papers from every fixture that has abstracts, as one feed of several fields, each with
 * the field it belongs to (its primary category). Read from the files as they are; nothing edited.
 */
const apiFiles = import.meta.glob('../../fixtures/arxiv/api/*.xml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface LabeledPaper {
  paper: ArxivEntry;
  /** The primary category ('cs.CL'), or the source's field where the source gives none. */
  field: string;
  source: 'api' | 'rss' | 'cards' | 'daily-papers';
}

function fromApi(): LabeledPaper[] {
  return Object.values(apiFiles).flatMap((xml) => {
    try {
      return parseAtomFeed(xml).entries.map((paper): LabeledPaper => ({ paper, field: paper.primaryCategory, source: 'api' }));
    } catch {
      return []; // the error feed
    }
  });
}

const entry = (id: string, title: string, summary: string, authors: string[], categories: string[]): ArxivEntry => ({
  id,
  version: 1,
  title,
  summary,
  authors: authors.map((name) => ({ name, affiliations: [] })),
  published: '2026-01-01T00:00:00Z',
  updated: '2026-01-01T00:00:00Z',
  primaryCategory: categories[0] ?? '',
  categories,
  absUrl: `https://arxiv.org/abs/${id}v1`,
  pdfUrl: `https://arxiv.org/pdf/${id}v1`,
});

/** The cs.CL RSS feed: new papers of cs.CL and papers cross-listed to it from other fields (their first category). */
function fromRss(): LabeledPaper[] {
  const items = new XMLParser({ isArray: (name) => name === 'item' || name === 'category' }).parse(rss).rss.channel.item as Record<string, unknown>[];
  return items.map((item) => {
    const id = String(item.link).split('/abs/')[1]!;
    const abstract = String(item.description).split('Abstract:')[1]?.trim() ?? '';
    const categories = (item.category as string[]).map(String);
    const authors = String(item['dc:creator'] ?? '').split(', ');
    return { paper: entry(id, String(item.title), abstract, authors, categories), field: categories[0]!, source: 'rss' };
  });
}

/** The machine-review cards: cs.DC papers, title and abstract. */
function fromCards(): LabeledPaper[] {
  return (pith as { cards: { title: string; abstract: string; category: string }[] }).cards.map((card, i) => ({
    paper: entry(`2605.9${String(i).padStart(4, '0')}`, card.title, card.abstract, [], []),
    field: card.category,
    source: 'cards',
  }));
}

/** The Daily Papers README: its three keyword sections list the same 20 papers (distributed and parallel computing). */
function fromDailyPapers(): LabeledPaper[] {
  const rows = [...dailyPapers.matchAll(/\| \*\*\[(.*?)\]\(https:\/\/arxiv\.org\/abs\/([^)v]+)v\d+\)\*\* \| \S+ \| <details><summary>Show<\/summary><p>(.*?)<\/p><\/details>/g)];
  const unique = new Map(rows.map(([, title, id, abstract]) => [id!, { title: title!, abstract: abstract! }]));
  return [...unique].map(([id, { title, abstract }]) => ({ paper: entry(id, title, abstract, [], []), field: 'cs.DC', source: 'daily-papers' }));
}

/** Every paper once (the first source that has it). */
export function fixtureFeed(): LabeledPaper[] {
  const seen = new Set<string>();
  return [...fromApi(), ...fromRss(), ...fromCards(), ...fromDailyPapers()].filter((p) => !seen.has(p.paper.id) && seen.add(p.paper.id));
}
