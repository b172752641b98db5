import { describe, expect, it } from 'vitest';
import { parseAtomFeed } from '../../../lib/arxiv/atom';
import {
  CATEGORIES,
  LEGACY_CATEGORIES,
  categoryName,
  isKnownCategory,
  searchCategories,
} from '../../../lib/arxiv/categories';
import abs1207 from '../../fixtures/arxiv/html/abs_1207.7214.html?raw';
import abs1706 from '../../fixtures/arxiv/html/abs_1706.03762.html?raw';
import listPage from '../../fixtures/arxiv/html/list_cs.CL_recent.html?raw';
import searchPage from '../../fixtures/arxiv/html/search_all_attention.html?raw';
import rss from '../../fixtures/arxiv/rss/rss_cs.CL.xml?raw';

const apiFeeds = import.meta.glob<string>('../../fixtures/arxiv/api/*.xml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** "Computation and Language (cs.CL)" pairs, as arXiv's abs and listing pages print subjects. */
function subjectsOnPage(html: string): [id: string, name: string][] {
  const cells = html.matchAll(/<(?:div class='list-subjects'|td class="tablecell subjects")>([\s\S]*?)<\/(?:div|td)>/g);
  return [...cells].flatMap((cell) =>
    (cell[1] as string)
      .replace(/<[^>]*>/g, '')
      .replace('Subjects:', '')
      .split(';')
      .map((subject) => /^\s*(.+?)\s+\(([^()]+)\)\s*$/.exec(subject))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m): [string, string] => [m[2] as string, m[1] as string]),
  );
}

