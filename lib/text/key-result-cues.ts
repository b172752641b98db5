import { ANCHORS, type Anchor, NEAR, PHRASES, VERB } from './cue-lexicon';

// A page scores thousands of abstracts, so a sentence is read once, word by word, against the
// cue phrases, instead of by a dozen regular expressions that each scan all of it. Phrases are
// filed under the first letters of their last word: rare words ("result", "critical") end
// most of them, so common ones ("the", "is") are compared only when the rest already matched.

interface Word {
  text: string;
  /** A stem matches any word it begins ("improv": improves); a plain word must end with it. */
  stem: boolean;
}

interface Cue {
  words: Word[];
  /** The `wordKey` of each word: numbers to compare before any text is. */
  keys: number[];
  /** The bits it sets in the scan's result. */
  marks: number;
  atStart: boolean;
  /** The anchor this word is (it marks nothing itself), or -1. */
  anchors: number;
  /** The anchor that must stand at most `reach` words before, or -1. */
  needs: number;
  reach: number;
  /** A result verb right after "to" is an aim ("to improve"), not a result. */
  notAfterTo: boolean;
}

const ANCHOR_NAMES = Object.keys(ANCHORS) as Anchor[];
const anchorIndex = (anchor: Anchor): number => ANCHOR_NAMES.indexOf(anchor);
// Subjects are forgotten at a clause break: "in our experiments, we show" reports nothing of theirs.
const CLAUSE_BOUND_ANCHOR = anchorIndex('subject');

const isLetter = (code: number): boolean => code >= 97 && code <= 122;

/** The character code at `at`, 0 outside the text (reading past the end gives NaN, a float). */
const codeAt = (text: string, at: number): number => (at >= 0 && at < text.length ? text.charCodeAt(at) : 0);

const KEY_LETTERS = 4;

/**
 * The first four letters of the word at `at` as a number below 27⁴, 0 for each letter past the
 * word's end: a whole word of up to four letters is known by its key alone.
 */
function wordKey(text: string, at: number): number {
  let key = 0;
  let inWord = true;
  for (let offset = 0; offset < KEY_LETTERS; offset++) {
    const code = codeAt(text, at + offset);
    inWord = inWord && isLetter(code);
    key = key * 27 + (inWord ? code - 96 : 0);
  }
  return key;
}

// Shelves are found through a hash of the key into a small table; keys that share a slot are
// told apart when the cue's keys are compared.
const SLOT_BITS = 14;
const slotOf = (key: number): number => Math.imul(key, 0x9e3779b1) >>> (32 - SLOT_BITS);

// The last words read are kept in rings as long as the longest phrase (a power of two).
const RING = 8;

const BUCKETS: Cue[][] = [[]];
const BUCKET_OF = new Uint16Array(1 << SLOT_BITS);

function file(phrase: string, cue: Omit<Cue, 'words' | 'keys'>): void {
  const words = phrase.split(' ').map((word) => ({ text: word.replace(/\*$/, ''), stem: word.endsWith('*') }));
  if (words.length > RING) throw new Error(`cue phrase longer than ${RING} words: ${phrase}`);
  if (words.some((word) => word.stem && word.text.length < KEY_LETTERS)) throw new Error(`stem too short: ${phrase}`);
  const keys = words.map((word) => wordKey(word.text, 0));
  const slot = slotOf(keys[keys.length - 1] ?? 0);
  BUCKET_OF[slot] ||= BUCKETS.push([]) - 1;
  BUCKETS[BUCKET_OF[slot] ?? 0]?.push({ words, keys, ...cue });
}

const ALONE = { anchors: -1, needs: -1, reach: 0, notAfterTo: false };
let filed = false;

/**
 * Files the lexicon, on the first scan: the new tab loads this module before its first frame,
 * which it paints from its cache without a scan, and filing took some 7 ms of it (a Chromium
 * profile of the page's opening).
 */
