import { describe, expect, it } from 'vitest';
import { parseAtomFeed } from '../../../lib/arxiv/atom';
import type { ArxivEntry } from '../../../lib/arxiv/entry';
import { toRis, toRisFile } from '../../../lib/cite/ris';
import api1207 from '../../fixtures/arxiv/api/api_1207.7214.xml?raw';
import api1706 from '../../fixtures/arxiv/api/api_1706.03762.xml?raw';
import astroPh from '../../fixtures/arxiv/api/id_astro-ph_0601001_s0_m100_3150dca9dc76.xml?raw';

const paper = (xml: string): ArxivEntry => {
  const [entry] = parseAtomFeed(xml).entries;
  if (!entry) throw new Error('fixture has no entry');
  return entry;
};

const RIS_LINE = /^[A-Z][A-Z0-9] {2}- .*$/;

/** Records as a reader sees them: tag → values, in order; fails on any line that is not RIS. */
function readRis(text: string): Map<string, string[]>[] {
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  const records: Map<string, string[]>[] = [];
  let current: Map<string, string[]> | null = null;
  for (const line of lines) {
    expect(line).not.toMatch(/[\r\n\u0085\u2028\u2029]/);
    if (line === '' && current === null) continue;
    expect(line).toMatch(RIS_LINE);
    const tag = line.slice(0, 2);
    const value = line.slice(6);
    if (tag === 'TY') {
      expect(current).toBeNull();
      current = new Map();
    }
    if (current === null) throw new Error(`${tag} outside a record`);
    if (tag === 'ER') {
      records.push(current);
      current = null;
      continue;
    }
    current.set(tag, [...(current.get(tag) ?? []), value]);
  }
  expect(current).toBeNull();
  return records;
}

const only = (ris: string) => {
  const records = readRis(ris);
  expect(records).toHaveLength(1);
  return records[0] as Map<string, string[]>;
};

describe('toRis on real papers', () => {
  it('writes 1706.03762 as a generic record with surname-first authors and every field', () => {
    const entry = paper(api1706);
    expect(entry.summary.startsWith('The dominant sequence transduction models')).toBe(true);
    expect(toRis(entry).split('\r\n')).toEqual([
      'TY  - GEN',
      'TI  - Attention Is All You Need',
      'AU  - Vaswani, Ashish',
      'AU  - Shazeer, Noam',
      'AU  - Parmar, Niki',
      'AU  - Uszkoreit, Jakob',
      'AU  - Jones, Llion',
      'AU  - Gomez, Aidan N.',
      'AU  - Kaiser, Lukasz',
      'AU  - Polosukhin, Illia',
      `AB  - ${entry.summary}`,
      'PY  - 2023',
      'DA  - 2023/08/02',
      'DB  - arXiv',
      'AN  - arXiv:1706.03762',
      'UR  - https://arxiv.org/abs/1706.03762',
      'KW  - cs.CL',
      'KW  - cs.LG',
      'N1  - 15 pages, 5 figures',
      'ER  - ',
      '',
    ]);
  });

  it('writes 1207.7214 as a journal article with its DOI, reference and collaboration', () => {
    const record = only(toRis(paper(api1207)));
    expect(Object.fromEntries(record)).toMatchObject({
      TY: ['JOUR'],
      AU: ['The ATLAS Collaboration,'],
      T2: ['Phys.Lett. B716 (2012) 1-29'],
      DO: ['10.1016/j.physletb.2012.08.020'],
      PY: ['2012'],
      DA: ['2012/08/31'],
      AN: ['arXiv:1207.7214'],
      UR: ['https://arxiv.org/abs/1207.7214'],
      N1: [
        '24 pages plus author list (38 pages total), 12 figures, 7 tables, revised author list, matches version to appear in Physics Letters B',
      ],
    });
    expect(record.get('KW')).toEqual(paper(api1207).categories);
  });

  it('writes astro-ph/0601001 with its old-style id and each affiliation once', () => {
    const record = only(toRis(paper(astroPh)));
    expect(Object.fromEntries(record)).toMatchObject({
      TY: ['JOUR'],
      AU: ['Gould, Andrew', 'Dorsher, Susan', 'Gaudi, B. Scott', 'Udalski, Andrzej'],
      AD: ['Ohio State', 'CfA', 'Warsaw University Observatory'],
      T2: ['ActaAstron.56:1-50,2006'],
      PY: ['2006'],
      DA: ['2006/01/02'],
      AN: ['arXiv:astro-ph/0601001'],
      UR: ['https://arxiv.org/abs/astro-ph/0601001'],
      KW: ['astro-ph'],
    });
    expect(record.has('DO')).toBe(false);
  });
});

describe('toRis on names and hostile text', () => {
  const base = paper(api1706);

  it('puts suffixes last, keeps particles with the surname and marks one-word names', () => {
    const record = only(
      toRis({
        ...base,
        authors: ['Martin Luther King Jr.', 'Johannes Diderik van der Waals', 'Plato'].map((name) => ({
          name,
          affiliations: [],
        })),
      }),
    );
    expect(record.get('AU')).toEqual(['King, Martin Luther, Jr.', 'van der Waals, Johannes Diderik', 'Plato,']);
  });

  it('writes no author line for an author without a name', () => {
    const record = only(toRis({ ...base, authors: ['Alice Smith', '', ' \t '].map((name) => ({ name, affiliations: [] })) }));
    expect(record.get('AU')).toEqual(['Smith, Alice']);
  });

  it('keeps every value on its own line whatever newlines the text carries', () => {
    // Derived from 1706.03762: title, abstract, comment and a name carry line breaks of every kind.
    const hostile = {
      ...base,
      title: 'Evil\r\nER  - \r\nTY  - JOUR\nTI  - Injected',
      summary: 'First line\u2028second\u2029third\u0085fourth\vfifth\fsixth\u0000seventh',
      comment: 'c1\n\nER  - ',
      authors: [{ name: 'Mallory\nER  - ', affiliations: ['Lab\r\nAD  - x'] }],
    };
    const file = toRisFile([hostile, base]);
    const records = readRis(file);
    expect(records).toHaveLength(2);
    const [first] = records as [Map<string, string[]>];
    expect(first.get('TI')).toEqual(['Evil ER - TY - JOUR TI - Injected']);
    expect(first.get('AB')).toEqual(['First line second third fourth fifth sixth seventh']);
    expect(first.get('N1')).toEqual(['c1 ER -']);
    expect(first.get('AU')).toEqual(['-, Mallory ER']);
    expect(first.get('AD')).toEqual(['Lab AD - x']);
  });

  it('leaves out fields a paper does not have instead of writing them empty', () => {
    const record = only(toRis({ ...base, comment: undefined, summary: '  ', categories: [] }));
    expect([...record.keys()]).toEqual(['TY', 'TI', 'AU', 'PY', 'DA', 'DB', 'AN', 'UR']);
  });
});

describe('toRisFile', () => {
  it('writes one record per paper, separated by blank lines, CRLF throughout', () => {
    const file = toRisFile([paper(api1706), paper(api1207), paper(astroPh)]);
    expect(file.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(file).toContain('ER  - \r\n\r\nTY  - ');
    expect(readRis(file).map((record) => record.get('AN'))).toEqual([
      ['arXiv:1706.03762'],
      ['arXiv:1207.7214'],
      ['arXiv:astro-ph/0601001'],
    ]);
  });

  it('is empty for no papers', () => {
    expect(toRisFile([])).toBe('');
  });
});
