import { describe, expect, it } from 'vitest';
import { PaperSearchEngine, type PaperSource, type SearchablePaper } from '../../../lib/search/paper-search';
import { testingPapers } from '../../helpers/fixtures';

function sourceOf(papers: SearchablePaper[]): PaperSource & { reads: number } {
  const byId = new Map(papers.map((p) => [p.id, p]));
  const source = {
    reads: 0,
    allIds: async () => papers.map((p) => p.id),
    papers: async (ids: string[]) => {
      source.reads++;
      return ids.map((id) => byId.get(id));
    },
  };
  return source;
}

/** A pause the test releases by hand, to look at the engine between steps. */
function steppedPause() {
  const waiting: (() => void)[] = [];
  return {
    pause: () => new Promise<void>((resolve) => waiting.push(resolve)),
    step: async () => {
      waiting.shift()?.();
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
  };
}

describe('PaperSearchEngine', () => {
  it('finds papers by a word of the abstract once built, newest first', async () => {
    const engine = new PaperSearchEngine(sourceOf(testingPapers), { readSize: 7, segmentSize: 9, pause: async () => undefined });
    await engine.build();
    expect(engine.ready).toBe(true);
    const all = engine.search('testing', 100);
    expect(all.complete).toBe(true);
    const order = testingPapers.map((p) => p.id);
    expect(all.ids.map((id) => order.indexOf(id))).toEqual([...all.ids.map((id) => order.indexOf(id))].sort((a, b) => a - b));
    // Every fixture paper came from `search_query=testing`, but not all say "testing" in a searched field.
    expect(all.total).toBeGreaterThan(20);
  });

  it('answers while reading: the newest matches first, the rest as papers are read', async () => {
    const { pause, step } = steppedPause();
    const engine = new PaperSearchEngine(sourceOf(testingPapers), { readSize: 10, segmentSize: 10, pause });
    let finished = false;
    void engine.build().then(() => (finished = true));
    await step(); // the first 10 papers are read
    const early = engine.search('testing', 100);
    expect(early.complete).toBe(false);
    expect(early.progress).toMatchObject({ loaded: 10, total: 40 });
    for (let i = 0; i < 100 && !finished; i++) await step();
    expect(finished).toBe(true);
    const late = engine.search('testing', 100);
    expect(late.complete).toBe(true);
    expect(late.ids.slice(0, early.ids.length)).toEqual(early.ids);
    expect(late.total).toBeGreaterThan(early.total);
  });

  it('gives the same answers scanning as indexed', async () => {
    const { pause, step } = steppedPause();
    // A segment larger than the store: every paper is read before any is indexed.
    const engine = new PaperSearchEngine(sourceOf(testingPapers), { readSize: 40, segmentSize: 100, pause });
    void engine.build();
    await step(); // all read, nothing indexed yet: answers come from the scan
    expect(engine.progress).toMatchObject({ loaded: 40, indexed: 0 });
    const queries = ['test', 'softw test', 'fuzz', 'neural net', 'quantum', 'model check', 'zzz'];
    const scanned = queries.map((q) => engine.search(q, 100));
    for (let i = 0; i < 100 && !engine.ready; i++) await step();
    expect(engine.ready).toBe(true);
    queries.forEach((q, i) => expect(engine.search(q, 100).ids, q).toEqual(scanned[i]!.ids));
  });

  it('indexes as it reads, so a query never scans more than a segment of papers one by one', async () => {
    const { pause, step } = steppedPause();
    const engine = new PaperSearchEngine(sourceOf(testingPapers), { readSize: 10, segmentSize: 10, pause });
    void engine.build();
    const seen: { loaded: number; indexed: number }[] = [];
    for (let i = 0; i < 200 && !engine.ready; i++) {
      await step();
      seen.push(engine.progress);
    }
    expect(engine.ready).toBe(true);
    // Before the last papers are read, the first ones are in the index already.
    expect(seen.some((p) => p.loaded < 40 && p.indexed >= 10)).toBe(true);
    expect(Math.max(...seen.map((p) => p.loaded - p.indexed))).toBeLessThanOrEqual(20);
  });

  it('skips papers removed while it was reading', async () => {
    const source = sourceOf(testingPapers);
    const removed = testingPapers[3]!.id;
    const papers = source.papers;
    source.papers = async (ids) => (await papers(ids)).map((p) => (p?.id === removed ? undefined : p));
    const engine = new PaperSearchEngine(source, { pause: async () => undefined });
    await engine.build();
    expect(engine.search(removed, 10).ids).not.toContain(removed);
  });
});
