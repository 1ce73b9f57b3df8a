import { describe, expect, it } from 'vitest';
import { inBatches, lastPerKey, MAX_PARAMETERS } from './bulk.js';

describe('inBatches', () => {
  it('keeps every batch under the parameter limit and every row in order', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => i);
    const batches = inBatches(rows, 7);
    expect(batches.map((b) => b.length)).toEqual([9362, 9362, 1276]);
    expect(batches.every((b) => b.length * 7 <= MAX_PARAMETERS)).toBe(true);
    expect(batches.flat()).toEqual(rows);
  });

  it('gives no batch for no rows, and one row per batch when a row alone is that wide', () => {
    expect(inBatches([], 3)).toEqual([]);
    expect(inBatches(['a', 'b'], MAX_PARAMETERS * 2)).toEqual([['a'], ['b']]);
  });
});

describe('lastPerKey', () => {
  it('keeps one row per key, the later one, as a loop of single upserts would have left it', () => {
    const rows = [
      { region: '06431', month: '2026-10', rate: 51 },
      { region: '06432', month: '2026-10', rate: 60 },
      { region: '06431', month: '2026-10', rate: 52 },
    ];
    expect(lastPerKey(rows, (r) => `${r.region} ${r.month}`)).toEqual([
      { region: '06431', month: '2026-10', rate: 52 },
      { region: '06432', month: '2026-10', rate: 60 },
    ]);
  });
});
