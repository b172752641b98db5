import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALARMS, BackgroundApp } from '../../../lib/background/app';
import { lookupRetryDelay } from '../../../lib/background/metadata-fetcher';
import { createHandlers } from '../../../lib/background/handlers';
import { db } from '../../../lib/db/db';
import { savePaper } from '../../../lib/db/library';
import { addSubscription } from '../../../lib/db/subscriptions';
import { NEW_PAPERS_NOTIFICATION } from '../../../lib/notify/notifications';
import { updateSettings } from '../../../lib/settings';
import { getSyncState } from '../../../lib/sync/state';
import { entryBlocks, pageFor } from '../../helpers/fake-arxiv-feed';
import { scriptedFetch, type Behaviour } from '../../helpers/fake-fetch';
import { testingXml } from '../../helpers/fixtures';
import { parseAtomFeed } from '../../../lib/arxiv/atom';
import { VirtualClock } from '../../helpers/virtual-clock';
import attentionXml from '../../fixtures/arxiv/api/api_1706.03762.xml?raw';
import errorFeedXml from '../../fixtures/arxiv/api/api_error_start.xml?raw';
import { getPaper } from '../../../lib/db/papers';
import { countStoredPapers } from '../../helpers/stored-papers';
import { backgroundApp, stopApps } from '../../helpers/background-apps';

const testing = [testingXml.page0, testingXml.page10, testingXml.page20, testingXml.page30].flatMap(entryBlocks);
// Monday 2026-11-23 21:00 ET: Monday's announcement is out.
const MONDAY_EVENING = Date.UTC(2026, 10, 24, 2);

function setup(answer: (url: string) => Behaviour = (url) => ({ body: url.includes('id_list') ? attentionXml : pageFor(url, testing) })) {
  const clock = new VirtualClock(MONDAY_EVENING);
  const { fetch, calls } = scriptedFetch(clock, (url) => answer(url));
  const app = backgroundApp(clock, fetch);
  return { clock, calls, app, handlers: createHandlers(app) };
}

const badge = () => fakeBrowser.action.getBadgeText({});
const keyword = (value: string, label = value) => ({ kind: 'keyword' as const, value, label, categories: [], exclude: [] });

beforeEach(async () => {
  fakeBrowser.reset();
  await db.delete();
  await db.open();
});
afterEach(stopApps);

