/** How much the benchmark does: the budgets' sizes, or tiny ones that only prove it still runs. */
export interface BenchSizes {
  smoke: boolean;
  /** Entries in the API page parsed. */
  parseEntries: number;
  parseRuns: number;
  /** Papers stored before anything is timed in Chromium. */
  storedPapers: number;
  ingestNew: number;
  ingestRuns: number;
  reingestKnown: number;
  reingestRuns: number;
  /** Papers clicked (read, hidden, saved), one at a time. */
  clickRuns: number;
  feedRuns: number;
  upgradeRuns: number;
  /** Labels (saves and dismissals) ranking learns from. */
  labels: number;
  rankBuildRuns: number;
  rankRuns: number;
  syncedPapers: number;
  /** Opens of each page (the extension's and the static one, alternating), after `paintWarmups` untimed ones. */
  paintRuns: number;
  paintWarmups: number;
  /** Keystrokes timed in the search box. */
  searchKeystrokes: number;
  /** Saved papers in the Library measured, and how often it is opened. */
  libraryPapers: number;
  libraryRuns: number;
  /** The scale run (scale.run.ts): subscriptions, and papers stored in each. */
  scaleSubscriptions: number;
  scalePerSubscription: number;
  /** Of those, how many take part in the syncs (each waits out arXiv's 3 s spacing). */
  scaleSyncing: number;
}

export const FULL: BenchSizes = {
  smoke: false,
  parseEntries: 2000,
  parseRuns: 30,
  storedPapers: 50_000,
  ingestNew: 100,
  ingestRuns: 30,
  reingestKnown: 100,
  reingestRuns: 30,
  clickRuns: 30,
  feedRuns: 30,
  upgradeRuns: 3,
  labels: 200,
  rankBuildRuns: 3,
  rankRuns: 10,
  syncedPapers: 2000,
  paintRuns: 15,
  paintWarmups: 2,
  searchKeystrokes: 60,
  libraryPapers: 2000,
  libraryRuns: 5,
  scaleSubscriptions: 50,
  scalePerSubscription: 2000,
  scaleSyncing: 3,
};

export const SMOKE: BenchSizes = {
  smoke: true,
  parseEntries: 200,
  parseRuns: 2,
  storedPapers: 300,
  ingestNew: 50,
  ingestRuns: 2,
  reingestKnown: 20,
  reingestRuns: 2,
  clickRuns: 2,
  feedRuns: 2,
  upgradeRuns: 1,
  labels: 20,
  rankBuildRuns: 1,
  rankRuns: 2,
  syncedPapers: 50,
  paintRuns: 1,
  paintWarmups: 0,
  searchKeystrokes: 4,
  libraryPapers: 100,
  libraryRuns: 1,
  scaleSubscriptions: 6,
  // Not the default 200: the run sets it in the options, and an unchanged value is not saved.
  scalePerSubscription: 240,
  scaleSyncing: 1,
};

export function benchSizes(env: NodeJS.ProcessEnv = process.env): BenchSizes {
  return env.BENCH_SMOKE === '1' ? SMOKE : FULL;
}
