import { beforeEach, describe, expect, it } from 'vitest';
import { parseAtomFeed } from '../../../lib/arxiv/atom';
import { entryOf, type ArxivEntry } from '../../../lib/arxiv/entry';
import { toBibtex } from '../../../lib/cite/bibtex';
import { toRis } from '../../../lib/cite/ris';
import { db } from '../../../lib/db/db';
import { markAllRead } from '../../../lib/db/feed';
import { ingest } from '../../../lib/db/ingest';
import { libraryEntries, savePaper, setNote, setTags } from '../../../lib/db/library';
import { getPaper } from '../../../lib/db/papers';
import { changeSinceSaved } from '../../../lib/watch/changes';
import { gaps } from '../../helpers/fake-fetch';
import { derivedEntries } from '../../helpers/derived-world';
import { entryBlocks, feedXml } from '../../helpers/fake-arxiv-feed';
import { DAY, HUNDREDS_OF_PAPERS_MS, MONDAY_EVENING, askedIds, idListAnswer, saveAll, setupCheck } from './saved-check-kit';
import { revisedBlock } from '../../helpers/revised-entry';
import newApi from '../../fixtures/arxiv/api/newapi_2025-11-11_idlist_4ids_3missing.xml?raw';
import attentionXml from '../../fixtures/arxiv/api/api_1706.03762.xml?raw';
import higgsXml from '../../fixtures/arxiv/api/api_1207.7214.xml?raw';

const [reactionBlock] = entryBlocks(newApi) as [string];
const [attentionBlock] = entryBlocks(attentionXml) as [string];
const entry = (block: string): ArxivEntry => parseAtomFeed(feedXml([block], 1, 0, 1)).entries[0]!;
const reaction = entry(reactionBlock);
const attention = entry(attentionBlock);
const higgs = parseAtomFeed(higgsXml).entries[0]!;

