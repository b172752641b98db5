import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { checkFault, type FaultCase } from './faults';
import { launch, subscribe, type Harness } from './harness';

let h: Harness;
let options: Page;
const lines: string[] = [];

beforeAll(async () => {
  h = await launch();
  options = await h.open('options.html');
  await subscribe(options, 'testing', 40);
});
afterAll(async () => {
  console.log(`misbehaviour × later sync → status → recovery\n${lines.join('\n')}`);
  await h?.close();
});

const cases: FaultCase[] = [
  ['429', 3, 'error', /slow down/],
  ['429-retry-after', 1, 'error', /slow down/],
  ['503', 3, 'error', /HTTP 503/],
  ['503-retry-after', 1, 'error', /HTTP 503/],
  ['500', 3, 'error', /HTTP 500/],
  ['error-feed', 1, 'error', /start must be an integer/],
  ['truncated', 3, 'error', /cut off/],
  ['html', 3, 'error', /web page/],
  ['empty-page', 3, 'error', /empty page/],
];

describe('when arXiv misbehaves', () => {
  it.each(cases)('%s ×%i keeps every paper, says what happened, and the next sync recovers', async (...fault) => {
    lines.push(await checkFault(h, options, 40, fault));
  });
});
