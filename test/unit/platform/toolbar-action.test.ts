import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../../../lib/db/db';
import { ingest } from '../../../lib/db/ingest';
import { refreshBadge } from '../../../lib/notify/badge';
import { toolbarAction } from '../../../lib/platform/toolbar-action';
import { testingPapers } from '../../helpers/fixtures';

/** Which build this run stands for (set per Vitest project): Chrome's MV3 or Firefox's MV2. */
const target = process.env.EXTENSION_TARGET ?? 'chrome-mv3';
const fake = fakeBrowser as unknown as { action?: unknown; browserAction?: unknown };
const fakeAction = fakeBrowser.action;

beforeEach(async () => {
  fakeBrowser.reset();
  // The shape each browser really has: only `action` (MV3) or only `browserAction` (Firefox MV2).
  if (target === 'firefox-mv2') {
    fake.browserAction = fakeAction;
    delete fake.action;
  } else {
    fake.action = fakeAction;
    delete fake.browserAction;
  }
  await db.delete();
  await db.open();
});

describe(`toolbar button in the ${target} build`, () => {
  it('finds the API this browser has', () => {
    expect(toolbarAction()).toBe(fakeAction);
    expect(() => toolbarAction({})).toThrow(/no toolbar button/);
  });

  it('shows the number of new papers on the badge, and ! after a failed sync', async () => {
    await ingest(testingPapers.slice(0, 12), 'sub', Date.now());
    expect(await refreshBadge()).toBe('12');
    expect(await fakeAction.getBadgeText({})).toBe('12');
    await db.meta.put({ key: 'syncState', value: { state: 'error', message: 'arXiv is down' } });
    expect(await refreshBadge()).toBe('!');
    expect(await fakeAction.getTitle({})).toBe('Paper Radar: arXiv is down');
  });
});
