import { describe, expect, it } from 'vitest';
import { paperFromLink } from '../../../lib/content/paper-link';

const PAGE = new URL('https://arxiv.org/list/cs.CL/recent');

function link(href: string): Element {
  const a = document.createElement('a');
  a.setAttribute('href', href);
  document.body.append(a);
  return a;
}

describe('paperFromLink', () => {
  it.each([
    ['/abs/2608.12278', { id: '2608.12278' }],
    ['https://arxiv.org/abs/1706.03762v7', { id: '1706.03762', version: 7 }],
    ['http://www.arxiv.org/abs/1207.7214', { id: '1207.7214' }],
    ['https://export.arxiv.org/abs/1207.7214v2', { id: '1207.7214', version: 2 }],
    ['/abs/hep-th/9711200', { id: 'hep-th/9711200' }],
    ['/abs/math.GT/0309136', { id: 'math/0309136' }],
    ['/abs/1706.03762?context=cs', { id: '1706.03762' }],
  ])('reads %s', (href, paper) => {
    expect(paperFromLink(link(href), PAGE)).toEqual(paper);
  });

  it.each([
    ['path traversal', '/abs/../../etc'],
    ['path traversal after an id', '/abs/1706.03762/../../etc/passwd'],
    ['path traversal that lands on an id', '/abs/x/../1706.03762'],
    ['encoded traversal', '/abs/%2e%2e/%2E%2E/1706.03762'],
    ['backslashes', 'https://arxiv.org\\abs\\1706.03762'],
    ['a look-alike host', 'https://arxiv.org.evil.com/abs/1706.03762'],
    ['another host', 'https://evil.example/abs/1706.03762'],
    ['a protocol-relative other host', '//evil.example/abs/1706.03762'],
    ['a script URL', 'javascript:alert(1)//arxiv.org/abs/1706.03762'],
    ['a PDF link', '/pdf/1706.03762'],
    ['an HTML paper link', 'https://arxiv.org/html/1706.03762v7'],
    ['an id with a suffix', '/abs/1706.03762.evil'],
    ['an impossible id', '/abs/1713.00001'],
    ['more path after the id', '/abs/1706.03762/extra'],
    ['an encoded NUL', '/abs/1706.03762%00'],
    ['an empty href', ''],
  ])('ignores %s (%s)', (_what, href) => {
    expect(paperFromLink(link(href), PAGE)).toBeNull();
  });

  it('ignores a link without href', () => {
    expect(paperFromLink(document.createElement('a'), PAGE)).toBeNull();
  });

  it('ignores a link inside a save control, which a page can plant', () => {
    const planted = document.createElement('button');
    planted.setAttribute('data-paper-radar-save', '');
    const a = link('/abs/1706.03762');
    planted.append(a);
    expect(paperFromLink(a, PAGE)).toBeNull();
  });
});
