/**
 * One author name from the arXiv API ('Aidan N. Gomez', 'Johannes van der Waals',
 * 'The ATLAS Collaboration') split the way arXiv itself splits names (its author-line parser in
 * arxiv-base, `arxiv/authors`), so that keys and surname-first formats agree with arxiv.org.
 */
export interface AuthorName {
  /** The surname with its particles ('van der Waals'), or a collaboration's name. */
  keyname: string;
  /** Given names and initials; empty for a collaboration or a single-word name. */
  given: string;
  /** 'Jr.', 'III', ...; empty when there is none. */
  suffix: string;
  /** A collaboration, group or team: a name that must never be split into given and family names. */
  corporate: boolean;
}

const PARTICLE = 'van|der|de|la|von|del|della|da|mac|ter|dem|di|vaziri';
const DOUBLE_PARTICLE = new RegExp(`^(.*)\\s+(${PARTICLE})\\s(${PARTICLE})\\s(\\S+)$`, 'i');
const ONE_PARTICLE = new RegExp(`^(.*)\\s+(${PARTICLE})\\s(\\S+)$`, 'i');
const WITH_SUFFIX = /^(.*)\s+(\S+)\s(I|II|III|IV|V|Sr|Jr|Sr\.|Jr\.)$/i;
const PLAIN = /^(.*)\s+(\S+)$/;
// arXiv's own test for "XX Collaboration" and the like; its match, not the whole name, is the keyname.
const COLLABORATION = /([a-z0-9\s]+\s+(?:collaboration|group|team))/i;

function tidy(name: string): string {
  // arXiv puts a space after initials run together ('A.B.Smith' → 'A. B. Smith'), except in TeX.
  return name.replace(/\s+/g, ' ').trim().replace(/(?<!\\)\.(\S)/g, '. $1');
}

export function splitAuthorName(raw: string): AuthorName {
  const name = tidy(raw);
  const collaboration = COLLABORATION.exec(name);
  if (collaboration) {
    return { keyname: (collaboration[1] as string).trim(), given: '', suffix: '', corporate: true };
  }
  // 'John Smith, Jr.' leaves a comma on the surname: it belongs to neither part.
  const bare = (part: string) => part.replace(/,+$/, '').trim();
  const person = (keyname: string, given: string, suffix = ''): AuthorName => ({
    keyname: bare(keyname),
    given: bare(given),
    suffix,
    corporate: false,
  });
  let m = DOUBLE_PARTICLE.exec(name);
  if (m) return person(`${m[2]} ${m[3]} ${m[4]}`, m[1] as string);
  m = ONE_PARTICLE.exec(name);
  if (m) return person(`${m[2]} ${m[3]}`, m[1] as string);
  m = WITH_SUFFIX.exec(name);
  if (m) return person(m[2] as string, m[1] as string, m[3] as string);
  m = PLAIN.exec(name);
  if (m) return person(m[2] as string, m[1] as string);
  return person(name, '');
}
