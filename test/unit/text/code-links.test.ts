import { describe, expect, it } from 'vitest';
import { findCodeLinks } from '../../../lib/text/code-links';
import { apiEntries, pithCards, rssAbstracts } from './fixture-texts';

const urls = (...texts: string[]) => findCodeLinks(texts).map((link) => link.url);

describe('findCodeLinks on real abstracts', () => {
  it('finds the repositories that arXiv RSS abstracts link to, without the closing period', () => {
    const links = findCodeLinks(rssAbstracts);
    const found = links.map((link) => link.url);
    expect(found).toContain('https://github.com/DataArcTech/LazyTrain');
    expect(found).toContain('https://github.com/scitix/entlore');
    expect(found).toContain('https://github.com/IBM/BenchDrift/tree/demo-ui');
    expect(found).toContain('https://huggingface.co/datasets/AIDC-AI/CSEMOTIONS');
    expect(found.every((url) => /^https:\/\/(github\.com|huggingface\.co)\/[^\s]+[^.,;:)]$/.test(url))).toBe(true);
    // The RSS day links 15 distinct repositories (14 on GitHub, 1 dataset on Hugging Face).
    expect(links.filter((link) => link.host === 'GitHub')).toHaveLength(14);
    expect(links.filter((link) => link.host === 'Hugging Face')).toHaveLength(1);
  });

  it('lists a repository once however often it is mentioned', () => {
    const abstract = rssAbstracts.find((text) => text.includes('github.com/DataArcTech/LazyTrain'));
    expect(abstract).toBeDefined();
    // A comment repeating the abstract's link ("…LazyTrain.") with a trailing slash, as authors do.
    const comment = 'Code: https://github.com/DataArcTech/LazyTrain/';
    expect(urls(abstract ?? '', comment)).toEqual(['https://github.com/DataArcTech/LazyTrain']);
  });

  it('finds nothing in abstracts and comments that link no repository', () => {
    const texts = [...apiEntries.flatMap((entry) => [entry.summary, entry.comment ?? '']), ...pithCards.map((card) => card.abstract)];
    // These mention doi.org, youtu.be, a university site and icst2021.icmc.usp.br, none a code host.
    expect(findCodeLinks(texts)).toEqual([]);
  });
});

describe('findCodeLinks on written-out links', () => {
  it('names the host and normalizes to https', () => {
    expect(
      findCodeLinks([
        'Code: http://github.com/owner/repo, models at huggingface.co/owner/model; mirror on https://www.gitlab.com/group/sub/project.',
        'See codeberg.org/someone/tool and (https://bitbucket.org/team/repo).',
      ]),
    ).toEqual([
      { url: 'https://github.com/owner/repo', host: 'GitHub' },
      { url: 'https://huggingface.co/owner/model', host: 'Hugging Face' },
      { url: 'https://gitlab.com/group/sub/project', host: 'GitLab' },
      { url: 'https://codeberg.org/someone/tool', host: 'Codeberg' },
      { url: 'https://bitbucket.org/team/repo', host: 'Bitbucket' },
    ]);
  });

  it('strips trailing punctuation, a trailing slash and .git, and TeX escapes', () => {
    expect(urls('(see https://github.com/a/b).', 'https://github.com/c/d/, and', 'https://github.com/e/f.git.', 'https://github.com/g/my\\_repo')).toEqual([
      'https://github.com/a/b',
      'https://github.com/c/d',
      'https://github.com/e/f',
      'https://github.com/g/my_repo',
    ]);
  });

  it('treats the same repository written differently as one', () => {
    expect(urls('https://github.com/Owner/Repo', 'http://www.github.com/owner/repo/', 'GitHub.com/owner/repo.')).toEqual([
      'https://github.com/Owner/Repo',
    ]);
  });

  it('keeps only links to a repository, not to the host itself or its own pages', () => {
    expect(urls('https://github.com/', 'https://github.com/owner', 'https://github.com/features/actions', 'https://huggingface.co/docs/hub/spaces', 'https://huggingface.co/datasets/onlyowner')).toEqual([]);
  });
});

describe('findCodeLinks on hostile text', () => {
  it('never yields a link that is not https on the named host', () => {
    const hostile = [
      'javascript:alert(1)//github.com/owner/repo',
      'javascript://github.com/owner/repo',
      'data:text/html,github.com/owner/repo',
      'ftp://github.com/owner/repo',
      'https://github.com.evil.io/owner/repo',
      'https://github.com@evil.io/owner/repo',
      'github.com@evil.io/owner/repo',
      'https://evil.io/github.com/owner/repo',
      'https://user@github.com/owner/repo',
      'https://evilgithub.com/owner/repo',
      'https://evil-github.com/owner/repo',
      'https://github.community/owner/repo',
      'https://github.com/owner/repo"onmouseover="alert(1)',
      'https://github.com/owner/<script>alert(1)</script>',
    ];
    const links = findCodeLinks(hostile);
    // Only plain text that happens to contain the real address survives (after a comma, before a quote).
    expect(links.map((link) => link.url)).toEqual(['https://github.com/owner/repo']);
    for (const { url } of links) expect(new URL(url).host).toBe('github.com');
  });
});
