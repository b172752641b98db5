import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALARMS } from '../../../lib/background/app';
import { servedAnnouncement } from '../../../lib/background/saved-check';
import { db } from '../../../lib/db/db';
import { savePaper } from '../../../lib/db/library';
import { addSubscription } from '../../../lib/db/subscriptions';
import { NEW_PAPERS_NOTIFICATION } from '../../../lib/notify/notifications';
import { SAVED_CHANGES_NOTIFICATION } from '../../../lib/notify/saved-changes';
import { updateSettings } from '../../../lib/settings';
import { entryBlocks, pageFor } from '../../helpers/fake-arxiv-feed';
import { scriptedFetch, type Behaviour } from '../../helpers/fake-fetch';
import { attentionPaper, testingXml } from '../../helpers/fixtures';
import { VirtualClock } from '../../helpers/virtual-clock';
import { DAY, MONDAY_EVENING, idListAnswer } from './saved-check-kit';
import { revisedBlock } from '../../helpers/revised-entry';
import attentionXml from '../../fixtures/arxiv/api/api_1706.03762.xml?raw';
import { backgroundApp, stopApps } from '../../helpers/background-apps';

const testing = [testingXml.page0, testingXml.page10, testingXml.page20, testingXml.page30].flatMap(entryBlocks);
// Derived: version 8 of the attention paper (the fixture is v7), renamed.
const v8 = revisedBlock(entryBlocks(attentionXml)[0]!, { version: 8, updated: '2026-11-23T19:00:00Z', title: 'Attention Is All You Need (revised)' });
const keyword = { kind: 'keyword' as const, value: 'testing', label: 'software testing', categories: [], exclude: [] };

function setup(answer: (url: string) => Behaviour = (url) => (url.includes('id_list') ? idListAnswer([v8])(url) : { body: pageFor(url, testing) }), start = MONDAY_EVENING) {
  const clock = new VirtualClock(start);
  const { fetch, calls } = scriptedFetch(clock, (url) => answer(url));
  const app = backgroundApp(clock, fetch);
  const lookups = () => calls.filter((c) => c.url.includes('id_list'));
  /** A sync and the work it sets off in the background (the check of saved papers). */
  const sync = async () => {
    await clock.run(app.sync('manual'));
    await clock.run(app.idle());
  };
  return { clock, calls, app, lookups, sync };
}

const notification = (id: string) => (fakeBrowser.notifications.getAllCreateOptions() as Record<string, { message: string }>)[id];

beforeEach(async () => {
  fakeBrowser.reset();
  await db.delete();
  await db.open();
  await addSubscription(keyword, 0);
  await savePaper(attentionPaper.id, MONDAY_EVENING - DAY, attentionPaper);
});
afterEach(stopApps);

describe('the check of saved papers in the background', () => {
  it('follows the first sync after an announcement, once, and notifies by name in its own notification', async () => {
    const { lookups, sync, calls } = setup();
    await sync();
    expect(lookups()).toHaveLength(1);
    // After the feed's request: the feed never waits for the check.
    expect(calls.findIndex((c) => c.url.includes('id_list'))).toBe(calls.length - 1);
    expect(notification(SAVED_CHANGES_NOTIFICATION)?.message).toBe('1 saved paper has a new version\nAttention Is All You Need (revised) — v8 since you saved v7, saved as “Attention Is All You Need”');
    expect(notification(NEW_PAPERS_NOTIFICATION)?.message).toBe('40 new papers · software testing 40');
    await sync();
    expect(lookups()).toHaveLength(1);
  });

  it('wakes nothing of its own: no alarm is set for it while arXiv answers', async () => {
    const { sync } = setup();
    await sync();
    expect(await fakeBrowser.alarms.get(ALARMS.savedCheck)).toBeUndefined();
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name).sort()).toEqual([ALARMS.sync]);
  });

  it('tells nothing when its notification is off, and does not tell the same change later when it is turned on', async () => {
    await updateSettings({ savedChangeNotifications: false });
    const { sync, clock, lookups } = setup();
    await sync();
    expect(lookups()).toHaveLength(1);
    expect(notification(SAVED_CHANGES_NOTIFICATION)).toBeUndefined();
    await updateSettings({ savedChangeNotifications: true });
    clock.advance(DAY);
    await sync();
    expect(lookups()).toHaveLength(2);
    expect(notification(SAVED_CHANGES_NOTIFICATION)).toBeUndefined();
  });

  it('carries on at its own alarm when arXiv could not be reached, without touching the feed’s status', async () => {
    let down = true;
    const { app, clock, sync, lookups } = setup((url) =>
      url.includes('id_list') ? (down ? { status: 503, body: 'Service Unavailable' } : idListAnswer([v8])(url)) : { body: pageFor(url, testing) },
    );
    await sync();
    const alarm = await fakeBrowser.alarms.get(ALARMS.savedCheck);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(clock.now() + 15 * 60_000);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('40');
    down = false;
    clock.advance(alarm!.scheduledTime - clock.now());
    await clock.run(app.onAlarm(ALARMS.savedCheck));
    expect(lookups().length).toBeGreaterThan(1);
    expect(notification(SAVED_CHANGES_NOTIFICATION)?.message).toContain('v8 since you saved v7');
  });

  it('counts a sync before arXiv serves the announcement’s data (20:10 New York time) as the previous day’s', async () => {
    // Monday 20:10 EST: Monday's data is not served yet; the check reads Sunday's announcement.
    const early = Date.UTC(2026, 10, 24, 1, 10);
    expect(servedAnnouncement(early)).toBe(Date.UTC(2026, 10, 23, 1)); // Sunday 20:00 EST
    expect(servedAnnouncement(early + 30 * 60_000)).toBe(Date.UTC(2026, 10, 24, 1)); // Monday 20:00 EST
    const { sync, clock, lookups } = setup(undefined, early);
    await sync();
    clock.advance(30 * 60_000);
    await sync();
    expect(lookups()).toHaveLength(2);
  });
});
