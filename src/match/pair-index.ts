// Lookup of a record pair among the candidate pairs, without a hash map: the pairs are sorted by (a, b), so an
// offset per first record and a binary search over the second find it. 4 bytes per record, no allocation per pair.

/** Position of each candidate pair, found by its two records. */
export interface PairIndex {
  /** Index p with a[p] = min(i, j) and b[p] = max(i, j), or -1 when the pair is not a candidate. */
  find(i: number, j: number): number;
}

/**
 * Indexes pairs sorted by (a, b) with a < b (as blocking returns them); n is the number of records.
 * Example: indexPairs(Uint32Array.of(0, 0, 2), Uint32Array.of(1, 3, 3), 4).find(3, 0) → 1
 */
export function indexPairs(a: Uint32Array, b: Uint32Array, n: number): PairIndex {
  const start = new Uint32Array(n + 1);
  for (let p = 0; p < a.length; p++) start[a[p] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  return {
    find(i: number, j: number): number {
      const x = i < j ? i : j;
      const y = i < j ? j : i;
      if (x === y || x < 0 || y >= n) return -1;
      let lo = start[x];
      let hi = start[x + 1];
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const v = b[mid];
        if (v === y) return mid;
        if (v < y) lo = mid + 1;
        else hi = mid;
      }
      return -1;
    },
  };
}
