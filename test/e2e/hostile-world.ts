import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeArxiv } from './fake-arxiv';

/**
 * Hostile papers for the end-to-end canary, derived in code from the real API entry of
 * 1706.03762 (and a hostile abstract page from its real capture); the fixtures are not edited.
 * Every payload, if it ever ran, would set `window.__pwned` and ask the fake arXiv for a
 * `/canary/…` path; markup that was merely inserted (an image, a frame) asks for one too.
 */
export const CANARY_PATH = '/canary/';
const RUN = `window.__pwned=1;fetch('https://arxiv.org${CANARY_PATH}script')`;

export const PAYLOADS = {
  img: `<img src="https://arxiv.org${CANARY_PATH}img" onerror="${RUN}">`,
  script: `<script>${RUN}</script>`,
  svg: `<svg onload="${RUN}"><circle r="9"/></svg>`,
  link: `<a href="javascript:${RUN}">click here</a>`,
  url: `javascript:${RUN}`,
  frame: `<iframe src="https://arxiv.org${CANARY_PATH}frame" srcdoc="<script>${RUN}</script>"></iframe>`,
  texLink: `\\href{javascript:${RUN}}{the code}`,
  mathImg: `$<img/src=x/onerror=${RUN}>$`,
  mathLink: `$\\href{javascript:${RUN}}{x^2}$`,
  mathStyle: `$\\style{background:url(https://arxiv.org${CANARY_PATH}style)}{x}$`,
  codeLink: `javascript://github.com/evil/repo%0a${RUN}`,
  /** A right-to-left override left open, and an isolate: they must not reorder what follows. */
  bidi: '\u202Eexe.txt\u202C \u2067isolated\u2069 \u202Eopen override',
} as const;

const ATTENTION_ID = '1706.03762';
export const MARKUP_ID = '2605.90001';
export const HUGE_ID = '2605.90002';
/** A word only the hostile papers' titles hold, to search for. */
export const MARKUP_WORD = 'Zanzibarine';
export const HUGE_WORD = 'Quetzalcoatlus';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeHtml = escapeXml;

/** `xml` with one change; throws when the change finds nothing, so a derivation never silently does nothing. */
function change(xml: string, find: string | RegExp, replace: string | ((...groups: string[]) => string)): string {
  const next = xml.replace(find, typeof replace === 'string' ? () => replace : replace);
  if (next === xml) throw new Error(`the derivation changed nothing: ${String(find)}`);
  return next;
}

export const markupTitle = `${MARKUP_WORD} ${PAYLOADS.img} ${PAYLOADS.script} ${PAYLOADS.mathLink} ${PAYLOADS.bidi} Attention`;
export const markupAbstract = [
  `We show ${PAYLOADS.svg} and ${PAYLOADS.link}; see ${PAYLOADS.url} or ${PAYLOADS.texLink}.`,
  `Math: ${PAYLOADS.mathImg} and ${PAYLOADS.mathStyle} and ${PAYLOADS.mathLink}. ${PAYLOADS.frame}`,
  `Bidi: ${PAYLOADS.bidi}. The dominant sequence transduction models are based on complex recurrent networks.`,
].join(' ');
export const markupComment = `${PAYLOADS.link} Code: ${PAYLOADS.codeLink} ${PAYLOADS.img}`;
export const markupJournal = `<a href=javascript:${RUN}>J. Evil 1</a> ${PAYLOADS.svg}`;
export const markupAuthors = [PAYLOADS.img, `${PAYLOADS.bidi} Noam Shazeer`, PAYLOADS.script, PAYLOADS.link];

export const hugeTitle = `${HUGE_WORD}: a one-megabyte abstract by ten thousand authors ${PAYLOADS.svg}`;
/** Over 1 MB of abstract, with the payloads scattered through it. */
export const hugeAbstract = Array.from({ length: 18_000 }, (_, i) =>
  i % 500 === 0 ? `${PAYLOADS.img} ${PAYLOADS.mathImg} ` : 'All work and no play makes a very long abstract of a paper. ',
).join('') + 'The end.';
export const HUGE_AUTHORS = 10_000;
const hugeAuthorName = (i: number) => (i % 1_000 === 7 ? `${PAYLOADS.img} ${i}` : `Author Number ${i}`);

