import { describe, expect, it } from 'vitest';
import { detectPage } from '../../../lib/content/page-kind';

const kindOf = (href: string) => detectPage(new URL(href));

describe('detectPage', () => {
  it.each([
    ['https://arxiv.org/abs/1706.03762', 'abs'],
    ['https://arxiv.org/abs/1706.03762v7', 'abs'],
    ['https://www.arxiv.org/abs/1207.7214?context=hep-ex', 'abs'],
    ['https://arxiv.org/abs/hep-th/9711200', 'abs'],
    ['https://arxiv.org/abs/math.GT/0309136v2', 'abs'],
    ['http://arxiv.org/abs/2608.12278/', 'abs'],
    ['https://arxiv.org/list/cs.CL/new', 'listing'],
    ['https://arxiv.org/list/cs.CL/recent?skip=0&show=50', 'listing'],
    ['https://arxiv.org/list/astro-ph.CO/pastweek?show=250', 'listing'],
    ['https://arxiv.org/list/hep-th/2026-08', 'listing'],
    ['https://arxiv.org/list/math/recent', 'listing'],
    ['https://arxiv.org/search/?searchtype=all&query=attention+is+all+you+need&size=50', 'search'],
    ['https://arxiv.org/search/advanced?advanced=&terms-0-term=transformer', 'search'],
    ['https://arxiv.org/search/cs?searchtype=author&query=Vaswani,+A', 'search'],
    ['https://arxiv.org/a/vaswani_a_1', 'author'],
    ['https://arxiv.org/a/vaswani_a_1.html', 'author'],
    ['https://arxiv.org/a/0000-0002-7970-7855', 'author'],
    ['https://arxiv.org/html/2608.12278v1', 'html'],
    ['https://arxiv.org/html/2608.12278', 'html'],
    ['https://arxiv.org/html/2608.12278v1/', 'html'],
  ])('%s is %s', (href, kind) => {
    expect(kindOf(href)).toBe(kind);
  });

  it.each([
    ['home', 'https://arxiv.org/'],
    ['help', 'https://arxiv.org/help/api'],
    ['login', 'https://arxiv.org/login'],
    ['a PDF', 'https://arxiv.org/pdf/1706.03762v7'],
    ['the source download', 'https://arxiv.org/src/1706.03762'],
    ['an author Atom feed', 'https://arxiv.org/a/vaswani_a_1.atom2'],
    ['a figure of an HTML paper', 'https://arxiv.org/html/2608.12278v1/x1.png'],
    ['an abs URL without a valid id', 'https://arxiv.org/abs/1713.00001'],
    ['an abs URL that is not an id', 'https://arxiv.org/abs/foo'],
    ['an abs URL with more after the id', 'https://arxiv.org/abs/1706.03762/extra/path'],
    ['a listing of something else', 'https://arxiv.org/list/cs.CL/everything'],
    ['the category archive page', 'https://arxiv.org/archive/cs'],
    ['a look-alike host', 'https://arxiv.org.evil.com/abs/1706.03762'],
    ['another host', 'https://evil.example/abs/1706.03762'],
    ['the API host', 'https://export.arxiv.org/api/query?search_query=all:electron'],
    ['a non-web scheme', 'file:///abs/1706.03762'],
  ])('leaves %s alone (%s)', (_what, href) => {
    expect(kindOf(href)).toBeNull();
  });

  it('reads the path after URL normalisation, so traversal cannot fake an abs page', () => {
    expect(kindOf('https://arxiv.org/abs/../../etc/passwd')).toBeNull();
    expect(kindOf('https://arxiv.org/abs/%2E%2E/1706.03762')).toBeNull();
  });
});
