import { describe, expect, it } from 'vitest';
import { samePlainValue } from '../../../../components/common/same-value';

describe('samePlainValue', () => {
  it('finds a record read again equal to the one read before', () => {
    const read = () => ({ id: '1706.03762', tags: ['nlp', 'attention'], baseline: { version: 5, title: 'Attention' }, labels: new Map([['s1', 'transformers']]) });
    expect(samePlainValue(read(), read())).toBe(true);
    expect(samePlainValue([read(), null], [read(), null])).toBe(true);
  });

  it('finds any change, however deep', () => {
    const item = { id: 'a', tags: ['x'], baseline: { version: 1 }, labels: new Map([['s1', 'one']]) };
    expect(samePlainValue(item, { ...item, tags: ['x', 'y'] })).toBe(false);
    expect(samePlainValue(item, { ...item, baseline: { version: 2 } })).toBe(false);
    expect(samePlainValue(item, { ...item, labels: new Map([['s1', 'two']]) })).toBe(false);
    expect(samePlainValue(item, { ...item, labels: new Map([['s2', 'one']]) })).toBe(false);
    expect(samePlainValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(samePlainValue({ a: undefined }, { b: undefined })).toBe(false);
    expect(samePlainValue({ note: undefined }, {})).toBe(false);
    expect(samePlainValue([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(samePlainValue(null, {})).toBe(false);
    expect(samePlainValue(Number.NaN, Number.NaN)).toBe(true);
  });
});
