import { bare, CLAUSE_AFTER_COMMA, PREPOSITIONS, SUBORDINATORS } from './claim-words';
import { findMathSpans } from './math';

/**
 * How a unit of a sentence joins the one before it, which says whether a claim may end before
 * it or leave it out:
 * - `clause`: after a comma that opens a clause or a detachable phrase (", which", ", while",
 *   ", achieving", ", and reduces"), or a subordinator ("while", "whereas");
 * - `strong`: after a semicolon or a colon;
 * - `phrase`: before a preposition (" on GPUs", " compared to …"), the weakest place to end;
 * - `paren`: a parenthesis of its own (" (e.g., …)");
 * - `joined`: what follows a parenthesis in the same phrase; no claim ends before it.
 */
export type UnitKind = 'head' | 'clause' | 'strong' | 'phrase' | 'paren' | 'joined';

export interface Unit {
  kind: UnitKind;
  /** Where the separator before it begins (the end of the unit before). */
  from: number;
  /** Where its own text begins. */
  start: number;
  end: number;
}

// Verbs that, after ", and", start a second clause of the same subject ("…, and raises …").
const COORDINATED_VERB = /^(?:(?:achiev|reduc|improv|increas|decreas|deliver|rais|cut|lower|boost|enabl|confin|preserv|yield|attain|reach|provid|maintain|match|exceed|surpass|scal|support|eliminat|lift|speed|accelerat|show|demonstrat|offer|incur|consum|sav|requir|remain|keep|recover|detect|handl|run|use|sustain|doubl|tripl|halv|outperform)[a-z]*)$/;

/** The word that starts at `at`, up to the next space (a sentence is read once, word by word). */
function wordAt(text: string, at: number): string {
  const space = text.indexOf(' ', at);
  return text.slice(at, space < 0 ? text.length : space);
}

/** What kind of unit starts after the comma at `comma`, or null when the comma only lists things. */
function afterComma(text: string, comma: number): UnitKind | null {
  const word = bare(wordAt(text, comma + 2));
  if (CLAUSE_AFTER_COMMA.has(word)) return 'clause';
  // A participle: ", achieving …", ", driven by …".
  if (word.length >= 5 && /^[a-z]+(?:ing|ed)$/.test(word)) return 'clause';
  if (word === 'and' || word === 'but') {
    const next = bare(wordAt(text, comma + 3 + word.length));
    if (COORDINATED_VERB.test(next) || next === 'we' || next === 'it') return 'clause';
  }
  return null;
}

/** What kind of unit starts after the space at `space`, or null for a word within a phrase. */
function afterSpace(text: string, space: number): UnitKind | null {
  const word = bare(wordAt(text, space + 1));
  if (SUBORDINATORS.has(word)) return 'clause';
  return PREPOSITIONS.has(word) ? 'phrase' : null;
}

/**
 * "… by 7.6% | and competitors by 12.4%": right after a number, "and", "or" and "but" start a
 * second result, which a long claim can do without.
 */
function afterNumber(text: string, space: number): UnitKind | null {
  const word = bare(wordAt(text, space + 1));
  if (word !== 'and' && word !== 'or' && word !== 'but') return null;
  const before = text.lastIndexOf(' ', space - 1);
  return /\d/.test(text.slice(before + 1, space)) ? 'phrase' : null;
}

/**
 * A sentence cut into the units a claim is made of, in one pass: math and text inside brackets
 * are never cut; the separators between units stay in the text (`from` … `start`).
 */
export function unitsOf(text: string): Unit[] {
  const spans = findMathSpans(text);
  const units: Unit[] = [];
  let current: Unit = { kind: 'head', from: 0, start: 0, end: text.length };
  let depth = 0;
  let span = 0;
  const cut = (end: number, kind: UnitKind, start: number) => {
    // A unit with nothing in it (a cut right after another) gives its place to the next one.
    const empty = !/[^\s,;:]/.test(text.slice(current.start, end));
    if (!empty) units.push({ ...current, end });
    const from = units.length === 0 ? 0 : empty ? current.from : end;
    current = { kind: empty && current.kind === 'head' ? 'head' : kind, from, start, end: text.length };
  };
  for (let i = 0; i < text.length; i++) {
    while ((spans[span]?.end ?? Infinity) <= i) span++;
    const math = spans[span];
    if (math && math.start <= i) {
      i = math.end - 1;
      continue;
    }
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') {
      if (depth === 0 && c === '(' && text[i - 1] === ' ') cut(i - 1, 'paren', i);
      depth++;
    } else if (c === ')' || c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
      if (depth === 0 && current.kind === 'paren' && c === ')') cut(i + 1, 'joined', i + 1);
    } else if (depth > 0) {
      continue;
    } else if ((c === ';' || c === ':') && text[i + 1] === ' ') {
      cut(i, 'strong', i + 2);
    } else if (c === ',' && text[i + 1] === ' ') {
      const kind = afterComma(text, i);
      if (kind) cut(i, kind, i + 2);
    } else if (c === ' ') {
      const kind = afterSpace(text, i) ?? afterNumber(text, i);
      if (kind) cut(i, kind, i + 1);
    }
  }
  cut(text.length, 'joined', text.length);
  return units;
}

/** The text of `units` (some left out), with the separators that stood before each kept one. */
export function joinUnits(text: string, units: readonly Unit[]): string {
  return units.map((unit, index) => text.slice(index === 0 ? unit.start : unit.from, unit.end)).join('');
}
