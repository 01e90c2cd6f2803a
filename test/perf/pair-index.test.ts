// The candidate-pair lookup finds every pair in either order and nothing else.
import { describe, expect, it } from 'vitest';
import { indexPairs } from '../../src/match/pair-index.js';
import { PairBuffer } from '../../src/match/pair-list.js';

describe('indexPairs', () => {
  it('finds each sorted pair by its records, in either order, and -1 for others', () => {
    const n = 60;
    const buffer = new PairBuffer();
    // A deterministic scatter of pairs, some repeated and some reversed.
    for (let k = 0; k < 400; k++) buffer.push((k * 37) % n, (k * 11 + 5) % n);
    const { a, b } = buffer.toSortedUnique(n);
    const index = indexPairs(a, b, n);
    const want = new Map<string, number>();
    for (let p = 0; p < a.length; p++) want.set(`${a[p]}:${b[p]}`, p);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const key = i < j ? `${i}:${j}` : `${j}:${i}`;
        expect(index.find(i, j)).toBe(i === j ? -1 : (want.get(key) ?? -1));
      }
    }
  });

  it('handles no pairs and out-of-range records', () => {
    const index = indexPairs(new Uint32Array(0), new Uint32Array(0), 3);
    expect(index.find(0, 1)).toBe(-1);
    expect(index.find(0, 7)).toBe(-1);
  });
});
