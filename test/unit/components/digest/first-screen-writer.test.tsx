import { cleanup, render, waitFor } from '../../../helpers/dom-testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keptKeyResults } from '../../../../components/common/initial-screen';
import type { Services } from '../../../../components/common/services';
import { useFirstScreenWriter } from '../../../../components/digest/first-screen-writer';
import type { StoredPaper } from '../../../../lib/db/schema';
import { findKeyResult } from '../../../../lib/text/key-result';
import { readFirstScreen } from '../../../../lib/ui/first-screen';
import { testingPapers } from '../../../helpers/fixtures';

const KEY = 'paper-radar:digest-first-screen';
const T0 = Date.UTC(2026, 10, 23, 1, 30);

function pageStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

afterEach(cleanup);

describe('the screen a page keeps for the next one', () => {
  it('keeps each card’s key result, found afresh, so that the next first frame scans no abstract', async () => {
    const papers: StoredPaper[] = testingPapers.slice(0, 10).map((p) => ({ ...p, subs: ['testing'], unreadIn: ['testing'], unread: 1, addedAt: T0 }));
    const first = papers.slice(0, 8);
    // A screen an older version kept, with a claim today's code does not make.
    const old = { claim: 'An old claim.', sentence: 'An old sentence.' };
    const oldScreen = { filter: null, subscriptions: [], sync: { state: 'idle' as const }, papers: first, saved: [], more: true, keyResults: first.map(() => old) };
    const keyResult = keptKeyResults(findKeyResult, oldScreen);
    // The first frame: each card asks once, and is answered without a scan.
    for (const paper of first) expect(keyResult(paper.summary)).toEqual(old);

    const storage = pageStorage();
    const services = { storage, keyResult } as unknown as Services;
    function Page() {
      useFirstScreenWriter(services, KEY, {
        filter: undefined,
        header: { subscriptions: [], counts: { all: papers.length, bySubscription: {} } },
        sync: { state: 'idle' },
        feed: { papers, saved: [], more: false },
      });
      return null;
    }
    render(<Page />);
    await waitFor(() => expect(storage.getItem(KEY)).not.toBeNull());

    const kept = readFirstScreen(storage, KEY)!;
    expect(kept.keyResults).toEqual(first.map((p) => findKeyResult(p.summary)));
    expect(kept.keyResults!.filter((r) => r !== null).length).toBeGreaterThan(0);
    // The next page: the kept cards' key results without a scan; any other abstract is scanned.
    const scan = vi.fn(findKeyResult);
    const next = keptKeyResults(scan, kept);
    for (const [i, paper] of kept.papers.entries()) expect(next(paper.summary)).toEqual(kept.keyResults![i]);
    expect(scan).not.toHaveBeenCalled();
    expect(next(papers[9]!.summary)).toEqual(findKeyResult(papers[9]!.summary));
    expect(scan).toHaveBeenCalledTimes(1);
  });

  it('answers each card of the first screen from what was kept, also cards that share an abstract', () => {
    // Derived: two papers of the fixture under one abstract (as a store can hold a paper twice under other ids).
    const [a, b] = testingPapers as [StoredPaper, StoredPaper];
    const twin = { ...b, summary: a.summary };
    const result = { claim: 'A kept claim.', sentence: 'A kept sentence.' };
    const screen = { filter: null, subscriptions: [], sync: { state: 'idle' as const }, papers: [a, twin], saved: [], more: false, keyResults: [result, result] };
    const scan = vi.fn(findKeyResult);
    const keyResult = keptKeyResults(scan, screen);
    expect([keyResult(a.summary), keyResult(twin.summary)]).toEqual([result, result]);
    expect(scan).not.toHaveBeenCalled();
    // Asked again (a card drawn anew), the abstract is scanned.
    expect(keyResult(a.summary)).toEqual(findKeyResult(a.summary));
    expect(scan).toHaveBeenCalledTimes(1);
  });

  it('reads a kept screen whose key results do not fit its cards as one without them', () => {
    const storage = pageStorage();
    const paper = { ...testingPapers[0]!, subs: [], unreadIn: [], addedAt: T0 };
    const screen = { version: 1, filter: null, subscriptions: [], counts: { all: 0, bySubscription: {} }, sync: { state: 'idle' }, papers: [paper], saved: [], more: false };
    for (const keyResults of [[], [{ claim: 1 }], 'x', [null, null]]) {
      storage.setItem(KEY, JSON.stringify({ ...screen, keyResults }));
      const read = readFirstScreen(storage, KEY);
      expect(read?.papers.map((p) => p.id)).toEqual([paper.id]);
      expect(read?.keyResults).toBeUndefined();
    }
  });

  it('does not write again what the page before kept, and writes what changed', async () => {
    const papers: StoredPaper[] = testingPapers.slice(0, 9).map((p) => ({ ...p, subs: ['testing'], unreadIn: ['testing'], unread: 1, addedAt: T0 }));
    const storage = pageStorage();
    const services = { storage, keyResult: findKeyResult } as unknown as Services;
    function Page({ shown }: { shown: StoredPaper[] }) {
      useFirstScreenWriter(services, KEY, {
        filter: undefined,
        header: { subscriptions: [], counts: { all: shown.length, bySubscription: {} } },
        sync: { state: 'idle' },
        feed: { papers: shown, saved: [], more: false },
      });
      return null;
    }
    const first = render(<Page shown={papers.slice(0, 8)} />);
    await waitFor(() => expect(storage.getItem(KEY)).not.toBeNull());
    first.unmount();
    const keptBefore = storage.getItem(KEY);
    // The next page, over the same papers: it reads what is kept, and leaves it.
    const getItem = vi.spyOn(storage, 'getItem');
    const setItem = vi.spyOn(storage, 'setItem');
    const second = render(<Page shown={papers.slice(0, 8)} />);
    await waitFor(() => expect(getItem).toHaveBeenCalledWith(KEY));
    expect(setItem).not.toHaveBeenCalled();
    second.unmount();
    // A page whose first card is another paper writes it.
    render(<Page shown={papers.slice(1, 9)} />);
    await waitFor(() => expect(setItem).toHaveBeenCalledTimes(1));
    expect(storage.getItem(KEY)).not.toBe(keptBefore);
    expect(readFirstScreen(storage, KEY)!.papers[0]!.id).toBe(papers[1]!.id);
  });
});