function fileLexicon(): void {
  if (filed) return;
  for (const { marks, phrases, atStart = false } of PHRASES) {
    for (const phrase of phrases) file(phrase, { ...ALONE, marks, atStart, notAfterTo: marks === VERB });
  }
  for (const anchor of ANCHOR_NAMES) {
    for (const word of ANCHORS[anchor]) file(word, { ...ALONE, marks: 0, atStart: false, anchors: anchorIndex(anchor) });
  }
  for (const { marks, anchor, reach, words } of NEAR) {
    for (const word of words) file(word, { ...ALONE, marks, atStart: false, needs: anchorIndex(anchor), reach });
  }
  filed = true;
}

const starts = new Int32Array(RING);
const keys = new Int32Array(RING);

function cueEndsAt(lower: string, cue: Cue, last: number): boolean {
  const first = last - cue.words.length + 1;
  if (first < 0 || (cue.atStart && first !== 0)) return false;
  for (let offset = 0; offset < cue.words.length; offset++) {
    if (keys[(first + offset) & (RING - 1)] !== cue.keys[offset]) return false;
  }
  // Equal keys settle words of up to four letters; longer ones are compared in full.
  for (let offset = 0; offset < cue.words.length; offset++) {
    const word = cue.words[offset] as Word;
    if (word.text.length <= KEY_LETTERS && !word.stem) continue;
    const at = starts[(first + offset) & (RING - 1)] ?? 0;
    if (!lower.startsWith(word.text, at) || (!word.stem && isLetter(codeAt(lower, at + word.text.length)))) return false;
  }
  return true;
}

const TO_KEY = wordKey('to', 0);
const FAR = -RING;
const NO_CUES: Cue[] = [];
// Where each anchor was last seen, by word number; reset for each sentence.
const anchorAt = new Int32Array(ANCHOR_NAMES.length);

/** The end of a clause, after which a reporting verb no longer belongs to the subject before. */
const endsClause = (code: number): boolean => code === 44 /* , */ || code === 59 /* ; */ || code === 58; /* : */

/** What `cue`, just matched at word number `word`, adds to the scan's result. */
function marksOf(cue: Cue, word: number): number {
  if (cue.notAfterTo && word > 0 && keys[(word - 1) & (RING - 1)] === TO_KEY) return 0;
  if (cue.anchors >= 0) anchorAt[cue.anchors] = word;
  if (cue.needs >= 0 && word - (anchorAt[cue.needs] ?? FAR) > cue.reach) return 0;
  return cue.marks;
}

/**
 * The cues present in a lower-cased sentence, as a bit set of the constants in cue-lexicon.
 * Words are found by their spaces (abstracts come with whitespace collapsed), a native search
 * instead of a look at every character.
 */
export function scanCues(lower: string): number {
  fileLexicon();
  let found = 0;
  let word = -1;
  anchorAt.fill(FAR);
  for (let at = 0; at < lower.length; ) {
    // Past an opening bracket or quote: "(up to 3x)".
    if (!isLetter(codeAt(lower, at))) at++;
    if (!isLetter(codeAt(lower, at))) at++;
    if (isLetter(codeAt(lower, at))) {
      const key = wordKey(lower, at);
      word++;
      starts[word & (RING - 1)] = at;
      keys[word & (RING - 1)] = key;
      const bucket = BUCKET_OF[slotOf(key)] ?? 0;
      // Most words are in no bucket.
      const cues = bucket === 0 ? NO_CUES : (BUCKETS[bucket] ?? NO_CUES);
      for (let index = 0; index < cues.length; index++) {
        const cue = cues[index] as Cue;
        if (cueEndsAt(lower, cue, word)) found |= marksOf(cue, word);
      }
    }
    const space = lower.indexOf(' ', at);
    if (space < 0) break;
    if (endsClause(codeAt(lower, space - 1))) anchorAt[CLAUSE_BOUND_ANCHOR] = FAR;
    at = space + 1;
  }
  return found;
}

/** Whether a lower-cased text has a verb of a result that is not an aim ("to improve"). */
export function hasResultVerb(lower: string): boolean {
  return (scanCues(lower) & VERB) !== 0;
}
