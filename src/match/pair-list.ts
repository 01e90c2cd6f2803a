// Compact pair lists: a growable buffer of (a, b) index pairs in typed arrays, and the sorted union of pairs.
// Pure. Pairs are stored with a < b.

/** A growable list of index pairs backed by one Uint32Array (a0, b0, a1, b1, ...). */
export class PairBuffer {
  private data = new Uint32Array(1024);
  length = 0;

  /** Record count for compaction (repeats removed when the buffer is full); 0: never compacted. */
  private readonly n: number;
  /** Length after the last compaction. */
  private unique = 0;

  /** Compaction starts from this many pairs. */
  private readonly compactFrom: number;

  constructor(n = 0, compactFrom = 1 << 20) {
    this.n = n;
    this.compactFrom = compactFrom;
  }

  /** Adds the pair (min, max); self pairs are ignored. */
  push(i: number, j: number): void {
    if (i === j) return;
    if (this.length * 2 + 2 > this.data.length) this.grow();
    const o = this.length * 2;
    if (i < j) {
      this.data[o] = i;
      this.data[o + 1] = j;
    } else {
      this.data[o] = j;
      this.data[o + 1] = i;
    }
    this.length++;
  }

  /**
   * Makes room: when at least half of the pairs came since the last compaction and the record count is known, the
   * pairs are first sorted with repeats removed (overlapping blocks repeat many pairs), so that the buffer holds
   * about the distinct pairs rather than every pair pushed; it grows by half only when that frees less than a quarter.
   */
  private grow(): void {
    if (this.n > 0 && this.length >= this.compactFrom && this.length >= 2 * this.unique) {
      const { a, b } = this.toSortedUnique(this.n);
      for (let p = 0; p < a.length; p++) {
        this.data[2 * p] = a[p];
        this.data[2 * p + 1] = b[p];
      }
      this.length = a.length;
      this.unique = a.length;
      if (this.length * 2 <= (this.data.length * 3) / 4) return;
    }
    // Half as large again (not doubled): at tens of millions of pairs a doubled buffer left up to half of it unused.
    const next = new Uint32Array(2 * Math.ceil((this.data.length * 3) / 4));
    next.set(this.data.subarray(0, this.length * 2));
    this.data = next;
  }

  /**
   * Pairs sorted by (a, b) with repeats removed. Counting sort on a (one bucket per record), then each bucket's b
   * sorted: linear in the pairs plus small sorts (a sort of all pair codes took seconds at tens of millions).
   */
  toSortedUnique(n: number): { a: Uint32Array; b: Uint32Array } {
    return this.sortedUnique(n, false);
  }

  /**
   * toSortedUnique for the last time: the buffer is emptied as soon as its pairs are bucketed, before the result is
   * allocated, and the result lies in shared memory (scoring workers read it without a copy). At tens of millions
   * of pairs this keeps the buffer, the buckets and the result from being held all at once.
   */
  takeSortedUnique(n: number, onReleased?: () => void): { a: Uint32Array; b: Uint32Array } {
    return this.sortedUnique(n, true, onReleased);
  }

  /** `onReleased` is called once the buffer is let go and before the result is allocated (a moment to reclaim it). */
  private sortedUnique(n: number, take: boolean, onReleased?: () => void): { a: Uint32Array; b: Uint32Array } {
    const len = this.length;
    let data = this.data;
    const start = new Uint32Array(n + 1);
    for (let p = 0; p < len; p++) start[data[2 * p] + 1]++;
    for (let i = 0; i < n; i++) start[i + 1] += start[i];
    const next = start.slice(0, n);
    const bs = new Uint32Array(len);
    for (let p = 0; p < len; p++) bs[next[data[2 * p]]++] = data[2 * p + 1];
    if (take) {
      this.data = new Uint32Array(1024);
      this.length = 0;
      this.unique = 0;
    }
    data = new Uint32Array(0);
    onReleased?.();
    // Each bucket sorted, and the distinct pairs counted, so that the result is allocated at its size.
    let m = 0;
    for (let x = 0; x < n; x++) {
      const from = start[x];
      const to = start[x + 1];
      if (to === from) continue;
      const bucket = bs.subarray(from, to);
      if (to - from > 1) bucket.sort();
      let last = -1;
      for (let k = 0; k < bucket.length; k++) {
        if (bucket[k] !== last) m++;
        last = bucket[k];
      }
    }
    const a = take ? new Uint32Array(new SharedArrayBuffer(Math.max(1, m) * 4), 0, m) : new Uint32Array(m);
    const b = take ? new Uint32Array(new SharedArrayBuffer(Math.max(1, m) * 4), 0, m) : new Uint32Array(m);
    m = 0;
    for (let x = 0; x < n; x++) {
      let last = -1;
      for (let k = start[x]; k < start[x + 1]; k++) {
        const y = bs[k];
        if (y === last) continue;
        last = y;
        a[m] = x;
        b[m] = y;
        m++;
      }
    }
    return { a, b };
  }
}

/** Code of a pair for maps and sets (a < b, n = number of records; exact up to n ≈ 9e7). */
export function pairCode(a: number, b: number, n: number): number {
  return a < b ? a * n + b : b * n + a;
}
