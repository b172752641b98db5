import { hasResultVerb } from './key-result-cues';

const MAX_LENGTH = 300;
const MIN_LENGTH = 30;

/** How a sentence of an abstract may start: a capital, a digit, math, a TeX command, a mark. */
export const SENTENCE_START = /^[\p{Lu}\p{N}$\\("'\u201c\u2018[~<>\u00b1\u2248-]/u;

// Places where a long sentence splits into parts that each stand alone: semicolons, and the
// items of an enumeration "(i) …, (ii) …, and (iii) …".
const CLAUSE_BREAK = /;\s+|:\s+(?=\(?(?:i|1|a)\)\s)|,?\s*(?:and |or )?\((?:i{1,3}|iv|v|vi{0,3}|\d|[a-e])\)\s+/g;
// "Results show that X": X is the finding, a whole clause on its own.
const REPORTED_CLAUSE = new RegExp(
  String.raw`\b(?:show|shows|showed|shown|demonstrate[sd]?|indicate[sd]?|reveals?|revealed|confirm(?:s|ed)?` +
    String.raw`|find|finds|found|suggest(?:s|ed)?|prove[sd]?|observe[sd]?)\s+that\s+`,
  'i',
);
const LEADING_LINK = /^(?:and |or |but )?(?:that |whereas |while )?/i;
const TRAILING_LINK = /\s*(?:[,;:]\s*)?(?:and|or)?\s*[,;:]?$/i;
// A clause that starts like this leans on the sentence it came from.
const DEPENDENT_START = /^(?:which|who|whose|where|with|without|including|such as|e\.g\.|i\.e\.|as|than|to)\b/i;
const FINITE_VERB =
  /\b(?:is|are|was|were|has|have|had|can|could|will|would|may|might|does|do|did|remains?|leads?|shows?|runs?|takes?|makes?)\b/i;

export function withFullStop(sentence: string): string {
  return /[.!?]["')\]\u201d\u2019]*$/.test(sentence) ? sentence : `${sentence}.`;
}

function asSentence(clause: string): string {
  const trimmed = clause.trim().replace(LEADING_LINK, '').replace(TRAILING_LINK, '');
  return withFullStop(/^[a-z]/.test(trimmed) ? trimmed.charAt(0).toUpperCase() + trimmed.slice(1) : trimmed);
}

function isWholeClause(clause: string): boolean {
  return (
    clause.length >= MIN_LENGTH &&
    clause.length <= MAX_LENGTH &&
    clause.split(' ').length >= 6 &&
    SENTENCE_START.test(clause) &&
    !DEPENDENT_START.test(clause) &&
    (FINITE_VERB.test(clause) || hasResultVerb(clause.toLowerCase()))
  );
}

/**
 * The parts of an over-long sentence that read as sentences of their own: what follows
 * "results show that", the sides of a semicolon, the items of an enumeration. Each comes
 * capitalized and with a full stop; parts that lean on the rest of the sentence are left out.
 */
export function clausesOf(sentence: string): string[] {
  const reported = REPORTED_CLAUSE.exec(sentence);
  const parts = sentence.split(CLAUSE_BREAK);
  if (reported) parts.push(sentence.slice(reported.index + reported[0].length));
  return parts.map(asSentence).filter(isWholeClause);
}
