import { describe, expect, it } from 'vitest';
import type { ArxivEntry } from '../../../lib/arxiv/entry';
import { savedChangesMessage, savedChangesUrl } from '../../../lib/notify/saved-changes';
import { parseHash } from '../../../lib/ui/route';
import { baselineOf } from '../../../lib/watch/baseline';
import { changeSinceSaved } from '../../../lib/watch/changes';
import { attentionPaper, higgsPaper, testingPapers } from '../../helpers/fixtures';

/** Derived here: how arXiv might have changed real papers since they were saved. */
const revised = (paper: ArxivEntry, changes: Partial<ArxivEntry> = {}) => ({ ...paper, version: paper.version + 1, updated: '2026-11-20T17:00:00Z', ...changes });
const changed = (saved: ArxivEntry, now: ArxivEntry) => ({ title: now.title, change: changeSinceSaved(baselineOf(saved), now)! });
const preprint: ArxivEntry = { ...higgsPaper };
delete preprint.journalRef;
delete preprint.doi;

describe('savedChangesMessage', () => {
  it('says "2 saved papers have new versions" and names them', () => {
    const [a, b] = testingPapers as [ArxivEntry, ArxivEntry];
    expect(savedChangesMessage([changed(a, revised(a)), changed(b, revised(b))])).toBe(
      `2 saved papers have new versions\n${a.title} — v${a.version + 1} since you saved v${a.version}\n${b.title} — v${b.version + 1} since you saved v${b.version}`,
    );
  });

  it('names a revised paper also by the title it was saved under, when that changed', () => {
    const renamed = revised(attentionPaper, { title: 'Attention Is All You Need, Revisited' });
    expect(savedChangesMessage([changed(attentionPaper, renamed)])).toBe(
      `1 saved paper has a new version\nAttention Is All You Need, Revisited — v${attentionPaper.version + 1} since you saved v${attentionPaper.version}, saved as “Attention Is All You Need”`,
    );
  });

  it('counts each kind, names withdrawals first, and cuts long titles and long lists', () => {
    const withdrawn = revised(attentionPaper, { comment: 'Withdrawn by the authors: the BLEU scores were computed wrongly' });
    const many = testingPapers.slice(0, 4).map((p) => changed(p, revised(p)));
    const message = savedChangesMessage([changed(preprint, higgsPaper), ...many, changed(attentionPaper, withdrawn)]);
    const lines = message.split('\n');
    expect(lines[0]).toBe('6 saved papers changed: 1 withdrawn, 4 new versions, 1 published');
    expect(lines[1]).toBe('Attention Is All You Need — withdrawn');
    expect(lines[2]).toMatch(/ — v\d+ since you saved v\d+$/);
    expect(lines.at(-1)).toBe('and 3 more in your library');
    expect(lines).toHaveLength(5);
    expect(savedChangesMessage([changed(preprint, higgsPaper)])).toBe(
      '1 saved paper was published\nObservation of a new particle in the search for the Standard Model Higgs boson with the… — published: Phys.Lett. B716 (2012) 1-29',
    );
  });
});

describe('savedChangesUrl', () => {
  it('leads to the Library at the changed papers', () => {
    const url = new URL(savedChangesUrl());
    expect(url.pathname).toBe('/newtab.html');
    expect(parseHash(url.hash)).toEqual({ view: 'library', changed: true });
  });
});