function entry(base: string, id: string, published: string, parts: { title: string; summary: string; comment: string; authors: string[]; journal?: string }): string {
  let xml = base.replace(/1706\.03762/g, id);
  xml = change(xml, /<title>[^<]*<\/title>/, `<title>${escapeXml(parts.title)}</title>`);
  xml = change(xml, /<summary>[\s\S]*?<\/summary>/, `<summary>${escapeXml(parts.summary)}</summary>`);
  xml = change(xml, /<published>[^<]*<\/published>/, `<published>${published}</published>`);
  xml = change(xml, /<arxiv:comment>[^<]*<\/arxiv:comment>/, `<arxiv:comment>${escapeXml(parts.comment)}</arxiv:comment>`);
  const authors = parts.authors.map((name) => `<author><name>${escapeXml(name)}</name><arxiv:affiliation>${escapeXml(PAYLOADS.img)}</arxiv:affiliation></author>`);
  xml = change(xml, /(\s*<author>[\s\S]*<\/author>)/, `\n    ${authors.join('\n    ')}`);
  const extra = [
    parts.journal === undefined ? '' : `<arxiv:journal_ref>${escapeXml(parts.journal)}</arxiv:journal_ref>`,
    `<arxiv:doi>${escapeXml(PAYLOADS.url)}</arxiv:doi>`,
  ].join('');
  return change(xml, '<arxiv:primary_category term="cs.CL"/>', `<arxiv:primary_category term="cs.CL"/>${extra}`);
}

/** The two hostile papers under `query` (markup everywhere; 1 MB and 10,000 authors), newest first. */
export function addHostileWorld(fake: FakeArxiv, query: string): string[] {
  const base = fake.pool.get(ATTENTION_ID);
  if (!base) throw new Error('the attention entry is missing from the fixtures');
  const markup = entry(base, MARKUP_ID, '2026-05-31T12:00:00Z', {
    title: markupTitle,
    summary: markupAbstract,
    comment: markupComment,
    authors: markupAuthors,
    journal: markupJournal,
  });
  const huge = entry(base, HUGE_ID, '2026-05-31T11:00:00Z', {
    title: hugeTitle,
    summary: hugeAbstract,
    comment: `${PAYLOADS.frame} 10,000 authors`,
    authors: Array.from({ length: HUGE_AUTHORS }, (_, i) => hugeAuthorName(i)),
  });
  fake.world.set(query, [markup, huge]);
  fake.pool.set(MARKUP_ID, markup);
  fake.pool.set(HUGE_ID, huge);
  return [MARKUP_ID, HUGE_ID];
}

/**
 * The real abstract page of 1706.03762 made hostile for `id`: markup as text in the title and
 * abstract (as arXiv escapes it), live `javascript:` links, and look-alike Save controls planted
 * by the page (one claims the paper is saved, one names a path).
 */
export function hostileAbsPage(id: string): string {
  const capture = readFileSync(join(import.meta.dirname, '../fixtures/arxiv/html/abs_1706.03762.html'), 'utf8');
  const planted = [
    `<button type="button" data-paper-radar-save data-arxiv-id="${id}" aria-pressed="true">Saved to Paper Radar</button>`,
    `<button type="button" data-paper-radar-save data-arxiv-id="../../etc/passwd" aria-pressed="false">Save</button>`,
  ].join('');
  let html = capture.replace(/1706\.03762/g, id);
  html = change(
    html,
    /(<h1 class="title mathjax"><span class="descriptor">Title:<\/span>)Attention Is All You Need(<\/h1>)/,
    (_, open: string, close: string) => `${open}${escapeHtml(markupTitle)}${close}${planted}`,
  );
  html = change(html, /(<blockquote class="abstract mathjax">)[\s\S]*?(<\/blockquote>)/, (_, open: string, close: string) => `${open}${escapeHtml(markupAbstract)} <a href="javascript:void 0">Save</a>${close}`);
  return html;
}
