import { expect } from 'vitest';
import type { ArxivEntry } from '../../../lib/arxiv/entry';
import { LIMITS } from '../../../lib/schema/limits';
import attentionXml from '../../fixtures/arxiv/api/api_1706.03762.xml?raw';
import testingXml from '../../fixtures/arxiv/api/q_testing_s0_m10_bc5a6c384fe9.xml?raw';
import { entryBlocks } from '../../helpers/fake-arxiv-feed';
import { CANARY } from './store-invariants';

/**
 * Hostile API pages, each derived in code from a real fixture (the attention paper's id lookup,
 * or the first real page of `search_query=testing`): the change is the case. The fixtures
 * themselves are never edited.
 */
export interface FeedCase {
  name: string;
  xml: () => string;
  /** `stored`: read and stored as text; `rejected`: refused as not an arXiv feed, store untouched. */
  outcome: 'stored' | 'rejected';
  /** What the parsed entries must show, beyond the store's invariants. */
  check?: (entries: ArxivEntry[]) => void;
}

const TITLE = '<title>Attention Is All You Need</title>';
const SUMMARY_START = '<summary>The dominant sequence';
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The attention fixture with one change; throws if the change found nothing to change. */
function attention(find: string | RegExp, replace: string | ((match: string) => string)): string {
  const xml = typeof replace === 'string' ? attentionXml.replace(find, replace) : attentionXml.replace(find, replace);
  if (xml === attentionXml) throw new Error(`the derivation changed nothing: ${String(find)}`);
  return xml;
}

const withTitle = (title: string) => attention(TITLE, `<title>${title}</title>`);
const withId = (id: string) => attention('<id>http://arxiv.org/abs/1706.03762v7</id>', `<id>${id}</id>`);
const withDoctype = (doctype: string, title = 'Attention') =>
  attention("<?xml version='1.0' encoding='UTF-8'?>", `<?xml version='1.0' encoding='UTF-8'?>\n${doctype}`).replace(TITLE, `<title>${title}</title>`);
const entryWith = (extra: string) => attention('<arxiv:primary_category term="cs.CL"/>', `<arxiv:primary_category term="cs.CL"/>\n${extra}`);

const titleIs = (expected: string) => (entries: ArxivEntry[]) => expect(entries[0]?.title).toBe(expected);
const nothingParsed = (entries: ArxivEntry[]) => expect(entries).toEqual([]);

const script = `<script>${CANARY}</script>`;
const img = `<img src=x onerror="${CANARY}">`;

/** The testing page's entries, as arXiv sent them. */
const testingEntries = entryBlocks(testingXml);
const testingWithEntries = (entries: string[]) => testingXml.replace(/<entry>[\s\S]*<\/entry>/, entries.join('\n  '));

/** Bytes as the network would deliver them, decoded the way `Response.text()` decodes them. */
function decodedWithBytes(xml: string, marker: string, bytes: number[]): string {
  const [before, after] = xml.split(marker) as [string, string];
  const encoder = new TextEncoder();
  const all = new Uint8Array([...encoder.encode(before), ...bytes, ...encoder.encode(after)]);
  return new TextDecoder('utf-8').decode(all);
}

