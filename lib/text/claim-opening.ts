import { bare, CONNECTIVES, FORBIDDEN_OPENERS, first, RESULT_OBJECT_VERBS, SELF_NOUNS } from './claim-words';
import { findMathSpans } from './math';
import { hasQuantity } from './quantities';

// A claim is read without the sentence before it, so it starts with its own subject: what
// leans on the sentence before ("However,", "This", "It") or only frames the finding ("The
// results show that", "In experiments on five datasets,") is taken off the front.

// Connectives that are also adjectives or adverbs of the clause ("First results", "Further
// experiments", "Overall throughput") are taken off only when a comma marks them as connectives.
const ONLY_WITH_COMMA = new Set(['first', 'second', 'third', 'fourth', 'next', 'then', 'further', 'overall', 'together', 'still', 'yet', 'so', 'or', 'in total', 'in practice', 'collectively', 'ultimately']);
const CONNECTIVES_LONGEST_FIRST = [...CONNECTIVES].sort((a, b) => b.length - a.length);

// "<subject> shows that <finding>": the finding is the claim.
const REPORTING_FRAME = new RegExp(
  String.raw`\b(?:shows?|showed|shown|demonstrate[sd]?|indicate[sd]?|reveals?|revealed|confirm(?:s|ed)?|finds?|found|` +
    String.raw`suggest(?:s|ed)?|prove[sd]?|proven|observe[sd]?|establish(?:es|ed)?|verif(?:y|ies|ied)|highlight(?:s|ed)?|` +
    String.raw`(?:result|finding|conclusion|observation)s? (?:is|are|was|were)) that,? `,
  'i',
);
const FRAME_SUBJECT_MAX = 200;

// Openings of a phrase about the setting of a result ("Across five benchmarks,"), which a claim
// can do without; the second list qualifies the result itself and goes only from a long claim.
const SETTING = new Set(
  'in on across using with through via under over after during upon within among at by when based evaluated tested leveraging applying combining building thanks given from as since despite although while whereas unlike besides'.split(' '),
);
const QUALIFIER = new Set('for compared relative against beyond'.split(' '));
const SETTING_MAX = 150;
const LONG_CLAIM = 120;
// "On CPUs, GPUs, and FPGAs, …": a comma followed by a short item and another comma.
const LIST_ITEM = /^[^\s,]+(?: [^\s,]+){0,2},/;

// "(i) Localization succeeds": the mark of an item in a list.
const ITEM_MARK = /^\((?:[ivx]{1,4}|\d|[a-e])\)\s+/;

const capitalize = (text: string): string => (/^[a-z][a-z-]*\b/.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text);

function withoutConnective(text: string): string {
  const lower = text.toLowerCase();
  for (const connective of CONNECTIVES_LONGEST_FIRST) {
    if (!lower.startsWith(connective)) continue;
    const after = text.charAt(connective.length);
    if (after === ',') return text.slice(connective.length + 1).trimStart();
    if (after === ' ' && !ONLY_WITH_COMMA.has(connective)) return text.slice(connective.length + 1);
  }
  return text;
}

function withoutFrame(text: string): string {
  const frame = REPORTING_FRAME.exec(text);
  if (!frame || frame.index > FRAME_SUBJECT_MAX) return text;
  const subject = text.slice(0, frame.index);
  if (/[;:]/.test(subject) || hasQuantity(subject)) return text;
  const rest = text.slice(frame.index + frame[0].length);
  return rest.length >= 20 ? rest : text;
}

/** The first comma outside math and brackets, within `limit` characters; -1 when none. */
function firstTopLevelComma(text: string, from: number, limit: number): number {
  const spans = findMathSpans(text.slice(0, limit));
  let depth = 0;
  let span = 0;
  for (let i = from; i < Math.min(text.length, limit); i++) {
    while ((spans[span]?.end ?? Infinity) <= i) span++;
    if ((spans[span]?.start ?? Infinity) <= i) continue;
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0 && text[i + 1] === ' ') return i; // not "4,023"
  }
  return -1;
}

/** The clause after a leading phrase about the setting ("Across five benchmarks, X …" → "X …"). */
function withoutSetting(text: string): string {
  const word = bare(first(text));
  // Or a participle: "Trained on …, the model …".
  const setting = SETTING.has(word) || /^[a-z]{3,}ed$/.test(word);
  if (!setting && !(QUALIFIER.has(word) && text.length > LONG_CLAIM)) return text;
  let comma = firstTopLevelComma(text, 0, SETTING_MAX);
  // A list inside the phrase ("On CPUs, GPUs, and FPGAs,"): its last comma ends the phrase.
  for (let items = 0; comma > 0 && items < 6 && LIST_ITEM.test(text.slice(comma + 2)); items++) {
    comma = firstTopLevelComma(text, comma + 1, SETTING_MAX);
  }
  if (comma < 0) return text;
  const phrase = text.slice(0, comma);
  const rest = text.slice(comma + 1).trimStart();
  if (hasQuantity(phrase) || rest.length < 30) return text;
  return rest;
}

/**
 * A pronoun subject made into one a reader understands without the sentence before: "Our
 * method" and "It" become the system's name when the abstract gave one; "We achieve a 2.3x
 * speedup" becomes "A 2.3x speedup"; "This strategy" becomes "The strategy". With `verbFirst`
 * (the last resort for a measured result), "It reduces …" becomes "Reduces …". Null when the
 * claim cannot stand on its own.
 */
function withOwnSubject(text: string, name: string | null, verbFirst: boolean): string | null {
  const words = text.split(' ');
  const [w0 = '', w1 = '', w2 = ''] = words.map(bare);
  const rest = (from: number) => words.slice(from).join(' ');
  if (['our', 'this', 'these', 'its', 'their'].includes(w0) && !RESULT_OBJECT_VERBS.has(w1) && !['is', 'are', 'was', 'were'].includes(w1)) {
    if (name && SELF_NOUNS.has(w1) && !w1.endsWith('s') && w0 !== 'these') return `${name} ${rest(2)}`;
    return `The ${rest(1)}`;
  }
  if (w0 === 'it' || w0 === 'this') {
    if (name) return `${name} ${rest(1)}`;
    if (RESULT_OBJECT_VERBS.has(w1)) return rest(2);
  } else if (w0 === 'we') {
    if (RESULT_OBJECT_VERBS.has(w1) && w2 !== 'that') return rest(2);
    // "We reduced latency by 60%": in the past tense the verb alone reads as a report.
    if (/^[a-z]+ed$/.test(w1)) return rest(1);
  } else if (!FORBIDDEN_OPENERS.has(w0)) {
    return text;
  }
  // The last resort for a measured result: the verb without its pronoun ("Reduces tail latency by 41%").
  return verbFirst && ['it', 'this', 'we', 'they'].includes(w0) && /^[a-z]+(?:s|ed)$/.test(w1) ? rest(1) : null;
}

/**
 * The sentence with its own subject in front: connectives, reporting frames and setting phrases
 * taken off, pronoun subjects replaced. Null when no such opening can be made.
 */
export function openClaim(sentence: string, name: string | null, verbFirst = false): string | null {
  let text = sentence.trim().replace(ITEM_MARK, '');
  for (let round = 0; round < 6; round++) {
    const next = withoutSetting(withoutFrame(withoutConnective(text)));
    if (next === text) break;
    text = next;
  }
  const own = withOwnSubject(text, name, verbFirst);
  return own === null ? null : capitalize(own);
}
