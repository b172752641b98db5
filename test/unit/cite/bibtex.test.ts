import { describe, expect, it } from 'vitest';
import { parseAtomFeed } from '../../../lib/arxiv/atom';
import type { ArxivEntry } from '../../../lib/arxiv/entry';
import { toBibtex, toBibtexFile } from '../../../lib/cite/bibtex';
import api1207 from '../../fixtures/arxiv/api/api_1207.7214.xml?raw';
import api1706 from '../../fixtures/arxiv/api/api_1706.03762.xml?raw';
import titledZero from '../../fixtures/arxiv/api/id_2104.12255v1_s0_m100_6ae69987ffe1.xml?raw';
import astroPh from '../../fixtures/arxiv/api/id_astro-ph_0601001_s0_m100_3150dca9dc76.xml?raw';
import arxivBibtex1706 from '../../fixtures/arxiv/other/bibtex_1706.03762.bib?raw';
import { bibtexNames, readBibtex, type BibEntry } from './read-bibtex';

const paper = (xml: string): ArxivEntry => {
  const [entry] = parseAtomFeed(xml).entries;
  if (!entry) throw new Error('fixture has no entry');
  return entry;
};

const single = (bib: string): BibEntry => {
  const entries = readBibtex(bib);
  expect(entries).toHaveLength(1);
  return entries[0] as BibEntry;
};

describe('toBibtex against arXiv’s own BibTeX', () => {
  it('writes for 1706.03762 what arxiv.org/bibtex/1706.03762 gives, up to trailing spaces', () => {
    const ours = toBibtex(paper(api1706));
    const trimLines = (text: string) => text.replace(/[ \t]+$/gm, '').trimEnd();
    expect(ours).toBe(trimLines(arxivBibtex1706));
  });

  it('has the same key, type and fields as arXiv’s entry', () => {
    const ours = single(toBibtex(paper(api1706)));
    const theirs = single(arxivBibtex1706);
    expect(ours).toEqual(theirs);
    expect(ours.key).toBe('vaswani2023attentionneed');
  });
});

describe('toBibtex on other real papers', () => {
  it('keeps a collaboration whole and adds the journal reference and bare DOI (1207.7214)', () => {
    const entry = single(toBibtex(paper(api1207)));
    expect(entry.key).toBe('theatlascollaboration2012observationnewparticlesearch');
    expect(entry.fields).toEqual({
      title:
        'Observation of a new particle in the search for the Standard Model Higgs boson with the ATLAS detector at the LHC',
      author: '{The ATLAS Collaboration}',
      year: '2012',
      eprint: '1207.7214',
      archivePrefix: 'arXiv',
      primaryClass: 'hep-ex',
      journal: 'Phys.Lett. B716 (2012) 1-29',
      doi: '10.1016/j.physletb.2012.08.020',
      url: 'https://arxiv.org/abs/1207.7214',
    });
  });

  it('says in a note that a paper was withdrawn (its comment as arXiv’s search page shows one), and only then', () => {
    // 1207.7214 as a withdrawn version would come: derived here, the fixture is kept as saved.
    const withdrawn = { ...paper(api1207), version: 3, comment: 'arXiv admin note: This paper has been withdrawn by arXiv due to unverifiable authorship' };
    expect(single(toBibtex(withdrawn)).fields.note).toBe('Withdrawn from arXiv in v3');
    expect(single(toBibtex(paper(api1207))).fields.note).toBeUndefined();
  });

  it('handles an old-style id (astro-ph/0601001)', () => {
    const entry = single(toBibtex(paper(astroPh)));
    expect(entry.key).toBe('gould2006frequencyhotjupitershot');
    expect(entry.fields).toMatchObject({
      author: 'Andrew Gould and Susan Dorsher and B. Scott Gaudi and Andrzej Udalski',
      year: '2006',
      eprint: 'astro-ph/0601001',
      primaryClass: 'astro-ph',
      journal: 'ActaAstron.56:1-50,2006',
      url: 'https://arxiv.org/abs/astro-ph/0601001',
    });
  });

  it('keys a paper titled "0" by its title like any other', () => {
    expect(single(toBibtex(paper(titledZero))).key).toBe('nguyen20210');
  });
});