/** What the library shows of a saved paper: its metadata, the reader's state, and the change since it was saved. */
async function saved(id: string) {
  const found = (await libraryEntries()).find((e) => e.item.id === id)!;
  return { ...found, change: found.paper && found.item.baseline ? changeSinceSaved(found.item.baseline, found.paper) : null };
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('the daily check of saved papers, on real id_list answers', () => {
  it('stores a new version with the reader’s state kept, marks it "v2 since you saved v1", and tells the reader once', async () => {
    // Found by a subscription, read, saved with a tag and a note; then arXiv announces v2
    // (derived here from the real v1 entry of the new API's id_list answer).
    await ingest([reaction], 'pde', MONDAY_EVENING - 3 * DAY);
    await markAllRead(MONDAY_EVENING - 3 * DAY + 1);
    await savePaper(reaction.id, MONDAY_EVENING - 2 * DAY);
    await setTags(reaction.id, ['to cite']);
    await setNote(reaction.id, 'check Theorem 2');
    const v2 = revisedBlock(reactionBlock, { version: 2, updated: '2026-11-23T19:00:00Z', addToSummary: 'We also treat the case of two host species.', comment: '36 pages, 2 figures' });
    const { run, calls, told, clock } = setupCheck(idListAnswer([v2]));

    expect(await run()).toMatchObject({ state: 'done', requests: 1, updated: [reaction.id], missing: [] });
    expect(askedIds(calls[0]!.url)).toEqual([reaction.id]);
    const after = await saved(reaction.id);
    expect(after.paper).toMatchObject({ version: 2, comment: '36 pages, 2 figures', subs: ['pde'], readAt: MONDAY_EVENING - 3 * DAY + 1 });
    expect(after.paper!.summary).toMatch(/two host species\.$/);
    expect(after.item).toMatchObject({ tags: ['to cite'], note: 'check Theorem 2', savedAt: MONDAY_EVENING - 2 * DAY });
    expect(after.change).toEqual({ savedVersion: 1, version: 2, revisedAt: '2026-11-23T19:00:00Z', fields: ['abstract', 'comment'], withdrawn: false });
    expect(told).toEqual([[{ id: reaction.id, title: reaction.title, change: after.change }]]);

    // Once per announcement: later the same evening nothing is asked; the next evening the paper
    // is asked again, is still v2, and nothing is told twice.
    clock.advance(2 * 3_600_000);
    expect(await run()).toMatchObject({ state: 'not-due', requests: 0 });
    clock.advance(DAY);
    expect(await run()).toMatchObject({ state: 'done', requests: 1, updated: [] });
    expect(calls).toHaveLength(2);
    expect(told).toHaveLength(1);
  });

  it('marks a paper published when arXiv adds a journal reference and DOI, and the citations carry them', async () => {
    // Derived: the ATLAS paper as saved before its journal reference and DOI; arXiv's real answer has both.
    const preprint: ArxivEntry = { ...higgs };
    delete preprint.journalRef;
    delete preprint.doi;
    await savePaper(higgs.id, MONDAY_EVENING - DAY, preprint);
    expect(toBibtex(entryOf((await getPaper(higgs.id))!))).not.toMatch(/journal=|doi=/);
    const { run, told } = setupCheck(() => ({ body: higgsXml }));

    expect(await run()).toMatchObject({ requests: 1, updated: [higgs.id] });
    const after = await saved(higgs.id);
    expect(after.change).toMatchObject({ savedVersion: 2, version: 2, published: { journalRef: 'Phys.Lett. B716 (2012) 1-29', doi: '10.1016/j.physletb.2012.08.020' } });
    expect(told.flat().map((c) => c.id)).toEqual([higgs.id]);
    const cited = entryOf(after.paper!);
    expect(toBibtex(cited)).toContain('journal={Phys.Lett. B716 (2012) 1-29},');
    expect(toBibtex(cited)).toContain('doi={10.1016/j.physletb.2012.08.020},');
    expect(toRis(cited)).toMatch(/^TY {2}- JOUR$/m);
    expect(toRis(cited)).toMatch(/^DO {2}- 10\.1016\/j\.physletb\.2012\.08\.020$/m);
  });

  it('marks a withdrawn paper and keeps it, with its note, in the library', async () => {
    await savePaper(attention.id, MONDAY_EVENING - DAY, attention);
    await setNote(attention.id, 'the transformer paper');
    // Derived: a v8 whose comment is a real withdrawal notice from arXiv's search page.
    const comment = 'This paper has been withdrawn because it was submitted prematurely and without the full consent and review of all listed co-authors';
    const { run, told } = setupCheck(idListAnswer([revisedBlock(attentionBlock, { version: 8, updated: '2026-11-23T19:00:00Z', comment })]));

    await run();
    const after = await saved(attention.id);
    expect(after.item.note).toBe('the transformer paper');
    expect(after.paper).toMatchObject({ version: 8, comment, title: attention.title });
    expect(after.change).toMatchObject({ savedVersion: 7, version: 8, withdrawn: true });
    expect(told.flat().map((c) => c.change.withdrawn)).toEqual([true]);
  });

  it('asks for every saved paper in one request per batch, 3 s apart, and finds no change where there is none', async () => {
    // Derived: 400 saved papers (the 40 real testing entries under ids 2605.10000 …) and the attention paper: two URLs' worth.
    const blocks = [...derivedEntries(400, { first: 10000 }), attentionBlock];
    await saveAll(parseAtomFeed(feedXml(blocks, blocks.length, 0, blocks.length)).entries, MONDAY_EVENING - DAY);
    const { run, calls, told } = setupCheck(idListAnswer(blocks));

    expect(await run()).toMatchObject({ state: 'done', requests: 2, updated: [], missing: [], refused: [] });
    expect(calls.map((c) => askedIds(c.url).length)).toEqual([358, 43]);
    expect(new Set(calls.flatMap((c) => askedIds(c.url))).size).toBe(401);
    expect(Math.min(...gaps(calls))).toBeGreaterThanOrEqual(3000);
    expect(told).toEqual([]);
  }, HUNDREDS_OF_PAPERS_MS);

  it('does not ask for a save still waiting for its first lookup (the lookup of pending saves does)', async () => {
    await savePaper(reaction.id, MONDAY_EVENING - DAY, reaction);
    await savePaper('2611.00001', MONDAY_EVENING - DAY); // pending: its metadata was never fetched
    const { run, calls } = setupCheck(idListAnswer([reactionBlock]));
    await run();
    expect(calls.map((c) => askedIds(c.url))).toEqual([[reaction.id]]);
  });
});
