import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { checkFault, type FaultCase } from './faults';
import { launch, subscribe, type Harness } from './harness';

// Hung connections cost the full 30-second timeout, so they run in a browser of their own,
// in parallel with the other files.
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
  ['hang', 1, 'ok', /./],
  ['slow-body', 1, 'ok', /./],
];

describe('when arXiv hangs', () => {
  it.each(cases)('%s: the request is abandoned after 30 s, retried, and nothing is lost', async (...fault) => {
    lines.push(await checkFault(h, options, 40, fault));
  });
});