describe('toBibtex on text that is TeX or hostile', () => {
  const base = paper(api1706);

  it('escapes TeX specials outside math and keeps math, accents and groups as they are', () => {
    const title = String.raw`$\alpha$-decay of 100% of $^{8}$Be & friends_2: $50%$ in Schr\"odinger's {\em world} \& R\&D`;
    expect(single(toBibtex({ ...base, title })).fields.title).toBe(
      String.raw`$\alpha$-decay of 100\% of $^{8}$Be \& friends\_2: $50\%$ in Schr\"odinger's {\em world} \& R\&D`,
    );
  });

  it('keeps a hostile title inside its field: stray braces, @comment, newlines, an unclosed $', () => {
    // Derived from 1706.03762: the title is replaced by one built to break out of the entry.
    const title = 'Evil} title={pwned}, @comment{ 100% & #1 of a_b\nER  - \n$x_1$ and $unclosed {open';
    const bib = toBibtex({ ...base, title });
    const entry = single(bib);
    expect(Object.keys(entry.fields)).toEqual(['title', 'author', 'year', 'eprint', 'archivePrefix', 'primaryClass', 'url']);
    expect(entry.fields.title).toBe(
      String.raw`Evil\textbraceright{} title={pwned}, @comment\textbraceleft{} 100\% \& \#1 of a\_b ER - $x_1$ and \$unclosed \textbraceleft{}open`,
    );
    expect(bib.split('\n').filter((line) => line.trimStart().startsWith('@'))).toHaveLength(1);
  });

  it('keeps hostile names, journal references and DOIs inside their fields', () => {
    // Derived from 1706.03762: authors, journal reference and DOI replaced.
    const entry = single(
      toBibtex({
        ...base,
        authors: [
          { name: 'Tom and Jerry', affiliations: [] },
          { name: 'Mallory }, title={x', affiliations: [] },
          { name: 'Trailing\\', affiliations: [] },
        ],
        journalRef: 'J. {Evil} 1 (2020) }\n@misc{x,',
        doi: '10.1000/evil}{ x',
      }),
    );
    expect(entry.fields.author).toBe(
      String.raw`{Tom and Jerry} and {Mallory \textbraceright{}, title=\textbraceleft{}x} and Trailing\textbackslash{}`,
    );
    expect(entry.fields.journal).toBe(String.raw`J. {Evil} 1 (2020) \textbraceright{} @misc\textbraceleft{}x,`);
    expect(entry.fields.doi).toBe('10.1000/evilx');
  });

  it('keeps a name with a standalone "and" at its start or end as one name, as BibTeX counts them', () => {
    // Derived from 1706.03762: three authors, two of whose names begin or end with the word "and".
    const names = ['and Bob', 'Alice Smith', 'Carol and'];
    const entry = single(toBibtex({ ...base, authors: names.map((name) => ({ name, affiliations: [] })) }));
    expect(bibtexNames(entry.fields.author!)).toEqual(['{and Bob}', 'Alice Smith', '{Carol and}']);
    // A word that merely contains "and" stays as it is.
    const plain = single(toBibtex({ ...base, authors: [{ name: 'Sandra Andersson', affiliations: [] }] }));
    expect(plain.fields.author).toBe('Sandra Andersson');
  });

  it('leaves out authors without a name instead of writing an empty one', () => {
    const names = ['Alice Smith', '', ' \n ', 'Bob Jones'];
    const entry = single(toBibtex({ ...base, authors: names.map((name) => ({ name, affiliations: [] })) }));
    expect(bibtexNames(entry.fields.author!)).toEqual(['Alice Smith', 'Bob Jones']);
  });

  it('writes no bare % in any field: escaped in text, left out of identifiers', () => {
    // Derived from 1706.03762: every field that carries text from arXiv gets a percent sign.
    const bib = toBibtex({
      ...base,
      id: '1706.03762',
      title: '100% of it',
      authors: [{ name: 'Per%Cent', affiliations: [] }],
      primaryCategory: 'cs.%CL',
      journalRef: 'J. 5% (2020)',
      doi: '10.1000/ab%c',
    });
    const entry = single(bib);
    expect(bib).not.toMatch(/(?<!\\)%/);
    expect(entry.fields).toMatchObject({
      title: '100\\% of it',
      author: 'Per\\%Cent',
      primaryClass: 'cs.CL',
      journal: 'J. 5\\% (2020)',
      doi: '10.1000/abc',
    });
  });

  it('writes suffixes the way BibTeX reads them and keeps particles with the name', () => {
    const entry = single(
      toBibtex({
        ...base,
        authors: [
          { name: 'Martin Luther King Jr.', affiliations: [] },
          { name: 'Johannes Diderik van der Waals', affiliations: [] },
        ],
      }),
    );
    expect(entry.fields.author).toBe('King, Jr., Martin Luther and Johannes Diderik van der Waals');
    expect(entry.key).toBe('king2023attentionneed');
  });

  it('folds accents in keys to ASCII and keys by the surname after particles', () => {
    const key = (name: string) => single(toBibtex({ ...base, authors: [{ name, affiliations: [] }] })).key;
    expect(key('Jörg Müller')).toBe('muller2023attentionneed');
    expect(key('Ludwig van Beethoven')).toBe('vanbeethoven2023attentionneed');
    expect(key('A.B.Smith')).toBe('smith2023attentionneed');
  });
});

describe('toBibtexFile', () => {
  it('makes keys unique with a, b, ... and writes every entry', () => {
    const attention = paper(api1706);
    const file = toBibtexFile([attention, attention, paper(astroPh), attention]);
    expect(readBibtex(file).map((entry) => entry.key)).toEqual([
      'vaswani2023attentionneed',
      'vaswani2023attentionneeda',
      'gould2006frequencyhotjupitershot',
      'vaswani2023attentionneedb',
    ]);
    expect(file.endsWith('}\n')).toBe(true);
  });

  it('does not hand out a suffixed key that another paper has as its own', () => {
    // Derived from 1706.03762: a second paper whose natural key is the first suffixed one
    // (arXiv tests 'A.' against its stop words with the full stop, so it counts as a word).
    const attention = paper(api1706);
    const clash = { ...attention, id: '9999.99999', title: 'Attention Is All You Need A.' };
    const keys = readBibtex(toBibtexFile([attention, attention, clash])).map((entry) => entry.key);
    expect(keys).toEqual(['vaswani2023attentionneed', 'vaswani2023attentionneedb', 'vaswani2023attentionneeda']);
  });

  it('is empty for no papers', () => {
    expect(toBibtexFile([])).toBe('');
  });
});
