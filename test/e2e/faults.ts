import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Misbehaviour } from './fake-arxiv';
import { badgeText, letRetryAfterPass, minimumGap, readStore, sendMessage, syncState, readStoredPapers, type Harness } from './harness';

export type FaultCase = [kind: Misbehaviour, times: number, expected: 'error' | 'ok', message: RegExp];

/**
 * One misbehaviour, repeated as often as it takes the client to give up (or once, when one
 * failure already shows the point), then a good sync. Returns a line for the printed matrix.
 */
export async function checkFault(h: Harness, page: Page, papers: number, [kind, times, expected, message]: FaultCase): Promise<string> {
  h.fake.clearMisbehaviour();
  h.fake.misbehave(...Array<Misbehaviour>(times).fill(kind));
  const started = h.fake.apiRequests().length;
  await sendMessage(page, 'syncNow', {});
  const state = await syncState(page);
  expect(state.state).toBe(expected);
  if (expected === 'error') {
    expect(state.message).toMatch(message);
    await expect.poll(() => badgeText(h)).toBe('!');
  }
  expect((await readStoredPapers(page)).length).toBe(papers);
  h.fake.clearMisbehaviour();
  if (kind.endsWith('retry-after')) {
    // Asked again before the time arXiv gave: nothing is sent, and the reader is told why.
    const asked = h.fake.apiRequests().length;
    await sendMessage(page, 'syncNow', {});
    expect(await syncState(page)).toMatchObject({ state: 'error', message: 'arXiv asked Paper Radar to wait a while before asking again.' });
    expect(h.fake.apiRequests().length).toBe(asked);
    await letRetryAfterPass(h);
  }
  await sendMessage(page, 'syncNow', {});
  expect(await syncState(page)).toMatchObject({ state: 'ok' });
  expect((await readStoredPapers(page)).length).toBe(papers);
  expect(await badgeText(h)).not.toBe('!');
  expect(minimumGap(h.fake.apiRequests().slice(started).map((r) => r.at))).toBeGreaterThanOrEqual(3000);
  return `${kind.padEnd(16)} ×${times} → ${state.state}${state.message ? `: ${state.message}` : ''} → next sync ok`;
}
