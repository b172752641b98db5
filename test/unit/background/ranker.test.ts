import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bestNewTitles } from '../../../lib/background/best-new';
import { Ranker, MIN_SAVED_FOR_RANKING } from '../../../lib/background/ranker';
import { db } from '../../../lib/db/db';
import { hidePapers } from '../../../lib/db/feed';
import { ingest } from '../../../lib/db/ingest';
import { savePaper, unsavePaper } from '../../../lib/db/library';
import { featureChunks, forYouPage, getRankModel, getRanking, markNotInterested, notInterestedPapers, takeBackNotInterested } from '../../../lib/db/ranking';
import { derivedPapers } from '../../helpers/derived-world';
import { RANKING_HEAD } from '../../../lib/db/layout';
import { fixtureFeed } from '../rank/corpus';

const T0 = Date.UTC(2026, 7, 13, 12);
const feed = fixtureFeed();
const field = (name: string) => feed.filter((p) => p.field === name).map((p) => p.paper);
const testing = field('cs.SE');
const language = field('cs.CL');

beforeEach(async () => {
  await db.delete();
  await db.open();
  await ingest(feed.map((p) => p.paper), 'everything', T0 - 10 * 86_400_000);
});

/** The rankers a test built stop after it: test files share one module graph, and a ranker watches paper writes. */
const rankers: Ranker[] = [];
afterEach(async () => {
  await Promise.all(rankers.splice(0).map((r) => r.stop()));
});
const kept = (r: Ranker) => (rankers.push(r), r);
const ranker = (now = T0) => kept(new Ranker({ now: () => now, debounceMs: 0 }));

