import { describe, expect, it } from 'vitest';
import { feedCases } from './hostile-feed-cases';
import { importCases } from './hostile-import-cases';
import { messageCases } from './hostile-message-cases';
import { pageCases } from './hostile-page-cases';

/**
 * How much hostile input the reliability tests cover, per area. The cases run in
 * hostile-{feeds,pages,messages,imports}.test.ts; more live beside the code they attack
 * (test/unit/content/hostile-*.test.ts, test/unit/background/router.test.ts,
 * test/unit/backup/hostile-files.test.ts) and are not counted here.
 */
describe('hostile input census', () => {
  it('covers at least 50 cases, in every area', () => {
    const areas: [string, string[]][] = [
      ['API feeds', feedCases.map((c) => c.name)],
      ['arXiv pages', pageCases.map((c) => `${c.kind}: ${c.name}`)],
      ['messages', messageCases.map((c) => `${c.area}: ${c.name}`)],
      ['import files', importCases.map((c) => c.name)],
    ];
    const total = areas.reduce((sum, [, names]) => sum + names.length, 0);
    console.log(
      ['hostile cases per area', ...areas.map(([area, names]) => `  ${area.padEnd(13)} ${String(names.length).padStart(3)}`), `  ${'total'.padEnd(13)} ${String(total).padStart(3)}`].join('\n'),
    );
    for (const [area, names] of areas) {
      expect(names.length, area).toBeGreaterThan(0);
      expect(new Set(names).size, `${area}: every case has its own name`).toBe(names.length);
    }
    expect(total).toBeGreaterThanOrEqual(50);
  });
});
