// Places where a long sentence splits into parts that may each state a finding of their own:
// semicolons, a colon before a clause, and the items of an enumeration "(i) …, (ii) …, and (iii) …". Each place starts
// at a comma or at the first of its spaces, so a run of spaces is read once.
const CLAUSE_BREAK = /;\s+|:\s+(?=\(?(?:i|1|a)\)\s|[A-Z])|(?:,\s*|(?<![\s,])\s+)(?:and |or )?\((?:i{1,3}|iv|v|vi{0,3}|\d|[a-e])\)\s+/g;

/** The parts of a sentence between semicolons and enumeration marks, when it has more than one. */
export function clausesOf(sentence: string): string[] {
  const parts = sentence.split(CLAUSE_BREAK).map((part) => part.trim());
  return parts.length > 1 ? parts.filter((part) => part !== '') : [];
}
