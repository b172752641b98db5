import { DENSITY_KEY, readDensity, writeDensity } from '../../../lib/ui/density';
import { describe, expect, it } from 'vitest';
import { arxivLinks } from '../../../lib/ui/arxiv-links';
import { authorsLine, authorsText } from '../../../lib/ui/authors';
import { timeAgo } from '../../../lib/ui/relative-time';
import { applyTheme, cachedTheme, cacheTheme } from '../../../lib/ui/theme';
import { attentionPaper, higgsPaper } from '../../helpers/fixtures';

describe('authors', () => {
  const attentionAuthors = attentionPaper.authors.map((a) => a.name);

  it('shows the first three of a long list and counts them all', () => {
    expect(authorsText(attentionAuthors)).toBe('Ashish Vaswani, Noam Shazeer, Niki Parmar et al. (8)');
    expect(authorsLine(attentionAuthors)).toMatchObject({ shown: attentionAuthors.slice(0, 3), total: 8, truncated: true });
    // arXiv lists the ATLAS paper under its collaboration alone.
    expect(authorsText(higgsPaper.authors.map((a) => a.name))).toBe('The ATLAS Collaboration');
  });

  it('never hides a single name behind "et al."', () => {
    expect(authorsText(['A', 'B', 'C', 'D'])).toBe('A, B, C, D');
    expect(authorsText(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C et al. (5)');
  });
});

describe('timeAgo', () => {
  const now = Date.UTC(2026, 4, 19, 12);
  it.each([
    [now - 20_000, 'just now'],
    [now - 5 * 60_000, '5 min ago'],
    [now - 2 * 3_600_000 - 59 * 60_000, '2 h ago'],
    [now - 30 * 3_600_000, 'yesterday'],
    [now - 3 * 86_400_000, '3 days ago'],
    [now + 60_000, 'just now'], // a clock a little ahead never says "in the future"
  ])('%s → %s', (then, expected) => {
    expect(timeAgo(then, now)).toBe(expected);
  });
});

describe('arxivLinks', () => {
  it('builds abstract, PDF and HTML links from the id and version', () => {
    expect(arxivLinks('1706.03762', 7)).toEqual({
      abs: 'https://arxiv.org/abs/1706.03762v7',
      pdf: 'https://arxiv.org/pdf/1706.03762v7',
      html: 'https://arxiv.org/html/1706.03762v7',
    });
    expect(arxivLinks('hep-th/9711200', 2)?.abs).toBe('https://arxiv.org/abs/hep-th/9711200v2');
  });

  it('refuses anything that is not a stored arXiv id', () => {
    expect(arxivLinks('javascript:alert(1)//', 1)).toBeNull();
    expect(arxivLinks('1706.03762v7', 7)).toBeNull();
    expect(arxivLinks('../../evil', 1)).toBeNull();
    expect(arxivLinks('1706.03762', 0)).toBeNull();
  });
});

describe('theme', () => {
  it('sets light or dark on the root and leaves system to the stylesheet', () => {
    const root = document.createElement('html');
    applyTheme(root, 'dark');
    expect(root.dataset.theme).toBe('dark');
    applyTheme(root, 'system');
    expect(root.hasAttribute('data-theme')).toBe(false);
  });

  it('remembers the theme for the next first paint and ignores junk', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(cachedTheme(storage)).toBe('system');
    cacheTheme(storage, 'dark');
    expect(cachedTheme(storage)).toBe('dark');
    storage.setItem('paper-radar:theme', '<script>');
    expect(cachedTheme(storage)).toBe('system');
  });
});

describe('density', () => {
  const memory = () => {
    const values = new Map<string, string>();
    return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) };
  };

  it('is remembered, and whole cards until chosen or when storage holds something else', () => {
    const storage = memory();
    expect(readDensity(storage)).toBe('comfortable');
    expect(writeDensity(storage, 'compact')).toBe(true);
    expect(readDensity(storage)).toBe('compact');
    storage.setItem(DENSITY_KEY, 'tiny');
    expect(readDensity(storage)).toBe('comfortable');
  });

  it('lasts for the page when storage refuses it', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readDensity(refusing)).toBe('comfortable');
    expect(writeDensity(refusing, 'compact')).toBe(false);
  });
});
