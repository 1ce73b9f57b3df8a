import { describe, expect, it } from 'vitest';
import { formatEuro, percentOf, splitEvenly } from './money.js';

describe('percentOf', () => {
  it('rounds half up to the cent', () => {
    expect(percentOf(5, 1_000)).toBe(1); // 0.5 ct → 1 ct
    expect(percentOf(4, 1_000)).toBe(0); // 0.4 ct → 0 ct
    expect(percentOf(56_300, 230)).toBe(1_295); // 1,294.9 ct
    expect(percentOf(56_300, 3_600)).toBe(20_268);
  });
});

describe('splitEvenly', () => {
  it('gives the odd cents to the first parts and keeps the sum', () => {
    expect(splitEvenly(10_001, 3)).toEqual([3_334, 3_334, 3_333]);
    expect(splitEvenly(85_000, 3).reduce((a, b) => a + b, 0)).toBe(85_000);
  });
});

describe('formatEuro', () => {
  it('formats German and English amounts', () => {
    expect(formatEuro(123_456, 'de-DE')).toBe('1.234,56\u00a0€');
    expect(formatEuro(123_456, 'en-GB')).toBe('€1,234.56');
    expect(formatEuro(5, 'de-DE')).toBe('0,05\u00a0€');
  });
});
