import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../../../lib/db/db';
import { countArrivedSince, hidePapers } from '../../../lib/db/feed';
import { ingest } from '../../../lib/db/ingest';
import { refreshBadge } from '../../../lib/notify/badge';
import { derivedPapers } from '../../helpers/derived-world';

const T0 = Date.UTC(2026, 5, 1, 1, 30);

beforeEach(async () => {
  fakeBrowser.reset();
  await db.delete();
  await db.open();
});

describe('the badge count', () => {
  it('counts arrivals exactly up to its limit, and hidden papers not at all', async () => {
    await ingest(derivedPapers(40, { yymm: '2604' }), 'old', T0);
    await ingest(derivedPapers(150), 'new', T0 + 1_000);
    await hidePapers(derivedPapers(5).map((p) => p.id), T0 + 2_000);
    expect(await countArrivedSince(T0)).toBe(145);
    expect(await countArrivedSince(T0, 100)).toBe(100);
    expect(await countArrivedSince(T0, 146)).toBe(145);
    expect(await countArrivedSince(T0 - 1, 1_000)).toBe(185);
  });

  it('says 99+ for more than 99 arrivals and the exact number below', async () => {
    await ingest(derivedPapers(150), 'new', T0);
    expect(await refreshBadge()).toBe('99+');
    await hidePapers(derivedPapers(51).map((p) => p.id), T0 + 1);
    expect(await refreshBadge()).toBe('99');
  });
});
