import { describe, expect, it } from 'vitest';
import { isUnstorable, storableCopy, unstorablePaths } from './unstorable-text';

describe('unstorable text', () => {
  it('is a NUL character or a lone surrogate, wherever it stands', () => {
    expect(isUnstorable('a\u0000b')).toBe(true);
    expect(isUnstorable('\uD800')).toBe(true);
    expect(isUnstorable('x\uDC00')).toBe(true);
    expect(isUnstorable('\uDC00\uD800')).toBe(true); // both halves, in the wrong order
  });

  it('is not Persian, Arabic digits, emoji (a surrogate pair) or control characters PostgreSQL stores', () => {
    for (const text of ['دفتر خدمات ۱۲۳', '٠١٢٣', 'سلام 👋', 'tab\tand\nnewline', '\u200c'])
      expect(isUnstorable(text)).toBe(false);
  });

  it('is found in nested values and in keys, named as schema errors name fields', () => {
    const body = { parties: [{ name: 'ok' }, { name: 'bad\u0000' }], 'k\u0000': 1, title: '\uD83D' };
    expect(unstorablePaths(body)).toEqual(['parties.1.name', 'k\u0000', 'title']);
  });

  it('does not walk a body nested deeper than any of ours, it refuses it', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(unstorablePaths({ deep })).toHaveLength(1);
  });

  it('a storable copy replaces such text in strings and keys, cuts long text and what lies too deep', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(storableCopy({ 'k\u0000': ['a\uD800', 'x'.repeat(300), 5, null, { deep }] }, 100, 3)).toEqual({
      'k\uFFFD': ['a\uFFFD', 'x'.repeat(100), 5, null, { deep: '…' }],
    });
  });
});
