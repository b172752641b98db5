import { parseAtomFeed } from '../../../lib/arxiv/atom';
import pithCardsJson from '../../fixtures/pith-cards-dev.json?raw';

export interface PithCard {
  title: string;
  headline: string;
  summary: string;
  abstract: string;
}

export const pithCards: PithCard[] = (JSON.parse(pithCardsJson) as { cards: PithCard[] }).cards;

// Every Atom feed among the fixtures; error feeds are skipped (they have no entries to read).
const feeds = import.meta.glob<string>('../../fixtures/arxiv/api/*.xml', { query: '?raw', import: 'default', eager: true });

export const apiEntries = Object.entries(feeds).flatMap(([path, xml]) => {
  try {
    return parseAtomFeed(xml).entries.map((entry) => ({ ...entry, file: path.split('/').pop() ?? path }));
  } catch {
    return [];
  }
});

const rss = import.meta.glob<string>('../../fixtures/arxiv/rss/rss_cs.CL.xml', { query: '?raw', import: 'default', eager: true });

const XML_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

/** Abstracts from the arXiv RSS fixture (its `<description>` is "arXiv:… Announce Type: … Abstract: …"). */
export const rssAbstracts: string[] = Object.values(rss).flatMap((xml) =>
  [...xml.matchAll(/<item>[\s\S]*?<description>([\s\S]*?)<\/description>/g)].map((match) =>
    (match[1] ?? '')
      .replace(/&(?:lt|gt|amp|quot|apos);/g, (entity) => XML_ENTITIES[entity] ?? entity)
      .replace(/^[\s\S]*?Abstract:\s*/, '')
      .replace(/\s+/g, ' ')
      .trim(),
  ),
);
