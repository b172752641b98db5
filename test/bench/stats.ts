/** One line of the table and of `bench-results.json`. */
export interface BenchResult {
  name: string;
  median: number;
  /** Only where the budget is about the slow end (search) or where it tells something. */
  p95: number | null;
  unit: string;
  /** The budget as DESIGN.md states it, or "report" for a figure without one. */
  budget: string;
  /** null for a figure without a budget. */
  pass: boolean | null;
  /** How many samples the figures are made of. */
  runs: number;
  /** What was compared or how it was measured, for the reader of the table. */
  note?: string;
}

/** The value below which `p` of the samples fall (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil(p * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

export const median = (samples: readonly number[]) => {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

function cell(value: number | null, unit: string): string {
  if (value === null || Number.isNaN(value)) return '–';
  const digits = unit === '×' ? 2 : unit === 'KB' || unit === 'MB' ? 1 : value < 10 ? 2 : 1;
  return `${value.toFixed(digits)} ${unit}`;
}

const verdict = (pass: boolean | null, enforced: boolean) =>
  pass === null ? 'report' : !enforced ? (pass ? 'pass (smoke)' : 'miss (smoke)') : pass ? 'pass' : 'FAIL';

/** The table as Markdown: what `npm run bench` prints and the README shows. */
export function table(results: readonly BenchResult[], enforced: boolean): string {
  const rows = results.map((r) => [r.name, cell(r.median, r.unit), cell(r.p95, r.unit), r.budget, verdict(r.pass, enforced), String(r.runs)]);
  const header = ['figure', 'median', 'p95', 'budget', 'verdict', 'runs'];
  const lines = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`);
  const notes = results.filter((r) => r.note).map((r) => `- ${r.name}: ${r.note}`);
  return [...lines, '', ...notes].join('\n');
}
