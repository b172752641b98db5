import { describe, expect, it } from 'vitest';
import { SAVE_LINK_MENU, paperFromMenuClick } from '../../../lib/background/context-menu';

describe('Save to Paper Radar on a link', () => {
  it.each([
    ['https://arxiv.org/abs/1706.03762', '1706.03762'],
    ['https://arxiv.org/pdf/1706.03762v7', '1706.03762'],
    ['https://arxiv.org/pdf/hep-th/9711200.pdf', 'hep-th/9711200'],
    ['http://www.arxiv.org/abs/math.GT/0309136v2', 'math/0309136'],
    ['https://export.arxiv.org/abs/2104.12255', '2104.12255'],
  ])('saves the paper a link points to: %s', (url, id) => {
    expect(paperFromMenuClick(SAVE_LINK_MENU, url)).toBe(id);
  });

  it.each([
    [SAVE_LINK_MENU, 'https://arxiv.org/list/cs.CL/recent'],
    [SAVE_LINK_MENU, 'https://arxiv.org.evil.com/abs/1706.03762'],
    [SAVE_LINK_MENU, 'javascript:alert(1)'],
    [SAVE_LINK_MENU, undefined],
    ['another-menu', 'https://arxiv.org/abs/1706.03762'],
  ])('ignores %s %s', (menu, url) => {
    expect(paperFromMenuClick(menu, url)).toBeNull();
  });
});
