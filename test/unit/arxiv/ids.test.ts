import { describe, expect, it } from 'vitest';
import { isBaseArxivId, parseArxivId } from '../../../lib/arxiv/ids';

describe('parseArxivId', () => {
  it.each([
    ['2605.12345', { id: '2605.12345' }],
    ['2605.12345v2', { id: '2605.12345', version: 2 }],
    ['0704.0001', { id: '0704.0001' }],
    ['1412.9999v11', { id: '1412.9999', version: 11 }],
    ['hep-th/9711200', { id: 'hep-th/9711200' }],
    ['hep-th/9711200v3', { id: 'hep-th/9711200', version: 3 }],
    ['math.GT/0309136', { id: 'math/0309136' }],
    ['math.GT/0309136v1', { id: 'math/0309136', version: 1 }],
    ['astro-ph/0601001', { id: 'astro-ph/0601001' }],
    ['arXiv:1706.03762', { id: '1706.03762' }],
    ['arxiv:1706.03762v7', { id: '1706.03762', version: 7 }],
    ['arXiv: 1706.03762', { id: '1706.03762' }],
    ['  1706.03762  ', { id: '1706.03762' }],
    ['https://arxiv.org/abs/1706.03762', { id: '1706.03762' }],
    ['http://arxiv.org/abs/1706.03762v5', { id: '1706.03762', version: 5 }],
    ['https://www.arxiv.org/abs/1706.03762', { id: '1706.03762' }],
    ['https://export.arxiv.org/abs/1706.03762', { id: '1706.03762' }],
    ['https://arxiv.org/pdf/1706.03762', { id: '1706.03762' }],
    ['https://arxiv.org/pdf/1706.03762v7', { id: '1706.03762', version: 7 }],
    ['https://arxiv.org/pdf/1706.03762.pdf', { id: '1706.03762' }],
    ['https://arxiv.org/pdf/1706.03762v2.pdf', { id: '1706.03762', version: 2 }],
    ['https://arxiv.org/html/2605.12345v1', { id: '2605.12345', version: 1 }],
    ['https://arxiv.org/html/2605.12345v1/', { id: '2605.12345', version: 1 }],
    ['https://arxiv.org/abs/hep-th/9711200', { id: 'hep-th/9711200' }],
    ['https://arxiv.org/abs/math.GT/0309136v2', { id: 'math/0309136', version: 2 }],
    ['http://export.arxiv.org/pdf/quant-ph/0201082v1', { id: 'quant-ph/0201082', version: 1 }],
    ['https://arxiv.org/abs/1706.03762?context=cs', { id: '1706.03762' }],
    ['https://arxiv.org/abs/1706.03762#comments', { id: '1706.03762' }],
  ])('%s', (input, expected) => {
    expect(parseArxivId(input)).toEqual(expected);
  });

  it.each([
    '',
    'hello',
    '1706.0376',
    '1706.037621',
    '2605.1234', // five digits since 2015
    '1412.12345', // four digits until 2014
    '1713.03762', // month 13
    '1700.03762',
    '1706.03762v0',
    '1706.03762v',
    'v1706.03762',
    '1706.03762 extra',
    'hep-th/971120',
    'HEP-TH/9711200',
    'https://arxiv.org.evil.com/abs/1706.03762',
    'https://evil.com/arxiv.org/abs/1706.03762',
    'https://arxiv.org/list/cs.CL/recent',
    'https://arxiv.org/abs/../../etc/passwd',
    'https://arxiv.org/abs/1706.03762/../../x',
    'ftp://arxiv.org/abs/1706.03762',
    'javascript:alert(1)//arxiv.org/abs/1706.03762',
    'doi:10.48550/arXiv.1706.03762',
  ])('rejects %j', (input) => {
    expect(parseArxivId(input)).toBeNull();
  });

  it('rejects non-strings and absurdly long input without throwing', () => {
    expect(parseArxivId(undefined as unknown as string)).toBeNull();
    expect(parseArxivId(`1706.03762${'v1'.repeat(10_000)}`)).toBeNull();
  });
});

describe('isBaseArxivId', () => {
  it('accepts stored ids only', () => {
    expect(isBaseArxivId('1706.03762')).toBe(true);
    expect(isBaseArxivId('hep-th/9711200')).toBe(true);
    expect(isBaseArxivId('1706.03762v2')).toBe(false);
    expect(isBaseArxivId('math.GT/0309136')).toBe(false);
    expect(isBaseArxivId('arXiv:1706.03762')).toBe(false);
    expect(isBaseArxivId(42)).toBe(false);
  });
});
