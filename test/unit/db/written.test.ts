import { Dexie, RangeSet } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../lib/db/db';
import { newStoredPaper } from '../../../lib/db/ingest';
import { savePaper, setTags } from '../../../lib/db/library';
import { deletePapers, editPapers, putPapers } from '../../../lib/db/papers';
import { onLibraryWritten, onPapersWritten } from '../../../lib/db/written';
import { derivedPapers } from '../../helpers/derived-world';

const T0 = Date.UTC(2026, 10, 23, 1, 30);
const stored = derivedPapers(6, { yymm: '2611', newestAt: Date.UTC(2026, 10, 20) }).map((e) => newStoredPaper(e, ['testing'], T0));
// In IndexedDB's order: a < b < c < d.
const [a, b, c, d] = stored.map((p) => p.id).sort() as [string, string, string, string];

/** Counts the calls of a watcher until `stop`; Dexie tells listeners after the commit, a moment later. */
function counter(watch: (onWrite: () => void) => () => void) {
  let calls = 0;
  const stop = watch(() => calls++);
  return { calls: () => calls, stop };
}
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(async () => {
  await db.delete();
  await db.open();
  await putPapers(stored);
});

describe('writes watched by id (what the Library reads its saved papers by)', () => {
  it('tells a write to one of the ids, and not a write to other papers', async () => {
    const watched = counter((onWrite) => onPapersWritten(onWrite, [c, a]));
    await editPapers([b, d], (p) => ({ ...p, readAt: T0 + 1 }));
    await settled();
    expect(watched.calls()).toBe(0);
    await editPapers([c], (p) => ({ ...p, readAt: T0 + 1 }));
    await settled();
    expect(watched.calls()).toBe(1);
    await deletePapers([a]);
    await settled();
    expect(watched.calls()).toBe(2);
    watched.stop();
    await editPapers([c], (p) => ({ ...p, readAt: T0 + 2 }));
    await settled();
    expect(watched.calls()).toBe(2);
  });

  it('tells every write when no ids are given, and a write to the library only to the library watcher', async () => {
    const papers = counter((onWrite) => onPapersWritten(onWrite));
    const library = counter(onLibraryWritten);
    await editPapers([d], (p) => ({ ...p, readAt: T0 + 1 }));
    await settled();
    expect([papers.calls(), library.calls()]).toEqual([1, 0]);
    await savePaper(a, T0 + 2);
    await settled();
    await setTags(a, ['reading group']);
    await settled();
    expect(library.calls()).toBe(2);
    papers.stop();
    library.stop();
  });

  it('reads a write told by another page, whose ranges arrive as plain trees', async () => {
    // What Dexie's BroadcastChannel delivers: the written parts, structured-cloned (derived here
    // from a RangeSet of two ranges; no page of the test sends it).
    const part = `idb://paper-radar/papers/`;
    const watched = counter((onWrite) => onPapersWritten(onWrite, [b]));
    const elsewhere = (from: string, to: string) => structuredClone({ [part]: new RangeSet(from, to).add({ from: 'x', to: 'z' }) });
    Dexie.on('storagemutated').fire(elsewhere(c, d));
    expect(watched.calls()).toBe(0);
    // A range around the id (a page that cleared part of the store) is a write to it.
    Dexie.on('storagemutated').fire(elsewhere(a, c));
    expect(watched.calls()).toBe(1);
    // A page shown again from the back-forward cache may have missed anything: Dexie says "all".
    Dexie.on('storagemutated').fire({ all: new RangeSet(-Infinity, [[]]) });
    expect(watched.calls()).toBe(2);
    watched.stop();
  });
});
