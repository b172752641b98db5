import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '../../../lib/background/handlers';
import { db } from '../../../lib/db/db';
import { ingest } from '../../../lib/db/ingest';
import { savePaper } from '../../../lib/db/library';
import { createMessageRouter } from '../../../lib/messaging/router';
import { scriptedFetch } from '../../helpers/fake-fetch';
import { attentionPaper, testingPages } from '../../helpers/fixtures';
import { VirtualClock } from '../../helpers/virtual-clock';
import { arxivTab, EXTENSION_ID, messageCases, ORIGIN, ownPage } from './hostile-message-cases';
import { expectConsistentStore, expectNothingRan } from './store-invariants';
import { allStoredPapers } from '../../helpers/stored-papers';
import { backgroundApp, stopApps } from '../../helpers/background-apps';

const T0 = Date.UTC(2026, 10, 24, 2);

/** The real background (handlers, store, client) behind the real router, with arXiv scripted. */
function background() {
  const clock = new VirtualClock(T0);
  const { fetch, calls } = scriptedFetch(clock, [{ status: 503, body: 'arXiv must not be asked' }]);
  const app = backgroundApp(clock, fetch);
  return { calls, route: createMessageRouter(createHandlers(app), EXTENSION_ID, ORIGIN) };
}

const snapshot = async () => ({
  papers: await allStoredPapers(),
  library: await db.library.toArray(),
  meta: await db.meta.toArray(),
  extras: await db.extras.toArray(),
});

beforeEach(async () => {
  fakeBrowser.reset();
  await db.delete();
  await db.open();
  await ingest(testingPages[0]!, 'sub-testing', T0 - 86_400_000);
  await savePaper(testingPages[0]![0]!.id, T0 - 1000);
});
afterEach(stopApps);

describe('a hostile message to the background', () => {
  it.each(messageCases.map((c) => [c.area, c.name, c] as const))('[%s] %s is refused with a reason, and changes nothing', async (_area, _name, hostile) => {
    const { route, calls } = background();
    const before = await snapshot();
    const message = hostile.message();
    const started = performance.now();
    const reply = await route(message, hostile.sender);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(reply).toMatchObject({ ok: false, error: expect.any(String) });
    // The reason is a sentence, not an echo of what was sent.
    expect((reply as { error: string }).error.length).toBeLessThan(300);
    expect(await snapshot()).toEqual(before);
    expect(calls).toEqual([]);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    await expectConsistentStore();
    expectNothingRan();
  });

  it('while the same background answers the same messages when they are sound', async () => {
    const { route } = background();
    expect(await route({ type: 'savePaper', data: { id: attentionPaper.id, entry: attentionPaper } }, ownPage)).toEqual({ ok: true, value: { pending: false } });
    expect(await route({ type: 'savePaper', data: { id: '1207.7214' } }, arxivTab())).toEqual({ ok: true, value: { pending: true } });
    expect(await route({ type: 'getSavedIds', data: { ids: [attentionPaper.id, '1207.7214'] } }, arxivTab())).toEqual({
      ok: true,
      value: { saved: [attentionPaper.id, '1207.7214'], pending: ['1207.7214'] },
    });
    expect(await route({ type: 'markSeen', data: {} }, ownPage)).toMatchObject({ ok: true });
    await expectConsistentStore();
  });
});
