// The sorted union of candidate pairs: sorted by (a, b), each pair once, whatever the order and repeats of pushes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GrowableInts, PairBuffer } from '../../src/match/pair-list.js';

/** The plain way: codes a·n + b sorted and deduplicated. */
function reference(pairs: Array<[number, number]>, n: number): { a: number[]; b: number[] } {
  const codes = [...new Set(pairs.filter(([i, j]) => i !== j).map(([i, j]) => Math.min(i, j) * n + Math.max(i, j)))].sort((x, y) => x - y);
  return { a: codes.map((c) => Math.floor(c / n)), b: codes.map((c) => c % n) };
}

/** Pushes random pairs over n records into a fresh buffer and checks its sorted union against the reference. */
function checkAgainstReference(minN: number, maxN: number, maxPushes: number, makeBuffer: (n: number) => PairBuffer, runs: number, seed: number): void {
  fc.assert(
    fc.property(fc.integer({ min: minN, max: maxN }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: maxPushes }))), ([n, pairs]) => {
      const buffer = makeBuffer(n);
      for (const [i, j] of pairs) buffer.push(i, j);
      const got = buffer.toSortedUnique(n);
      const want = reference(pairs, n);
      expect(Array.from(got.a)).toEqual(want.a);
      expect(Array.from(got.b)).toEqual(want.b);
    }),
    { numRuns: runs, seed },
  );
}

describe('PairBuffer.toSortedUnique', () => {
  it('matches sorting the pair codes, on random pushes', () => {
    checkAgainstReference(1, 40, 300, () => new PairBuffer(), 300, 20220105);
  });

  it('gives the same pairs when repeats are removed while pushing (compaction of a full buffer)', () => {
    checkAgainstReference(2, 30, 3000, (n) => new PairBuffer(n, 8), 200, 20220106);
  });

  it('gives the sorted union of everything pushed when asked again after more pushes (the new pairs merged in)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }).chain((n) =>
          fc.tuple(fc.constant(n), fc.array(fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 200 }), { minLength: 1, maxLength: 5 })),
        ),
        ([n, rounds]) => {
          const buffer = new PairBuffer(n, 8);
          const all: Array<[number, number]> = [];
          for (const pairs of rounds) {
            for (const [i, j] of pairs) buffer.push(i, j);
            all.push(...pairs);
            const got = buffer.toSortedUnique(n);
            const want = reference(all, n);
            expect(Array.from(got.a)).toEqual(want.a);
            expect(Array.from(got.b)).toEqual(want.b);
          }
        },
      ),
      { numRuns: 200, seed: 20220107 },
    );
  });

  it('gives empty lists for no pairs', () => {
    const got = new PairBuffer().toSortedUnique(5);
    expect(got.a.length).toBe(0);
    expect(got.b.length).toBe(0);
  });
});

describe('GrowableInts', () => {
  it('keeps every value pushed, in order, as it grows past its capacity', () => {
    const list = new GrowableInts(2);
    for (let v = 0; v < 1000; v++) list.push(v * 7 - 3000);
    expect(list.length).toBe(1000);
    expect(list.data.length).toBeGreaterThanOrEqual(1000);
    expect(Array.from(list.data.subarray(0, list.length))).toEqual(Array.from({ length: 1000 }, (_, v) => v * 7 - 3000));
  });
});
