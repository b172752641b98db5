import { splitSentences } from '../../../lib/text/sentences';
import { type PithCard, pithCards, rssAbstracts } from './fixture-texts';

/**
 * The cards and abstracts the key result was developed on, and those kept aside and not tuned
 * on: every fourth review card from the second (10 of 40) and every second RSS abstract from
 * the second. The API fixtures' abstracts are all development texts.
 */
export const isHeldOut = (index: number, every: number) => index % every === 1;
export const devCards = pithCards.filter((_, index) => !isHeldOut(index, 4));
export const heldOutCards = pithCards.filter((_, index) => isHeldOut(index, 4));
export const devRss = rssAbstracts.filter((_, index) => !isHeldOut(index, 2));
export const heldOutRss = rssAbstracts.filter((_, index) => isHeldOut(index, 2));

/** The numbers a reader would compare: "4,000-GPU" is 4000, "90.0%" is 90, "2.23\times" is 2.23. */
export function numbersIn(text: string): Set<string> {
  return new Set([...text.matchAll(/\d+(?:[.,]\d+)*/g)].map((match) => String(Number(match[0].replace(/,(?=\d{3}\b)/g, '')))));
}

/** A measured result as the issue counts one: a number with a unit of change or comparison. */
export const MEASURED = /\d\s*(?:%|\\%|x\b|×|\$?\\times|percent|times|-fold)/;

/** The simplest baseline: the abstract's last sentence with a number in it. */
export function lastSentenceWithNumber(abstract: string): string | null {
  return splitSentences(abstract).filter((sentence) => /\d/.test(sentence)).pop() ?? null;
}

export interface Shares {
  /** Cards whose headline has numbers that the abstract has too. */
  eligible: number;
  /** Of those, cards whose claim keeps all of them. */
  kept: number;
  /** Cards whose abstract states a measured result, and of those, cards with a claim. */
  measured: number;
  claimed: number;
  medianLength: number;
}

export function sharesOf(cards: readonly PithCard[], claimOf: (abstract: string) => string | null): Shares {
  const shares = { eligible: 0, kept: 0, measured: 0, claimed: 0, medianLength: 0 };
  const lengths: number[] = [];
  for (const card of cards) {
    const claim = claimOf(card.abstract);
    if (claim !== null) lengths.push(claim.length);
    if (MEASURED.test(card.abstract)) {
      shares.measured++;
      if (claim !== null) shares.claimed++;
    }
    const inAbstract = numbersIn(card.abstract);
    const wanted = [...numbersIn(card.headline)].filter((number) => inAbstract.has(number));
    if (wanted.length === 0) continue;
    shares.eligible++;
    const found = numbersIn(claim ?? '');
    if (wanted.every((number) => found.has(number))) shares.kept++;
  }
  lengths.sort((a, b) => a - b);
  shares.medianLength = lengths[Math.floor(lengths.length / 2)] ?? 0;
  return shares;
}

export const describeShares = (name: string, s: Shares) =>
  `${name}: headline numbers kept ${s.kept}/${s.eligible} (${((100 * s.kept) / s.eligible).toFixed(0)}%), ` +
  `claim where a result is measured ${s.claimed}/${s.measured}, median length ${s.medianLength}`;
