import { describe, expect, it } from 'vitest';
import { announcementDay, quietDays } from '../../../lib/ui/announcement-text';
import { syncStatusText } from '../../../lib/ui/sync-status-text';

const berlin = { locale: 'en-GB', timeZone: 'Europe/Berlin' };
const newYork = { locale: 'en-GB', timeZone: 'America/New_York' };
const HOUR = 3_600_000;

describe('syncStatusText', () => {
  // Tuesday 2026-05-19 15:00 EDT (19:00Z); tonight's announcement is 20:00 EDT (00:00Z).
  const now = Date.parse('2026-05-19T19:00:00Z');

  it('says when it last updated and that the next check follows tonight’s announcement', () => {
    const nextCheckAt = Date.parse('2026-05-20T00:30:00Z');
    const status = syncStatusText({ state: 'ok', lastSuccessAt: now - 2 * HOUR, nextCheckAt }, now, newYork);
    expect(status.text).toBe("Updated 2 h ago · next check after tonight’s arXiv announcement");
    expect(status.problem).toBe(false);
  });

  it('speaks of tomorrow’s announcement where 20:00 New York is after midnight', () => {
    const nextCheckAt = Date.parse('2026-05-20T00:30:00Z');
    const status = syncStatusText({ state: 'ok', lastSuccessAt: now - 60_000, nextCheckAt }, now, berlin);
    expect(status.text).toBe("Updated 1 min ago · next check after tomorrow’s arXiv announcement");
  });

  it('gives a retry time when the next check is not an announcement', () => {
    const status = syncStatusText(
      { state: 'error', message: 'arXiv is busy (HTTP 503).', retryAt: now + HOUR / 2, nextCheckAt: now + HOUR / 2 },
      now,
      newYork,
    );
    expect(status).toEqual({ state: 'error', text: 'arXiv is busy (HTTP 503). Trying again at 15:30.', problem: true });
    const american = syncStatusText({ state: 'error', message: 'Busy.', retryAt: now + HOUR / 2 }, now, { ...newYork, locale: 'en-US' });
    expect(american.text).toBe('Busy. Trying again at 3:30 PM.');
  });

  it('says, while checks fail, how old the papers on screen are', () => {
    const failed = syncStatusText({ state: 'error', message: 'arXiv is busy (HTTP 503).', retryAt: now + HOUR / 2, lastSuccessAt: now - 2 * 24 * HOUR }, now, newYork);
    expect(failed.text).toBe('arXiv is busy (HTTP 503). Trying again at 15:30. Last updated 2 days ago.');
    expect(syncStatusText({ state: 'offline', lastSuccessAt: now - 3 * HOUR }, now).text).toBe(
      'You’re offline. Paper Radar will check arXiv when you’re back online. Last updated 3 h ago.',
    );
  });

  it('explains offline and first runs in plain words', () => {
    expect(syncStatusText({ state: 'offline' }, now).text).toMatch(/offline/);
    expect(syncStatusText({ state: 'idle' }, now).text).toBe('Not checked yet');
    expect(syncStatusText({ state: 'syncing', progress: { done: 2, total: 5 } }, now).text).toBe(
      'Checking arXiv… 2 of 5 subscriptions done',
    );
    expect(syncStatusText({ state: 'syncing', progress: { done: 2, total: 5 }, retrying: 'arXiv’s API is having trouble (HTTP 503).' }, now).text).toBe(
      'Checking arXiv… 2 of 5 subscriptions done. arXiv’s API is having trouble (HTTP 503). Asking again.',
    );
  });
});

describe('quiet days', () => {
  it('on Friday names Sunday 20:00 New York and the reader’s own time for it', () => {
    // Friday 2026-05-22 12:00 EDT
    const friday = Date.parse('2026-05-22T16:00:00Z');
    expect(quietDays(friday, berlin)).toEqual({ nextLocal: 'Monday 02:00', nextNewYork: 'Sunday 20:00', sameClock: false });
    expect(quietDays(friday, newYork)?.sameClock).toBe(true);
  });

  it('is null on announcement days', () => {
    expect(quietDays(Date.parse('2026-05-19T19:00:00Z'), berlin)).toBeNull();
    // Sunday 21:00 EDT: the next announcement is Monday, a day away
    expect(quietDays(Date.parse('2026-05-25T01:00:00Z'), newYork)).toBeNull();
  });

  it('names the day of an announcement a few days ahead', () => {
    const friday = Date.parse('2026-05-22T16:00:00Z');
    expect(announcementDay(Date.parse('2026-05-25T00:00:00Z'), friday, newYork)).toBe("Sunday's");
  });
});