describe('the ranker in the background', () => {
  it('answers every ask, those that made one ranking together too, and an ask dropped when it stops', async () => {
    for (const paper of testing.slice(0, MIN_SAVED_FOR_RANKING)) await savePaper(paper.id, T0);
    const asked = ranker();
    await Promise.all([asked.request(), asked.request(), asked.request()]);
    expect((await getRanking())!.ids.length).toBeGreaterThan(0);
    const later = kept(new Ranker({ now: () => T0, debounceMs: 60_000 }));
    const dropped = later.request();
    await later.stop();
    await dropped;
  });

  it('ranks nothing before the reader has saved a few papers, then puts papers like the saved ones first', async () => {
    for (const paper of testing.slice(0, MIN_SAVED_FOR_RANKING - 1)) await savePaper(paper.id, T0);
    await ranker().run();
    expect(await getRanking()).toBeUndefined();
    await savePaper(testing[2]!.id, T0);
    await markNotInterested([language[0]!.id, language[1]!.id], T0);
    await ranker().run();
    const ranking = (await getRanking())!;
    const top = (await forYouPage(ranking, 10)).papers;
    const testingIds = new Set(testing.map((p) => p.id));
    expect(top.filter((p) => testingIds.has(p.id)).length).toBeGreaterThanOrEqual(8);
    // Hidden by "not interested": never in the order shown.
    expect((await forYouPage(ranking, 1000)).papers.map((p) => p.id)).not.toContain(language[0]!.id);
    expect(ranking.why.slice(0, 10).every((line) => line.length > 0 && line.length < 120)).toBe(true);
    console.log('why lines:', ranking.why.slice(0, 5));
  });

  it('answers a request made during a ranking once a ranking that knows of it is stored', async () => {
    for (const paper of testing.slice(0, 3)) await savePaper(paper.id, T0);
    let open = () => undefined as void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    // The first ranking reads what is saved, then waits at its next breath.
    let pauses = 0;
    let reading = () => undefined as void;
    const readSaves = new Promise<void>((resolve) => (reading = resolve));
    const held = kept(new Ranker({ now: () => T0, debounceMs: 0, pause: () => (pauses++ === 0 ? Promise.resolve() : (reading(), gate)) }));
    const first = held.run();
    await readSaves;
    await savePaper(testing[3]!.id, T0 + 1); // saved while the first ranking runs
    const second = held.run();
    const third = held.run();
    open();
    await second;
    expect((await getRankModel())!.labels).toContain(testing[3]!.id);
    await Promise.all([first, third]);
  });

  it('learns from "not interested": papers like the dismissed ones sink', async () => {
    for (const paper of testing.slice(0, 3)) await savePaper(paper.id, T0);
    await ranker().run();
    const before = (await getRanking())!.ids;
    await markNotInterested(language.slice(0, 8).map((p) => p.id), T0);
    await ranker().run();
    const after = (await getRanking())!.ids;
    const rest = new Set(language.slice(8).map((p) => p.id));
    const meanRank = (ids: string[]) => ids.flatMap((id, i) => (rest.has(id) ? [i / ids.length] : [])).reduce((a, b) => a + b, 0) / rest.size;
    expect(meanRank(after)).toBeGreaterThan(meanRank(before));
    expect((await notInterestedPapers()).map((p) => p.id)).toHaveLength(8);
    await takeBackNotInterested([language[0]!.id]);
    expect((await notInterestedPapers()).map((p) => p.id)).toHaveLength(7);
  });

  it('gives papers of a later sync their place without learning anew, and says the newest arrived first', async () => {
    for (const paper of testing.slice(0, 3)) await savePaper(paper.id, T0);
    await ranker().run();
    const model = (await getRankModel())!;
    const arrivals = derivedPapers(5, { yymm: '2608', first: 1, newestAt: T0 });
    await ingest(arrivals, 'everything', T0 + 1000);
    await ranker(T0 + 2000).refreshIfStale();
    const ranking = (await getRanking())!;
    expect(ranking.ids.slice(0, 5).sort()).toEqual(arrivals.map((e) => e.id).sort());
    expect(ranking.freshness.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 2]);
    expect((await getRankModel())!.vocabularyId).toBe(model.vocabularyId);
    expect((await featureChunks()).flatMap((c) => c.ids)).toHaveLength(feed.length + 5);
  });

  it('puts under "Arrived today" only the news among what a sync brought: an old paper a new subscription found comes under "Earlier"', async () => {
    for (const paper of testing.slice(0, 3)) await savePaper(paper.id, T0);
    await ranker().run();
    // A sync brings two papers announced today and two of 2019 (derived ids and dates).
    const news = derivedPapers(2, { yymm: '2608', first: 1, newestAt: T0 - 86_400_000 });
    const old = derivedPapers(2, { yymm: '1905', first: 1, newestAt: Date.UTC(2019, 4, 20) });
    await ingest([...news, ...old], 'everything', T0 + 1000);
    await ranker(T0 + 2000).refreshIfStale();
    const ranking = (await getRanking())!;
    const freshness = new Map(ranking.ids.map((id, i) => [id, ranking.freshness[i]]));
    expect(news.map((p) => freshness.get(p.id))).toEqual([0, 0]);
    expect(old.map((p) => freshness.get(p.id))).toEqual([2, 2]);
    // One dated five days ago is today's news still (a holiday skipped a mailing); one dated
    // eight days ago, this week's.
    const [afterHoliday, lastWeek] = [5, 8].map((days) => derivedPapers(1, { yymm: '2608', first: 10 + days, newestAt: T0 - days * 86_400_000 })[0]!);
    await ingest([afterHoliday!, lastWeek!], 'everything', T0 + 3000);
    await ranker(T0 + 4000).refreshIfStale();
    const later = (await getRanking())!;
    expect([afterHoliday!, lastWeek!].map((p) => later.freshness[later.ids.indexOf(p.id)])).toEqual([0, 1]);
  });

  it('ranks, while the worker stays awake, what the feed holds now: a paper dismissed or hidden since is out, one taken back and papers arrived since are in', async () => {
    const awake = kept(new Ranker({ now: () => T0 + 2000, debounceMs: 0 }));
    for (const paper of testing.slice(0, 3)) await savePaper(paper.id, T0);
    await awake.run();
    expect((await getRanking())!.ids).toContain(language[0]!.id);
    await markNotInterested([language[0]!.id], T0);
    await awake.run();
    expect((await getRanking())!.ids).not.toContain(language[0]!.id);
    // One paper hidden and another taken back: as many papers in the feed as before, and the same newest.
    await hidePapers([language[5]!.id], T0);
    await takeBackNotInterested([language[0]!.id]);
    await awake.run();
    expect((await getRanking())!.ids).toContain(language[0]!.id);
    expect((await getRanking())!.ids).not.toContain(language[5]!.id);
    const arrivals = derivedPapers(5, { yymm: '2608', first: 1, newestAt: T0 });
    await ingest(arrivals, 'everything', T0 + 1000);
    await awake.run();
    expect((await getRanking())!.ids.slice(0, 5).sort()).toEqual(arrivals.map((e) => e.id).sort());
  });

  it('names the best of the papers that arrived in the last day for the notification, and none without a ranking or a day later', async () => {
    expect(await bestNewTitles(T0)).toEqual([]);
    for (const paper of testing.slice(0, 3)) await savePaper(paper.id, T0);
    await ranker().run();
    // Derived: titles of their own, told apart from the stored papers whose text they copy.
    const arrivals = derivedPapers(5, { yymm: '2608', first: 1, newestAt: T0 }).map((paper, i) => ({ ...paper, title: `Arrived ${i}: ${paper.title}` }));
    await ingest(arrivals, 'everything', T0 + 1000);
    await ranker(T0 + 2000).refreshIfStale();
    const titles = await bestNewTitles(T0 + 3000);
    expect(titles).toHaveLength(2);
    // Each one an arrival's title (cut with an ellipsis when long), none of the papers stored before.
    for (const title of titles) expect(title).toMatch(/^Arrived \d: /);
    expect(await bestNewTitles(T0 + 2 * 86_400_000)).toEqual([]);
  });

  it('names older papers that a new subscription brought, though the week’s news put them past the order’s first papers', async () => {
    await ingest(derivedPapers(320, { yymm: '2608', first: 1000, newestAt: T0 - 2 * 86_400_000 }), 'everything', T0 - 2 * 86_400_000);
    for (const paper of testing.slice(0, 3)) await savePaper(paper.id, T0);
    // Derived: papers of 2019 under titles of their own.
    const old = derivedPapers(3, { yymm: '1905', first: 1, newestAt: Date.UTC(2019, 4, 20) }).map((paper, i) => ({ ...paper, title: `Of 2019 ${i}: ${paper.title}` }));
    await ingest(old, 'everything', T0 + 1000);
    await ranker(T0 + 2000).run();
    const ranking = (await getRanking())!;
    expect(Math.min(...old.map((p) => ranking.ids.indexOf(p.id)))).toBeGreaterThanOrEqual(RANKING_HEAD);
    const titles = await bestNewTitles(T0 + 3000);
    expect(titles).toHaveLength(2);
    for (const title of titles) expect(title).toMatch(/^Of 2019 \d: /);
  });

  it('learns a saved paper as wanted, also when it carries a "not interested" mark (one from before it was saved, or from another browser)', async () => {
    const saved = testing.slice(0, MIN_SAVED_FOR_RANKING);
    for (const paper of saved) await savePaper(paper.id, T0);
    await markNotInterested([saved[0]!.id, language[0]!.id], T0);
    await ranker().run();
    const [liked, disliked] = (await getRankModel())!.labels.split('|');
    expect(liked!.split(',').sort()).toEqual(saved.map((p) => p.id).sort());
    expect(disliked!.split(',')).toEqual([language[0]!.id]);
  });

  it('does nothing when nothing changed, and forgets the order when too few papers stay saved', async () => {
    for (const paper of testing.slice(0, 3)) await savePaper(paper.id, T0);
    await ranker().run();
    const built = (await getRanking())!.builtAt;
    await ranker(T0 + 5000).refreshIfStale();
    expect((await getRanking())!.builtAt).toBe(built);
    await unsavePaper(testing[0]!.id);
    await ranker(T0 + 6000).refreshIfStale();
    expect(await getRanking()).toBeUndefined();
  });
});
