/**
 * A strict reader of the BibTeX subset the exporter writes, reading braces the way BibTeX does
 * (a backslash does not escape a brace), so tests see entries as BibTeX would. Throws on
 * anything else, including text between entries that BibTeX would take for another entry.
 */
export interface BibEntry {
  type: string;
  key: string;
  fields: Record<string, string>;
}

export function readBibtex(text: string): BibEntry[] {
  const entries: BibEntry[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${i}: ${JSON.stringify(text.slice(i, i + 40))}`);
  };
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i] as string)) i += 1;
  };
  const readUntil = (stop: string) => {
    const end = text.indexOf(stop, i);
    if (end < 0) fail(`missing ${stop}`);
    const out = text.slice(i, end);
    i = end + 1;
    return out.trim();
  };
  const readBraced = () => {
    if (text[i] !== '{') fail('value must be braced');
    let depth = 0;
    const start = i + 1;
    for (; i < text.length; i += 1) {
      if (text[i] === '{') depth += 1;
      else if (text[i] === '}' && --depth === 0) break;
    }
    if (depth !== 0) fail('unbalanced value');
    i += 1;
    return text.slice(start, i - 1);
  };
  for (skipSpace(); i < text.length; skipSpace()) {
    if (text[i] !== '@') fail('text outside an entry');
    i += 1;
    const type = readUntil('{');
    const key = readUntil(',');
    const fields: Record<string, string> = {};
    for (skipSpace(); text[i] !== '}'; skipSpace()) {
      const name = readUntil('=');
      if (!/^[A-Za-z]+$/.test(name)) fail(`bad field name ${name}`);
      if (name in fields) fail(`repeated field ${name}`);
      fields[name] = readBraced();
      skipSpace();
      if (text[i] === ',') i += 1;
    }
    i += 1;
    entries.push({ type, key, fields });
  }
  return entries;
}

/**
 * The names of an author field as BibTeX splits them: at every whitespace-delimited "and"
 * (any case) outside braces, whatever stands around it; an empty name counts as one.
 */
export function bibtexNames(field: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let word = '';
  let current: string[] = [];
  const endWord = () => {
    if (word === '') return;
    if (depth === 0 && word.toLowerCase() === 'and') {
      names.push(current.join(' '));
      current = [];
    } else current.push(word);
    word = '';
  };
  for (const ch of field) {
    if (depth === 0 && /\s/.test(ch)) {
      endWord();
      continue;
    }
    if (ch === '{') depth += 1;
    if (ch === '}') depth -= 1;
    word += ch;
  }
  endWord();
  names.push(current.join(' '));
  return names;
}