export const feedCases: FeedCase[] = [
  // Markup and script, as arXiv escapes it and as a hostile server might not.
  { name: 'a script element in the title (escaped)', xml: () => withTitle(escapeXml(`Attention ${script}`)), outcome: 'stored', check: titleIs(`Attention ${script}`) },
  { name: 'an img onerror in the title (escaped)', xml: () => withTitle(escapeXml(`${img} Attention`)), outcome: 'stored', check: titleIs(`${img} Attention`) },
  { name: 'markup doubly escaped in the title', xml: () => withTitle('&amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt;'), outcome: 'stored', check: titleIs('&lt;b&gt;bold&lt;/b&gt;') },
  {
    name: 'raw (unescaped) elements inside the title',
    xml: () => withTitle(`Attention <b onmouseover="${CANARY}">Is</b> All`),
    outcome: 'stored',
    check: (entries) => expect(typeof entries[0]?.title).toBe('string'),
  },
  {
    name: 'a script in a CDATA section of the abstract',
    xml: () => attention(SUMMARY_START, `<summary><![CDATA[${script}]]> The dominant sequence`),
    outcome: 'stored',
    check: (entries) => expect(entries[0]?.summary.startsWith(`${script}The dominant`)).toBe(true),
  },
  {
    name: 'an svg onload in the comment',
    xml: () => attention('<arxiv:comment>15 pages, 5 figures</arxiv:comment>', `<arxiv:comment>${escapeXml(`<svg onload="${CANARY}">`)}</arxiv:comment>`),
    outcome: 'stored',
    check: (entries) => expect(entries[0]?.comment).toBe(`<svg onload="${CANARY}">`),
  },
  {
    name: 'an iframe srcdoc in the journal reference',
    xml: () => entryWith(`<arxiv:journal_ref>${escapeXml(`<iframe srcdoc="${script}"></iframe>`)}</arxiv:journal_ref>`),
    outcome: 'stored',
    check: (entries) => expect(entries[0]?.journalRef).toContain('<iframe'),
  },
  {
    name: 'a script in an author name and an affiliation',
    xml: () => attention('<name>Ashish Vaswani</name>', `<name>${escapeXml(script)}</name><arxiv:affiliation>${escapeXml(img)}</arxiv:affiliation>`),
    outcome: 'stored',
    check: (entries) => expect(entries[0]?.authors[0]).toEqual({ name: script, affiliations: [img] }),
  },
  {
    name: 'markup in a category term',
    xml: () => attention('<category term="cs.LG"', `<category term="${escapeXml(`"><script>${CANARY}</script>`)}"`),
    outcome: 'stored',
    check: (entries) => expect(entries[0]?.categories).toContain(`"><script>${CANARY}</script>`),
  },
  // Links: the stored links are built from the id, never taken from the feed.
  {
    name: 'a javascript: link as the abstract page',
    xml: () => attention('<link href="https://arxiv.org/abs/1706.03762v7"', '<link href="javascript:alert(1)"'),
    outcome: 'stored',
    check: (entries) => expect(entries[0]?.absUrl).toBe('https://arxiv.org/abs/1706.03762v7'),
  },
  {
    name: 'a data: URL as the PDF link',
    xml: () => attention('<link href="https://arxiv.org/pdf/1706.03762v7"', '<link href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"'),
    outcome: 'stored',
    check: (entries) => expect(entries[0]?.pdfUrl).toBe('https://arxiv.org/pdf/1706.03762v7'),
  },
  {
    name: 'a javascript: scheme in front of the id',
    xml: () => withId('javascript:alert(1)//arxiv.org/abs/1706.03762v7'),
    outcome: 'stored',
    check: (entries) => expect([entries[0]?.id, entries[0]?.absUrl]).toEqual(['1706.03762', 'https://arxiv.org/abs/1706.03762v7']),
  },
  { name: 'a javascript: DOI', xml: () => entryWith('<arxiv:doi>javascript:alert(1)</arxiv:doi>'), outcome: 'stored', check: (e) => expect(e[0]?.doi).toBe('javascript:alert(1)') },
  // Ids that are not arXiv ids never become keys or links.
  { name: 'an id with path traversal', xml: () => withId('http://arxiv.org/abs/../../etc/passwd'), outcome: 'stored', check: nothingParsed },
  { name: 'a real id followed by a traversal', xml: () => withId('http://arxiv.org/abs/1706.03762v7/../../../etc/passwd'), outcome: 'stored', check: nothingParsed },
  { name: 'an id holding markup', xml: () => withId(`http://arxiv.org/abs/${escapeXml(img)}`), outcome: 'stored', check: nothingParsed },
  { name: 'an id with a query string', xml: () => withId('http://arxiv.org/abs/1706.03762v7?next=//evil.example'), outcome: 'stored', check: nothingParsed },
  { name: 'an encoded traversal in the id', xml: () => withId('http://arxiv.org/abs/..%2F..%2Fetc%2Fpasswd'), outcome: 'stored', check: nothingParsed },
  { name: 'a version too large to be a number', xml: () => withId('http://arxiv.org/abs/1706.03762v99999999999999999999'), outcome: 'stored', check: nothingParsed },
  // Text that plays tricks on the eye or on programs.
  {
    name: 'bidi override characters in the title',
    xml: () => withTitle('Attention \u202Egnp.exe\u202C Is All You Need \u2067isolated\u2069'),
    outcome: 'stored',
    check: titleIs('Attention \u202Egnp.exe\u202C Is All You Need \u2067isolated\u2069'),
  },
  {
    name: 'a right-to-left override in an author name',
    xml: () => attention('<name>Noam Shazeer</name>', '<name>\u202ENoam Shazeer</name>'),
    outcome: 'stored',
    check: (entries) => expect(entries[0]?.authors[1]?.name).toBe('\u202ENoam Shazeer'),
  },
  { name: 'zero-width characters and a byte-order mark in the title', xml: () => withTitle('Atten\u200Btion\u200D Is\uFEFF All'), outcome: 'stored', check: titleIs('Atten\u200Btion\u200D Is All') },
  {
    name: 'NUL bytes in the title',
    xml: () => withTitle('Attention\u0000 Is All\u0000You Need'),
    outcome: 'stored',
    check: (entries) => expect(entries[0]?.title.replace(/\u0000/g, '')).toBe('Attention Is AllYou Need'),
  },
  {
    name: 'NUL and surrogate character references',
    xml: () => withTitle('Attention&#0; &#xD800;Is&#xDFFF; All'),
    outcome: 'stored',
    check: (entries) => expect(entries[0]?.title.isWellFormed()).toBe(true),
  },
  {
    name: 'a lone surrogate in the text itself',
    xml: () => withTitle('Attention \uD800 Is All'),
    outcome: 'stored',
    check: (entries) => expect(entries[0]?.title).toBe('Attention \uD800 Is All'),
  },
  {
    name: 'invalid UTF-8 bytes (an encoded surrogate, 0xFF, a cut sequence)',
    xml: () => decodedWithBytes(attentionXml, 'Is All You Need', [0xed, 0xa0, 0x80, 0x20, 0xff, 0x20, 0xe2, 0x82]),
    outcome: 'stored',
    check: (entries) => expect(entries[0]?.title).toMatch(/^Attention \uFFFD+ \uFFFD \uFFFD+<?/),
  },
  { name: 'HTML named entities that XML does not define', xml: () => withTitle('Attention&nbsp;Is&copy; All'), outcome: 'stored', check: titleIs('Attention&nbsp;Is&copy; All') },
  // Size.
  {
    name: 'a 1 MB abstract',
    xml: () => attention(SUMMARY_START, `<summary>${'All work and no play makes a long abstract. '.repeat(24_000)}The dominant sequence`),
    outcome: 'stored',
    // Cut at the limit every stored paper keeps (lib/schema/limits.ts), so its backup imports.
    check: (entries) => expect(entries[0]!.summary).toMatch(new RegExp(`^All work.{${LIMITS.summary - 20},${LIMITS.summary - 2}}…$`)),
  },
  {
    name: '10,000 authors',
    xml: () => attention('<author>', `${Array.from({ length: 9_992 }, (_, i) => `<author><name>Author ${i}</name></author>`).join('')}<author>`),
    outcome: 'stored',
    check: (entries) => expect(entries[0]?.authors).toHaveLength(10_000),
  },
  {
    name: 'a 100,000-character title',
    xml: () => withTitle('Attention '.repeat(10_000)),
    outcome: 'stored',
    check: (entries) => expect(entries[0]!.title).toMatch(new RegExp(`^(Attention ){99}Attention…$`)),
  },
  {
    name: '5,000 categories',
    xml: () => attention('<category term="cs.LG"', `${Array.from({ length: 5_000 }, (_, i) => `<category term="x.${i}"/>`).join('')}<category term="cs.LG"`),
    outcome: 'stored',
    check: (entries) => expect(entries[0]?.categories).toEqual(['cs.CL', ...Array.from({ length: LIMITS.categories - 1 }, (_, i) => `x.${i}`)]),
  },
  // Duplicates: one copy per paper, the newest version's metadata.
  {
    name: 'the same paper three times in one page',
    xml: () => testingWithEntries([testingEntries[0]!, testingEntries[0]!, ...testingEntries.slice(1), testingEntries[0]!]),
    outcome: 'stored',
    check: (entries) => expect(entries).toHaveLength(12),
  },
  {
    name: 'two versions of one paper in one page',
    xml: () => attention(/<entry>[\s\S]*<\/entry>/, (m) => `${m.replace('1706.03762v7', '1706.03762v1').replace(TITLE, '<title>Old title</title>')}\n${m}`),
    outcome: 'stored',
    check: (entries) => expect(entries.map((e) => e.version)).toEqual([1, 7]),
  },
  {
    name: 'the whole page is one paper 2,000 times',
    xml: () => testingWithEntries(Array<string>(2_000).fill(testingEntries[3]!)),
    outcome: 'stored',
    check: (entries) => expect(new Set(entries.map((e) => e.id)).size).toBe(1),
  },
  // The XML itself as a weapon: entities, DOCTYPE, nesting, names that reach prototypes.
  {
    name: 'nested internal entities ("billion laughs")',
    xml: () =>
      withDoctype(
        `<!DOCTYPE feed [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]>`,
        '&j;&j;&j;',
      ),
    outcome: 'stored',
    check: (entries) => expect(entries[0]!.title.length).toBeLessThan(100),
  },
  {
    name: 'one thousand large internal entities, each used many times',
    xml: () =>
      withDoctype(
        `<!DOCTYPE feed [${Array.from({ length: 900 }, (_, i) => `<!ENTITY e${i} "${'x'.repeat(9_000)}">`).join('')}]>`,
        Array.from({ length: 900 }, (_, i) => `&e${i};`).join('').repeat(20),
      ),
    outcome: 'rejected',
  },
  { name: 'an external entity naming a local file', xml: () => withDoctype('<!DOCTYPE feed [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 'a&x;b'), outcome: 'rejected' },
  {
    name: 'an external parameter entity naming a remote DTD',
    xml: () => withDoctype('<!DOCTYPE feed [<!ENTITY % dtd SYSTEM "https://evil.example/x.dtd"> %dtd;]>', 'Attention'),
    outcome: 'rejected',
  },
  {
    name: 'an internal entity that would expand to markup',
    xml: () => withDoctype(`<!DOCTYPE feed [<!ENTITY x "${escapeXml(script)}">]>`, 'A&x;B'),
    outcome: 'stored',
    check: titleIs('A&x;B'),
  },
  {
    name: 'elements nested 100,000 deep in the abstract',
    xml: () => attention(SUMMARY_START, `<summary>${'<a>'.repeat(100_000)}x${'</a>'.repeat(100_000)} The dominant sequence`),
    outcome: 'rejected',
  },
  {
    name: 'an XInclude naming a local file',
    xml: () => attention(SUMMARY_START, '<summary><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>The dominant sequence'),
    outcome: 'stored',
    check: (entries) => expect(entries[0]?.summary).not.toMatch(/root:/),
  },
  {
    name: 'an xml-stylesheet instruction pointing at javascript:',
    xml: () => attention("<?xml version='1.0' encoding='UTF-8'?>", `<?xml version='1.0' encoding='UTF-8'?>\n<?xml-stylesheet type="text/xsl" href="javascript:${CANARY}"?>`),
    outcome: 'stored',
    check: titleIs('Attention Is All You Need'),
  },
  {
    name: 'a comment hiding a script inside the title',
    xml: () => withTitle(`Attention <!-- ${script} --> Is All You Need`),
    outcome: 'stored',
    check: (entries) => expect(entries[0]?.title).not.toContain('script'),
  },
  { name: 'a __proto__ element in an entry', xml: () => entryWith('<__proto__><polluted>yes</polluted></__proto__>'), outcome: 'rejected' },
  {
    name: 'constructor and prototype elements in an entry',
    xml: () => entryWith('<constructor><prototype><polluted>yes</polluted></prototype></constructor>'),
    outcome: 'rejected',
  },
  {
    name: 'a __proto__ attribute on a category',
    xml: () => attention('<category term="cs.LG"', '<category __proto__="polluted" term="cs.LG"'),
    outcome: 'stored',
    check: (entries) => expect(entries[0]?.categories).toEqual(['cs.CL', 'cs.LG']),
  },
  // Numbers and dates that are not what they claim.
  {
    name: 'absurd result counts',
    xml: () => attention('<opensearch:totalResults>1</opensearch:totalResults>', '<opensearch:totalResults>1e309</opensearch:totalResults>').replace('<opensearch:startIndex>0<', '<opensearch:startIndex>-99999999999999999999<'),
    outcome: 'stored',
    check: (entries) => expect(entries).toHaveLength(1),
  },
  {
    name: 'a publication date that is markup',
    xml: () => attention('<published>2017-06-12T17:57:34Z</published>', `<published>${escapeXml(script)}</published>`),
    outcome: 'stored',
    check: nothingParsed,
  },
  {
    name: 'a publication date in the year 9999 (it would pin the paper to the top)',
    xml: () => attention('<published>2017-06-12T17:57:34Z</published>', '<published>9999-12-31T00:00:00Z</published>'),
    outcome: 'stored',
    check: nothingParsed,
  },
  {
    name: 'a publication date before arXiv',
    xml: () => attention('<published>2017-06-12T17:57:34Z</published>', '<published>1970-01-01T00:00:00Z</published>'),
    outcome: 'stored',
    check: nothingParsed,
  },
  {
    name: 'a revision date that is impossible: the publication date stands in',
    xml: () => attention('<updated>2023-08-02T00:41:18Z</updated>', '<updated>9999-99-99T99:99:99Z</updated>'),
    outcome: 'stored',
    check: (entries) => expect(entries[0]?.updated).toBe('2017-06-12T17:57:34Z'),
  },
];
