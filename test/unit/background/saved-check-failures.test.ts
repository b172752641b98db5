import { beforeEach, describe, expect, it } from 'vitest';
import { parseAtomFeed } from '../../../lib/arxiv/atom';
import type { ArxivEntry } from '../../../lib/arxiv/entry';
import { db } from '../../../lib/db/db';
import { libraryItems, savePaper } from '../../../lib/db/library';
import { getPapers } from '../../../lib/db/papers';
import { getSavedCheckState } from '../../../lib/db/saved-check';
import { derivedEntries } from '../../helpers/derived-world';
import { entryBlocks, feedXml } from '../../helpers/fake-arxiv-feed';
import { VirtualClock } from '../../helpers/virtual-clock';
import { DAY, HUNDREDS_OF_PAPERS_MS, MONDAY_EVENING, askedIds, idListAnswer, saveAll, setupCheck } from './saved-check-kit';
import newApi from '../../fixtures/arxiv/api/newapi_2025-11-11_idlist_4ids_3missing.xml?raw';
import oldApi from '../../fixtures/arxiv/api/oldapi_2025-08_idlist_4ids_3missing_empty_entries.xml?raw';
import errorFeed from '../../fixtures/arxiv/api/api_error_start.xml?raw';

const entry = (block: string): ArxivEntry => parseAtomFeed(feedXml([block], 1, 0, 1)).entries[0]!;
const [reactionBlock] = entryBlocks(newApi) as [string];
/** The ids of the fixtures' own request (id_list=2201.13455,2201.13452,2201.13453,2201.13454); arXiv knew one. */
const ASKED = ['2201.13452', '2201.13453', '2201.13454', '2201.13455'];
const LEFT_OUT = ['2201.13453', '2201.13454', '2201.13455'];

/**
 * Saves the four papers of the fixtures' request. Derived: arXiv has no papers 2201.13453-5, so
 * they are saved here with the real paper's metadata under their ids (as if arXiv's answer had
 * dropped papers it knows).
 */
async function saveTheFour(): Promise<void> {
  for (const id of ASKED) await savePaper(id, MONDAY_EVENING - DAY, { ...entry(reactionBlock), id });
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('the daily check when arXiv’s answer is not a full one', () => {
  it.each([
    ['the new API, which leaves unknown ids out', newApi],
    ['the old API, which sent an empty entry for each', oldApi],
  ])('keeps the papers %s, reports them and asks again at the next check', async (_name, answer) => {
    await saveTheFour();
    const before = await getPapers(LEFT_OUT);
    const { run, calls, clock } = setupCheck(() => ({ body: answer }));

    expect(await run()).toMatchObject({ state: 'done', requests: 1, missing: LEFT_OUT });
    expect(await getPapers(LEFT_OUT)).toEqual(before); // nothing deleted, nothing changed
    const items = await libraryItems(ASKED);
    expect(items.map((item) => item?.check)).toEqual([
      { at: MONDAY_EVENING },
      ...LEFT_OUT.map(() => ({ at: MONDAY_EVENING, missing: 1, missingSince: MONDAY_EVENING })),
    ]);

    // The next announcement: all four are asked again; the three are left out a second time.
    clock.advance(DAY);
    await run();
    expect(askedIds(calls[1]!.url).sort()).toEqual(ASKED);
    expect((await libraryItems(LEFT_OUT)).map((item) => item?.check)).toEqual(LEFT_OUT.map(() => ({ at: MONDAY_EVENING + DAY, missing: 2, missingSince: MONDAY_EVENING })));
  });

  it('clears the report when arXiv answers for a paper again', async () => {
    await saveTheFour();
    const { run, clock } = setupCheck((_url, call) => (call === 0 ? { body: newApi } : idListAnswer(ASKED.map((id) => reactionBlock.replaceAll('2201.13452', id)))(_url)));
    await run();
    clock.advance(DAY);
    expect(await run()).toMatchObject({ missing: [] });
    expect((await libraryItems(ASKED)).map((item) => item?.check)).toEqual(ASKED.map(() => ({ at: MONDAY_EVENING + DAY })));
  });

  it('notes arXiv’s refusal (an error feed) on the papers of that request, goes on with the next, and asks them again at the next check', async () => {
    // Derived: 400 saved papers, two requests; arXiv refuses the first with its real error feed (HTTP 400).
    const blocks = derivedEntries(400, { first: 10000 });
    const papers = parseAtomFeed(feedXml(blocks, 400, 0, 400)).entries;
    await saveAll(papers, MONDAY_EVENING - DAY);
    const ids = papers.map((p) => p.id);
    const before = await getPapers(ids);
    const { run, calls, clock } = setupCheck((url, call) => (call === 0 ? { status: 400, body: errorFeed } : idListAnswer(blocks)(url)));

    const report = await run();
    expect(report).toMatchObject({ state: 'done', requests: 2, missing: [] });
    expect(report.refused).toEqual(askedIds(calls[0]!.url));
    expect(await getPapers(ids)).toEqual(before);
    const [refused] = await libraryItems([report.refused[0]!]);
    expect(refused?.check).toEqual({ at: MONDAY_EVENING, problem: 'arXiv rejected the query: start must be an integer.' });

    clock.advance(DAY);
    const nextDay = clock.now();
    await run();
    expect(calls).toHaveLength(4);
    expect(askedIds(calls[2]!.url)).toEqual(askedIds(calls[0]!.url));
    expect((await libraryItems([report.refused[0]!]))[0]?.check).toEqual({ at: nextDay });
  }, HUNDREDS_OF_PAPERS_MS);

  it('stops when arXiv cannot be reached, and a restarted worker carries on at the retry with the papers not yet asked', async () => {
    const blocks = derivedEntries(400, { first: 10000 });
    await saveAll(parseAtomFeed(feedXml(blocks, 400, 0, 400)).entries, MONDAY_EVENING - DAY);
    const clock = new VirtualClock(MONDAY_EVENING);
    // The first request is answered; then arXiv is down (503 with Retry-After: 10 min, three attempts).
    const first = setupCheck((url, call) => (call === 0 ? idListAnswer(blocks)(url) : { status: 503, body: 'Service Unavailable', headers: { 'Retry-After': '600' } }), clock);

    expect(await first.run()).toMatchObject({ state: 'stopped', requests: 2 });
    expect(first.retries).toHaveLength(1);
    const state = await getSavedCheckState();
    expect(state).toMatchObject({ requests: 2, problem: expect.stringContaining('503'), retryAt: first.retries[0] });
    expect(state?.finishedAt).toBeUndefined();
    // Not before the retry, whatever wakes the worker.
    expect(await first.run()).toMatchObject({ state: 'not-due', requests: 0 });

    clock.advance(first.retries[0]! - clock.now());
    const restarted = setupCheck(idListAnswer(blocks), clock, first.spacing);
    const rest = await restarted.run();
    expect(rest).toMatchObject({ state: 'done', requests: 1 });
    expect(askedIds(restarted.calls[0]!.url)).toEqual(askedIds(first.calls[1]!.url));
    expect(new Set([...askedIds(first.calls[0]!.url), ...askedIds(restarted.calls[0]!.url)]).size).toBe(400);
    expect(await getSavedCheckState()).toEqual({ announcement: state!.announcement, startedAt: MONDAY_EVENING, requests: 3, finishedAt: clock.now() });
  }, HUNDREDS_OF_PAPERS_MS);
});
