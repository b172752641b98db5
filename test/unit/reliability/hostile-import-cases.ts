/**
 * Hostile backup files beyond those in test/unit/backup/hostile-files.test.ts, each derived from
 * the real export of a seeded profile (`valid`, parsed) by one change.
 */
type Json = Record<string, unknown>;
export type Backup = Json & { library: Json[]; subscriptions: Json[]; settings: Json };

export interface ImportCase {
  name: string;
  text: (valid: Backup) => string;
  /** `rejected`: refused with this message and nothing changes; `stored`: imported, as text. */
  outcome: { rejected: RegExp } | { stored: (valid: Backup) => [id: string, title: string] };
}

function variant(valid: Backup, change: (backup: Backup) => void): string {
  const copy = structuredClone(valid);
  change(copy);
  return JSON.stringify(copy);
}

const paperOf = (backup: Backup, i: number) => backup.library[i]!.paper as Json;
const TRICKY_TITLE = 'Attention \u202Egnp.exe\u202C <script>globalThis.__paperRadarCanary = 1</script>\u0000 \uD800';

export const importCases: ImportCase[] = [
  { name: 'JSON nested 100,000 deep', text: () => `${'['.repeat(100_000)}${']'.repeat(100_000)}`, outcome: { rejected: /^This is not a Paper Radar backup|^Not valid JSON/ } },
  { name: 'a subscription whose id is __proto__', text: (v) => variant(v, (b) => (b.subscriptions[0]!.id = '__proto__')), outcome: { rejected: /^subscriptions\[0\]\.id: / } },
  { name: 'a subscription whose id is constructor', text: (v) => variant(v, (b) => (b.subscriptions[0]!.id = 'constructor')), outcome: { rejected: /^subscriptions\[0\]\.id: / } },
  { name: 'two subscriptions with one id', text: (v) => variant(v, (b) => (b.subscriptions[1]!.id = b.subscriptions[0]!.id)), outcome: { rejected: /^subscriptions\[1\]\.id: the subscription "[^"]+" appears twice/ } },
  { name: '101 tags on one paper', text: (v) => variant(v, (b) => (b.library[0]!.tags = Array.from({ length: 101 }, (_, i) => `t${i}`))), outcome: { rejected: /^library\[0\]\.tags: a list of 101 items/ } },
  { name: 'a note of 100,001 characters', text: (v) => variant(v, (b) => (b.library[0]!.note = 'n'.repeat(100_001))), outcome: { rejected: /^library\[0\]\.note: text of 100001 characters/ } },
  { name: 'a javascript: PDF link', text: (v) => variant(v, (b) => (paperOf(b, 3).pdfUrl = 'javascript:alert(1)')), outcome: { rejected: /^library\[3\]\.paper\.pdfUrl: expected a link starting with https:\/\/arxiv\.org\/pdf\// } },
  { name: 'a PDF link on a look-alike host', text: (v) => variant(v, (b) => (paperOf(b, 3).pdfUrl = 'https://arxiv.org.evil.example/pdf/1706.03762')), outcome: { rejected: /^library\[3\]\.paper\.pdfUrl: / } },
  { name: 'a paper id with a NUL byte', text: (v) => variant(v, (b) => (b.library[0]!.id = `${String(b.library[0]!.id)}\u0000`)), outcome: { rejected: /^library\[0\]\.id: .* is not an arXiv id/ } },
  { name: '10,001 authors on one paper', text: (v) => variant(v, (b) => (paperOf(b, 3).authors = Array.from({ length: 10_001 }, (_, i) => ({ name: `A${i}`, affiliations: [] })))), outcome: { rejected: /^library\[3\]\.paper\.authors: a list of 10001 items/ } },
  { name: '200,001 saved papers', text: (v) => variant(v, (b) => (b.library = Array<Json>(200_001).fill(b.library[0]!))), outcome: { rejected: /^library: a list of 200001 items/ } },
  { name: 'an export date that is not a date', text: (v) => variant(v, (b) => (b.exportedAt = '<script>')), outcome: { rejected: /^exportedAt: expected a date/ } },
  {
    name: 'a title with bidi controls, markup, NUL and a lone surrogate',
    text: (v) => variant(v, (b) => (paperOf(b, 3).title = TRICKY_TITLE)),
    outcome: { stored: (v) => [String(v.library[3]!.id), TRICKY_TITLE] },
  },
];
