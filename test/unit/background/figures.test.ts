import { beforeEach, describe, expect, it } from 'vitest';
import { ArxivClient } from '../../../lib/arxiv/client';
import { FigureFinder } from '../../../lib/background/figures';
import { db } from '../../../lib/db/db';
import { putExtras } from '../../../lib/db/extras';
import { memorySpacingStore, scriptedFetch, type Behaviour } from '../../helpers/fake-fetch';
import { VirtualClock } from '../../helpers/virtual-clock';

// LaTeXML's markup for a figure (no HTML paper is among the captured fixtures).
const html = '<figure class="ltx_figure"><img src="x1.png" class="ltx_graphics" alt=""></figure>';

function setup(script: Behaviour[]) {
  const clock = new VirtualClock();
  const { fetch, calls } = scriptedFetch(clock, script);
  const client = new ArxivClient({ fetch, now: clock.now, sleep: clock.sleep, spacing: memorySpacingStore() });
  return { clock, calls, figures: new FigureFinder(client, clock.now) };
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('FigureFinder', () => {
  it('asks arXiv once when two pages want the same figure at the same time', async () => {
    const { clock, calls, figures } = setup([{ body: html }]);
    const urls = await clock.run(Promise.all([figures.find('2605.12345', 2), figures.find('2605.12345', 2)]));
    expect(urls).toEqual(['https://arxiv.org/html/2605.12345v2/x1.png', 'https://arxiv.org/html/2605.12345v2/x1.png']);
    expect(calls).toHaveLength(1);
    expect(await figures.find('2605.12345', 2)).toBe('https://arxiv.org/html/2605.12345v2/x1.png');
    expect(calls).toHaveLength(1);
  });

  it('remembers that a paper has no HTML version', async () => {
    const { clock, calls, figures } = setup([{ status: 404, body: 'Not found' }]);
    expect(await clock.run(figures.find('2605.12345', 1))).toBeNull();
    expect(await clock.run(figures.find('2605.12345', 1))).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('keeps a machine headline written while the figure was being fetched', async () => {
    const { clock, figures } = setup([{ body: html }]);
    const finding = figures.find('2605.12345', 1);
    await putExtras('2605.12345', { headline: 'A plain claim' });
    await clock.run(finding);
    expect(await db.extras.get('2605.12345')).toMatchObject({ headline: 'A plain claim', figureUrl: 'https://arxiv.org/html/2605.12345v1/x1.png' });
  });

  it('reports a failure without storing anything, so a later look asks again', async () => {
    const { clock, calls, figures } = setup([{ status: 503, body: '' }, { body: html }]);
    await expect(clock.run(figures.find('2605.12345', 1))).rejects.toThrow('HTTP 503');
    expect(await db.extras.get('2605.12345')).toBeUndefined();
    expect(await clock.run(figures.find('2605.12345', 1))).toMatch(/x1\.png$/);
    expect(calls).toHaveLength(2);
  });
});
