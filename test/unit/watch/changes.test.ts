import { describe, expect, it } from 'vitest';
import { parseAtomFeed } from '../../../lib/arxiv/atom';
import type { ArxivEntry } from '../../../lib/arxiv/entry';
import { baselineOf } from '../../../lib/watch/baseline';
import { changeKey, changeKind, changeSinceSaved } from '../../../lib/watch/changes';
import { attentionPaper, higgsPaper } from '../../helpers/fixtures';
import newApi from '../../fixtures/arxiv/api/newapi_2025-11-11_idlist_4ids_3missing.xml?raw';
import oldApi from '../../fixtures/arxiv/api/oldapi_2025-08_idlist_4ids_3missing_empty_entries.xml?raw';

const [reactionDiffusion] = parseAtomFeed(newApi).entries as [ArxivEntry];

/** Derived here, not a fixture: a later version of a real paper, with `changes` applied. */
function nextVersion(paper: ArxivEntry, changes: Partial<ArxivEntry> = {}): ArxivEntry {
  const version = paper.version + 1;
  return { ...paper, version, updated: '2026-11-20T17:00:00Z', absUrl: `https://arxiv.org/abs/${paper.id}v${version}`, pdfUrl: `https://arxiv.org/pdf/${paper.id}v${version}`, ...changes };
}

describe('changeSinceSaved', () => {
  it('finds nothing when the paper is as it was saved', () => {
    for (const paper of [reactionDiffusion, attentionPaper, higgsPaper]) expect(changeSinceSaved(baselineOf(paper), paper)).toBeNull();
  });

  it('finds nothing in the same version as arXiv’s two backends write it (wrapped text, another update date, an MSC class)', () => {
    const old = parseAtomFeed(oldApi).entries[0]!;
    expect(old.id).toBe(reactionDiffusion.id);
    expect(old).not.toEqual(reactionDiffusion);
    expect(changeSinceSaved(baselineOf(old), reactionDiffusion)).toBeNull();
  });

  it('names a new version, its date and what changed in it', () => {
    const v2 = nextVersion(reactionDiffusion, {
      summary: `${reactionDiffusion.summary} We also treat the case of two host species.`,
      authors: [...reactionDiffusion.authors, { name: 'A. Third', affiliations: [] }],
      comment: '36 pages, 2 figures',
    });
    const change = changeSinceSaved(baselineOf(reactionDiffusion), v2);
    expect(change).toEqual({ savedVersion: 1, version: 2, revisedAt: '2026-11-20T17:00:00Z', fields: ['abstract', 'authors', 'comment'], withdrawn: false });
    expect(changeKind(change!)).toBe('revised');
  });

  it('keeps the title the reader saved when a version renames the paper', () => {
    const renamed = nextVersion(attentionPaper, { title: 'Attention Is Not All You Need' });
    expect(changeSinceSaved(baselineOf(attentionPaper), renamed)).toMatchObject({ savedVersion: 7, version: 8, fields: ['title'], savedTitle: 'Attention Is All You Need' });
  });

  it('calls a paper published when arXiv gives it a journal reference or DOI, with or without a new version', () => {
    // Derived: the Higgs paper as it was before its journal reference and DOI were added.
    const preprint: ArxivEntry = { ...higgsPaper };
    delete preprint.journalRef;
    delete preprint.doi;
    const sameVersion = changeSinceSaved(baselineOf(preprint), higgsPaper);
    expect(sameVersion).toMatchObject({
      savedVersion: 2,
      version: 2,
      fields: ['journal reference', 'DOI'],
      published: { journalRef: 'Phys.Lett. B716 (2012) 1-29', doi: '10.1016/j.physletb.2012.08.020' },
    });
    expect(changeKind(sameVersion!)).toBe('published');
    const v1: ArxivEntry = { ...preprint, version: 1, comment: '24 pages plus author list (38 pages total), 12 figures, 7 tables' };
    const revised = changeSinceSaved(baselineOf(v1), higgsPaper);
    expect(revised).toMatchObject({ savedVersion: 1, version: 2, published: { journalRef: 'Phys.Lett. B716 (2012) 1-29' } });
    expect(changeKind(revised!)).toBe('revised');
  });

  it('calls a paper withdrawn when its new version’s comment says so, and not again when it was saved withdrawn', () => {
    const comment = 'This paper has been withdrawn because it was submitted prematurely and without the full consent and review of all listed co-authors';
    const withdrawn = nextVersion(attentionPaper, { comment });
    const change = changeSinceSaved(baselineOf(attentionPaper), withdrawn);
    expect(change).toMatchObject({ savedVersion: 7, version: 8, withdrawn: true, fields: ['comment'] });
    expect(changeKind(change!)).toBe('withdrawn');
    expect(changeSinceSaved(baselineOf(withdrawn), withdrawn)).toBeNull();
  });
});

describe('changeKey', () => {
  it('is the same for the same change and differs for news: a later version, a publication, a withdrawal', () => {
    const base = baselineOf(reactionDiffusion);
    const v2 = nextVersion(reactionDiffusion);
    const key = changeKey(changeSinceSaved(base, v2)!);
    expect(changeKey(changeSinceSaved(base, { ...v2 })!)).toBe(key);
    const news = [nextVersion(v2), { ...v2, journalRef: 'J. Math. Biol. 88 (2026) 1' }, { ...v2, doi: '10.1007/s00285-026-0001-1' }, { ...v2, comment: 'Withdrawn: the proof of Theorem 2 is wrong' }];
    const keys = news.map((paper) => changeKey(changeSinceSaved(base, paper)!));
    expect(new Set([key, ...keys]).size).toBe(5);
  });
});