/** The category tags of arXiv's search results: the id, with its name as the tooltip. */
function tagsOnSearchPage(html: string): [id: string, name: string][] {
  const tags = html.matchAll(/<span class="tag [^"]*" data-tooltip="([^"]*)">([^<]+)<\/span>/g);
  return [...tags].map((m): [string, string] => [(m[2] as string).trim(), m[1] as string]);
}

describe('CATEGORIES', () => {
  const ids = CATEGORIES.map((category) => category.id);
  const count = (prefix: string) => ids.filter((id) => id.startsWith(prefix)).length;

  it('has every category of arXiv’s taxonomy, archive by archive', () => {
    expect({
      cs: count('cs.'),
      math: count('math.'),
      physics: count('physics.'),
      astro: count('astro-ph.'),
      condMat: count('cond-mat.'),
      nlin: count('nlin.'),
      qBio: count('q-bio.'),
      qFin: count('q-fin.'),
      stat: count('stat.'),
      eess: count('eess.'),
      econ: count('econ.'),
    }).toEqual({
      cs: 40,
      math: 32,
      physics: 22,
      astro: 6,
      condMat: 9,
      nlin: 5,
      qBio: 10,
      qFin: 9,
      stat: 6,
      eess: 4,
      econ: 3,
    });
    const withoutSubjects = ['gr-qc', 'hep-ex', 'hep-lat', 'hep-ph', 'hep-th', 'math-ph', 'nucl-ex', 'nucl-th', 'quant-ph'];
    expect(ids.filter((id) => !id.includes('.'))).toEqual(withoutSubjects);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(155);
  });

  it('puts each category in its group', () => {
    const perGroup: Record<string, number> = {};
    for (const { group } of CATEGORIES) perGroup[group] = (perGroup[group] ?? 0) + 1;
    expect(perGroup).toEqual({
      'Computer Science': 40,
      Economics: 3,
      'Electrical Engineering and Systems Science': 4,
      Mathematics: 32,
      Physics: 51,
      'Quantitative Biology': 10,
      'Quantitative Finance': 9,
      Statistics: 6,
    });
    expect(CATEGORIES.find((c) => c.id === 'math-ph')?.group).toBe('Physics');
    expect(CATEGORIES.find((c) => c.id === 'q-fin.EC')?.group).toBe('Quantitative Finance');
  });

  it('keeps retired categories apart from the current ones', () => {
    const current = new Set(CATEGORIES.map((c) => c.id));
    expect(LEGACY_CATEGORIES.filter((c) => current.has(c.id))).toEqual([]);
    expect(LEGACY_CATEGORIES.map((c) => c.id)).toEqual(expect.arrayContaining(['astro-ph', 'cond-mat', 'chao-dyn', 'cmp-lg']));
  });
});

describe('categoryName and isKnownCategory on real arXiv data', () => {
  it('names every category exactly as arXiv’s pages print it', () => {
    const pairs = [
      ...subjectsOnPage(listPage),
      ...subjectsOnPage(abs1706),
      ...subjectsOnPage(abs1207),
      ...tagsOnSearchPage(searchPage),
    ];
    expect(pairs.length).toBeGreaterThan(100);
    const distinct = new Map(pairs);
    expect(distinct.size).toBeGreaterThan(25);
    for (const [id, name] of distinct) expect([id, categoryName(id)]).toEqual([id, name]);
  });

  it('knows every category in the API and RSS fixtures; only an MSC code from the old API is not one', () => {
    const seen = new Set<string>();
    for (const xml of Object.values(apiFeeds)) {
      let entries;
      try {
        ({ entries } = parseAtomFeed(xml));
      } catch {
        continue; // error feeds list no papers
      }
      for (const entry of entries) for (const id of [entry.primaryCategory, ...entry.categories]) seen.add(id);
    }
    for (const m of rss.matchAll(/<category>([^<]+)<\/category>/g)) seen.add(m[1] as string);
    expect(Object.keys(apiFeeds).length).toBeGreaterThan(15);
    expect(seen.size).toBeGreaterThan(40);
    // The old API listed a paper's MSC class ('35': partial differential equations) among its categories.
    expect([...seen].filter((id) => !isKnownCategory(id))).toEqual(['35']);
    expect(seen).toContain('astro-ph');
  });

  it('is exact about ids', () => {
    expect(categoryName('cs.CL')).toBe('Computation and Language');
    expect(categoryName('hep-th')).toBe('High Energy Physics - Theory');
    expect(categoryName('chao-dyn')).toBe('Chaotic Dynamics');
    expect(categoryName('CS.CL')).toBeUndefined();
    expect(isKnownCategory('cs.XX')).toBe(false);
    expect(isKnownCategory('')).toBe(false);
  });
});

describe('searchCategories', () => {
  const ids = (query: string, limit?: number) => searchCategories(query, limit).map((c) => c.id);

  it('finds by the start of an id, case-insensitively', () => {
    expect(ids('cs.c')).toEqual(['cs.CC', 'cs.CE', 'cs.CG', 'cs.CL', 'cs.CR', 'cs.CV', 'cs.CY']);
    expect(ids('HEP')).toEqual(['hep-ex', 'hep-lat', 'hep-ph', 'hep-th']);
    expect(ids('cs.LG')).toEqual(['cs.LG']);
  });

  it('finds by the subject code alone', () => {
    expect(ids('lg')).toEqual(['cs.LG']);
    expect(ids('ml')).toEqual(['stat.ML']);
  });

  it('finds by the start of each word of the name', () => {
    expect(ids('machine learning')).toEqual(['cs.LG', 'stat.ML']);
    expect(ids('mach learn')).toEqual(['cs.LG', 'stat.ML']);
    expect(ids('lang')).toEqual(['cs.CL', 'cs.FL', 'cs.PL']);
    expect(ids('quantum')).toEqual(['math.QA', 'cond-mat.quant-gas', 'gr-qc', 'quant-ph']);
    expect(ids('human-computer')).toEqual(['cs.HC']);
  });

  it('lists id matches before name matches', () => {
    const physics = ids('physics', 40);
    expect(physics.slice(0, 22).every((id) => id.startsWith('physics.'))).toBe(true);
    expect(physics.slice(22)).toContain('hep-th');
  });

  it('respects the limit and offers no retired categories', () => {
    expect(ids('cs', 5)).toHaveLength(5);
    expect(ids('cs')).toHaveLength(20);
    expect(ids('', 3)).toEqual(['cs.AI', 'cs.AR', 'cs.CC']);
    expect(ids('cs', 0)).toEqual([]);
    expect(ids('chao')).toEqual(['nlin.CD']);
    expect(ids('no such subject')).toEqual([]);
  });
});
