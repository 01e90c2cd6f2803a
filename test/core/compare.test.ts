// Deterministic string order helpers.
import { describe, expect, it } from 'vitest';
import { orderByRank, ranksOf } from '../../src/core/compare.js';

describe('ranksOf', () => {
  it('ranks strings in code-unit order, equal strings alike', () => {
    // '\u0001' (the sort keys' separator) before a space, upper case before lower, Latin before Cyrillic.
    const values = ['ерлан', 'a b', 'a\u0001z', 'B', 'a\u0001z', 'ерлан', 'a'];
    const ranks = Array.from(ranksOf(values));
    expect(ranks).toEqual([4, 3, 2, 0, 2, 4, 1]);
    const byRank = values.map((v, i) => [ranks[i], v] as const).sort((x, y) => x[0] - y[0]).map(([, v]) => v);
    expect(byRank).toEqual([...values].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
  });
});

describe('orderByRank', () => {
  it('sorts the given indices by rank, ties by index', () => {
    const rank = Int32Array.of(2, 0, 2, 1, 0);
    expect(Array.from(orderByRank([0, 1, 2, 3, 4], rank, 5))).toEqual([1, 4, 3, 0, 2]);
    expect(Array.from(orderByRank([4, 2, 0], rank, 5))).toEqual([4, 0, 2]);
  });
});
