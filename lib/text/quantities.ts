// Measures that make a sentence a result: numbers with units, bounds, counts.

/**
 * A number with a unit that makes it a result: 32%, 9.65x, 2.23\times, 3-fold, 1000 times, and
 * the physicist's 5.9 standard deviations (5σ).
 */
export const QUANTITY =
  // Starts only where a number starts, so a long run of digits is read once, not once per digit.
  /(?<![\d.,])\d[\d.,]*\s*(?:\\?%|percent|per cent|percentage point|pp\b|[x\u00d7](?![a-z0-9])|\$?\s*\\times|-?fold\b|times\b|standard deviation|-?sigma\b|\u03c3)/g;

const ONE_QUANTITY = new RegExp(QUANTITY.source);

/** Whether a text, in any case, states a measured quantity. */
export const hasQuantity = (text: string): boolean => ONE_QUANTITY.test(text.toLowerCase());

const BOUND_SYMBOL = /(?:^|[^a-z\\])[o\u03b8\u03c9]\s*$|\\(?:omega|theta|tilde\{o\})\s*$/;

/**
 * How many asymptotic bounds, a theory paper's results, a sentence states: O(n log n),
 * $\Theta(\sqrt{n})$, Ω(1). Read backwards from each opening bracket, as few sentences have any.
 */
export function countBounds(lower: string): number {
  let count = 0;
  for (let bracket = lower.indexOf('('); bracket >= 0; bracket = lower.indexOf('(', bracket + 1)) {
    if (BOUND_SYMBOL.test(lower.slice(Math.max(0, bracket - 12), bracket))) count++;
  }
  return count;
}

/** "(i) …, (ii) …": the parts of a method listed. */
export const hasEnumeration = (lower: string): boolean => lower.includes('(i)') || lower.includes('(1)');

/** A number on its own: not a year (2024), not part of a name (h100, gpt-4, 3d). */
export const COUNTED_NUMBER = /(?<![a-z\d.-])(?!(?:1[89]|20)\d\d(?![\d.,]?\d|[a-z]))\d+(?:[.,]\d+)*(?![a-z\d])/;
/** Every such number, for counting them. */
export const COUNTED_NUMBERS = new RegExp(COUNTED_NUMBER.source, 'g');