describe('BackgroundApp', () => {
  it('merges what is written here once it watches writes, and drops a merge asked for when it ends', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { app, clock } = setup();
      const schedule = vi.spyOn(app.browserSync, 'schedule');
      await savePaper('1706.03762', MONDAY_EVENING);
      await vi.advanceTimersByTimeAsync(100);
      expect(schedule).not.toHaveBeenCalled();
      const unwatch = app.watchWrites();
      await savePaper('1706.03763', MONDAY_EVENING);
      await vi.advanceTimersByTimeAsync(100);
      expect(schedule).toHaveBeenCalledTimes(1);
      expect(vi.getTimerCount()).toBe(1); // the merge, two seconds on
      unwatch();
      await savePaper('1706.03764', MONDAY_EVENING);
      await vi.advanceTimersByTimeAsync(100);
      expect(schedule).toHaveBeenCalledTimes(1);
      await clock.run(app.stop());
      expect(vi.getTimerCount()).toBe(0);
      app.browserSync.schedule();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('creates the sync alarm on every start, for the next check after an announcement', async () => {
    const { app, clock } = setup();
    await clock.run(app.start());
    const alarm = await fakeBrowser.alarms.get(ALARMS.sync);
    // Nothing caught yet for Monday 20:00 ET: the late check that night (23:30 ET).
    expect(new Date(alarm!.scheduledTime).toISOString()).toBe('2026-11-24T04:30:00.000Z');
    await fakeBrowser.alarms.clearAll();
    await clock.run(app.start());
    expect(await fakeBrowser.alarms.get(ALARMS.sync)).toBeDefined();
  });

  it('syncs on start when a check was missed, then badges and notifies', async () => {
    const sub = await addSubscription(keyword('testing', 'software testing'), 0);
    const { app, clock, calls } = setup();
    await clock.run(app.start());
    await clock.run(app.idle());
    expect(calls.length).toBeGreaterThan(0);
    expect(await countStoredPapers()).toBe(40);
    expect(await badge()).toBe('40');
    const notifications = fakeBrowser.notifications.getAllCreateOptions() as Record<string, { message: string }>;
    expect(notifications[NEW_PAPERS_NOTIFICATION]?.message).toBe('40 new papers · software testing 40');
    // Caught: the next check is after Tuesday's announcement.
    const alarm = await fakeBrowser.alarms.get(ALARMS.sync);
    expect(new Date(alarm!.scheduledTime).toISOString()).toBe('2026-11-25T01:30:00.000Z');
    expect((await db.syncStatus.get(sub.id))?.lastAdded).toBe(40);
  });

  /** What the new-papers notification says after the first sync, with three papers saved (enough for a ranking). */
  async function notifiedWithSaves(): Promise<string> {
    for (const paper of parseAtomFeed(testingXml.page30).entries.slice(0, 3)) await savePaper(paper.id, MONDAY_EVENING - 86_400_000, paper);
    await addSubscription(keyword('testing', 'software testing'), 0);
    const { app, clock } = setup();
    await clock.run(app.start());
    await clock.run(app.idle());
    return (fakeBrowser.notifications.getAllCreateOptions() as Record<string, { message: string }>)[NEW_PAPERS_NOTIFICATION]!.message;
  }

  it('names the best-ranked new papers in the notification for a reader who reads For you', async () => {
    await updateSettings({ feedOrder: 'forYou' });
    expect(await notifiedWithSaves()).toMatch(/^For you: .+\n.*new papers · software testing/s);
  });

  it('gives only the counts in the notification for a reader who reads the newest first', async () => {
    expect(await notifiedWithSaves()).toMatch(/^\d+ new papers · software testing \d+$/);
  });

  it('clears the badge when the reader has looked, not when a page only asks when they last did', async () => {
    await addSubscription(keyword('testing'), 0);
    const { app, clock, handlers } = setup();
    await clock.run(app.sync('manual'));
    expect(await badge()).toBe('40');
    expect(await handlers.lastSeen({}, {})).toEqual({ seenAt: 0 });
    expect(await badge()).toBe('40');
    const { previousSeenAt } = await handlers.markSeen({}, {});
    expect(previousSeenAt).toBe(0);
    expect(await badge()).toBe('');
    expect((await handlers.lastSeen({}, {})).seenAt).toBeGreaterThan(0);
  });

  it('shows 99+ above 99', async () => {
    await addSubscription(keyword('testing'), 0);
    const many = Array.from({ length: 120 }, (_, i) => testing[i % 40]!.replace(/abs\/(\d{4})\.(\d{4,5})/g, (_m, yymm: string) => `abs/${yymm}.${10000 + i}`));
    const { app, clock } = setup((url) => ({ body: pageFor(url, many) }));
    await clock.run(app.sync('manual'));
    expect(await badge()).toBe('99+');
  });

  it('sends no notification when nothing is new, or when notifications are off', async () => {
    await addSubscription(keyword('testing'), 0);
    const { app, clock } = setup();
    await updateSettings({ notifications: false });
    await clock.run(app.sync('manual'));
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
    await updateSettings({ notifications: true });
    await clock.run(app.sync('manual'));
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
  });

  it('shows a distinct error badge while the last sync failed, cleared by the next success', async () => {
    await addSubscription(keyword('testing'), 0);
    let failing = true;
    const { app, clock } = setup((url) => (failing ? { status: 503, body: 'down', headers: { 'Retry-After': '600' } } : { body: pageFor(url, testing) }));
    await clock.run(app.sync('manual'));
    expect(await badge()).toBe('!');
    expect(await getSyncState()).toMatchObject({ state: 'error', message: expect.stringContaining('503') });
    const retry = await fakeBrowser.alarms.get(ALARMS.retry);
    expect(retry).toBeDefined();
    failing = false;
    clock.advance(retry!.scheduledTime - clock.now()); // the alarm fires when planned, past arXiv's Retry-After
    await clock.run(app.onAlarm(ALARMS.retry));
    expect(await badge()).toBe('40');
    expect(await fakeBrowser.alarms.get(ALARMS.retry)).toBeUndefined();
  });

  it('skips a scheduled check that comes too soon after the last one', async () => {
    await addSubscription(keyword('testing'), 0);
    const { app, clock, calls } = setup();
    await clock.run(app.sync('manual'));
    const before = calls.length;
    clock.advance(5 * 60_000);
    await clock.run(app.onAlarm(ALARMS.sync));
    expect(calls.length).toBe(before);
  });

  it('still checks every subscription that evening after a new one brought papers, and tells of the new one only its own', async () => {
    // Followed before Monday's announcement, not checked since: a query arXiv rejects.
    await addSubscription(keyword('broken'), 0);
    const { app, clock, calls, handlers } = setup((url) => (url.includes('broken') ? { status: 400, body: errorFeedXml } : { body: pageFor(url, testing) }));
    const added = await addSubscription(keyword('fuzzing'), MONDAY_EVENING);
    const summary = await clock.run(handlers.syncNow({ subscriptionIds: [added.id] }, {}));
    // The rejected query is another subscription's: this one found its papers.
    expect(summary).toEqual({ added: 40, state: 'ok' });
    expect(calls).toHaveLength(1);
    // The check after the announcement is still due, and runs when its alarm comes.
    const alarm = await fakeBrowser.alarms.get(ALARMS.sync);
    expect(new Date(alarm!.scheduledTime).toISOString()).toBe('2026-11-24T04:30:00.000Z');
    clock.advance(alarm!.scheduledTime - clock.now());
    await clock.run(app.onAlarm(ALARMS.sync));
    expect(calls.map((c) => new URL(c.url).searchParams.get('search_query'))).toEqual([expect.stringContaining('fuzzing'), expect.stringContaining('broken'), expect.stringContaining('fuzzing')]);
  });

  it('tells of a subscription added while a run waits for arXiv only its own papers, not the run’s rejected query', async () => {
    await addSubscription(keyword('broken'), 0);
    await addSubscription(keyword('fuzzing'), 1);
    let down = true;
    const { app, clock, handlers } = setup((url) =>
      url.includes('broken') ? { status: 400, body: errorFeedXml } : down && url.includes('fuzzing') ? { status: 503, body: 'down' } : { body: pageFor(url, testing.slice(0, 5)) },
    );
    // The evening's check: "broken" rejected, then arXiv down at "fuzzing": the run waits for its retry.
    expect(await clock.run(app.sync('schedule'))).toMatchObject({ state: 'error', retryAt: expect.any(Number) });
    down = false;
    const added = await addSubscription(keyword('proving'), MONDAY_EVENING);
    const summary = await clock.run(handlers.syncNow({ subscriptionIds: [added.id] }, {}));
    expect(summary).toEqual({ added: 0, state: 'ok' }); // its 5 papers were stored already, by "fuzzing"
    expect((await getSyncState()).message).toContain('“broken”');
  });

  it('on a browser start after a missed check, checks every subscription, also when a new subscription’s run was left unfinished', async () => {
    await addSubscription(keyword('testing'), 0);
    let down = true;
    const { app, clock, calls } = setup((url) => (down && url.includes('fuzzing') ? { status: 503, body: 'down' } : { body: pageFor(url, testing) }));
    const fuzzing = await addSubscription(keyword('fuzzing'), MONDAY_EVENING);
    await clock.run(app.sync('subscription-added', [fuzzing.id]));
    down = false;
    calls.length = 0;
    clock.advance(60 * 60_000); // past the evening's check, the browser closed meanwhile
    await clock.run(app.start());
    await clock.run(app.idle());
    expect(calls.map((c) => new URL(c.url).searchParams.get('search_query'))).toEqual([expect.stringContaining('fuzzing'), expect.stringContaining('testing')]);
    expect((await getSyncState()).lastSuccessAt).toBe(clock.now());
  });

  it('syncs when the alarm fires after the clock was set back a day, though the last attempt lies in the future', async () => {
    await addSubscription(keyword('testing'), 0);
    const { app, clock, calls } = setup();
    await clock.run(app.sync('manual'));
    const before = calls.length;
    clock.advance(-24 * 60 * 60_000 + 2 * 60 * 60_000); // set back by a day, two hours later
    const alarm = await clock.run(app.scheduleNextCheck());
    expect(alarm - clock.now()).toBeLessThan(2 * 60 * 60_000);
    clock.advance(alarm - clock.now());
    await clock.run(app.onAlarm(ALARMS.sync));
    expect(calls.length).toBeGreaterThan(before);
    expect((await getSyncState()).state).toBe('ok');
  });

  it('fetches metadata for a paper saved by id, batching saves made in quick succession', async () => {
    const { app, clock, calls, handlers } = setup();
    const first = await handlers.savePaper({ id: '1706.03762' }, {});
    await handlers.savePaper({ id: '1207.7214' }, {});
    expect(first.pending).toBe(true);
    await clock.run(app.metadata.request());
    expect(calls).toHaveLength(1);
    expect(new URL(calls[0]!.url).searchParams.get('id_list')!.split(',').sort()).toEqual(['1207.7214', '1706.03762']);
    expect((await getPaper('1706.03762'))?.title).toBe('Attention Is All You Need');
    expect((await db.library.get('1706.03762'))?.pending).toBeUndefined();
    // arXiv did not return 1207.7214 in this answer: it stays saved and pending, and says so.
    expect(await db.library.get('1207.7214')).toMatchObject({ pending: 1, lookup: { at: clock.now(), problem: expect.stringMatching(/did not include/) } });
  });

  it('takes "Not interested" back from a paper the reader saves after all', async () => {
    const { handlers, app } = setup();
    await addSubscription(keyword('testing'), MONDAY_EVENING);
    await handlers.syncNow({}, {});
    const [paper] = await db.papers.limit(1).toArray();
    await handlers.setNotInterested({ ids: [paper!.id], value: true }, {});
    expect(await getPaper(paper!.id)).toMatchObject({ notInterestedAt: MONDAY_EVENING, hiddenAt: MONDAY_EVENING });
    const schedule = vi.spyOn(app.browserSync, 'schedule');
    await handlers.savePaper({ id: paper!.id }, {});
    const saved = await getPaper(paper!.id);
    expect(saved?.notInterestedAt).toBeUndefined();
    expect(saved?.hiddenAt).toBeUndefined();
    expect(schedule).toHaveBeenCalled(); // the reader's other browsers take it back too
  });

  it('asks for each id alone when arXiv rejects a batch, so one id it refuses holds back no other save', async () => {
    // arXiv answers the batch, and the refused id alone, with an error feed (a real one, for another
    // mistake: its words are what the library shows); the good id alone gets its metadata.
    const { app, clock, calls, handlers } = setup((url) => ({
      status: url.includes('9901.00001') ? 400 : 200,
      body: url.includes('9901.00001') ? errorFeedXml : attentionXml,
    }));
    await handlers.savePaper({ id: '1706.03762' }, {});
    await handlers.savePaper({ id: '9901.00001' }, {});
    await clock.run(app.metadata.request());
    const asked = calls.map((c) => new URL(c.url).searchParams.get('id_list')!.split(',').sort().join(','));
    expect(asked[0]).toBe('1706.03762,9901.00001');
    expect(asked.slice(1).sort()).toEqual(['1706.03762', '9901.00001']);
    expect((await db.library.get('1706.03762'))?.pending).toBeUndefined();
    expect((await getPaper('1706.03762'))?.title).toBe('Attention Is All You Need');
    expect(await db.library.get('9901.00001')).toMatchObject({ pending: 1, lookup: { problem: expect.stringContaining('start must be an integer') } });
    // Still pending: asked again at the next wake; refused twice in a row, it waits an hour.
    await clock.run(app.metadata.flush());
    expect(calls).toHaveLength(4);
    expect(calls.at(-1)!.url).toContain('id_list=9901.00001');
    expect((await db.library.get('9901.00001'))?.lookup?.attempts).toBe(2);
    await clock.run(app.metadata.flush());
    expect(calls).toHaveLength(4);
    clock.advance(lookupRetryDelay(2));
    await clock.run(app.metadata.flush());
    expect(calls).toHaveLength(5);
  });

  it('asks for at most ten ids alone when arXiv rejects every one: its error is not about one id', async () => {
    const { app, clock, calls, handlers } = setup(() => ({ status: 400, body: errorFeedXml }));
    const ids = Array.from({ length: 30 }, (_, i) => `2611.${String(i).padStart(5, '0')}`);
    for (const id of ids) await handlers.savePaper({ id }, {});
    await clock.run(app.metadata.request());
    expect(calls).toHaveLength(11);
    const items = await db.library.bulkGet(ids);
    expect(items.every((item) => item?.pending === 1 && item.lookup?.problem.includes('start must be an integer'))).toBe(true);
    // The next wake tries once more, as much; then every one of them waits an hour.
    await clock.run(app.metadata.flush());
    expect(calls).toHaveLength(22);
    await clock.run(app.metadata.flush());
    expect(calls).toHaveLength(22);
  });

  it('waits at least 15 minutes after arXiv refuses without saying until when', async () => {
    const { app, clock, handlers } = setup(() => ({ status: 403, body: 'Forbidden' }));
    await handlers.savePaper({ id: '1706.03762' }, {});
    await clock.run(app.metadata.request());
    expect((await fakeBrowser.alarms.get(ALARMS.metadata))?.scheduledTime).toBeGreaterThanOrEqual(clock.now() + 15 * 60_000);
  });

  it('keeps a save made while arXiv is unreachable and completes it later', async () => {
    let down = true;
    const { app, clock, handlers } = setup((url) => (down ? { networkError: true } : { body: url.includes('id_list') ? attentionXml : '' }));
    await handlers.savePaper({ id: '1706.03762' }, {});
    await clock.run(app.metadata.request());
    expect(await db.library.get('1706.03762')).toMatchObject({ pending: 1 });
    expect(await fakeBrowser.alarms.get(ALARMS.metadata)).toBeDefined();
    down = false;
    await clock.run(app.onAlarm(ALARMS.metadata));
    expect((await getPaper('1706.03762'))?.authors).toHaveLength(8);
    expect((await db.library.get('1706.03762'))?.pending).toBeUndefined();
    expect((await db.library.get('1706.03762'))?.lookup).toBeUndefined();
  });
});
