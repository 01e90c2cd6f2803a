// Compact pair lists: a growable buffer of (a, b) index pairs in typed arrays, and the sorted union of pairs.
// Pure. Pairs are stored with a < b.

/** Pair codes are a · PAIR_BASE + b: exact in a double, and ordered as (a, b). Records beyond it cannot be paired. */
const PAIR_BASE = 2 ** 26;

/**
 * A growable list of index pairs backed by one Float64Array of pair codes (a · 2^26 + b, 8 bytes a pair). Repeats
 * are removed by sorting the codes in place: no memory beyond the buffer itself (a counting sort into separate
 * arrays took 12 bytes a pair more, over a gigabyte at a million records).
 */
export class PairBuffer {
  private data = new Float64Array(512);
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
    if (this.length === this.data.length) this.grow();
    const x = i < j ? i : j;
    const y = i < j ? j : i;
    if (y >= PAIR_BASE) throw new RangeError(`record index ${y} is beyond the pair buffer's range (${PAIR_BASE})`);
    this.data[this.length++] = x * PAIR_BASE + y;
  }

  /** Sorts the codes in place and removes repeats; returns the number of distinct pairs (now at the front). */
  private sortUnique(): number {
    const codes = this.data.subarray(0, this.length);
    codes.sort();
    let m = 0;
    for (let p = 0; p < codes.length; p++) {
      if (m > 0 && codes[p] === codes[m - 1]) continue;
      codes[m++] = codes[p];
    }
    this.length = m;
    return m;
  }

  /**
   * Makes room: when at least half of the pairs came since the last compaction and the record count is known, the
   * pairs are first sorted with repeats removed (overlapping blocks repeat many pairs), so that the buffer holds
   * about the distinct pairs rather than every pair pushed; it grows by half only when that frees less than a quarter.
   */
  private grow(): void {
    if (this.n > 0 && this.length >= this.compactFrom && this.length >= 2 * this.unique) {
      this.unique = this.sortUnique();
      if (this.length <= (this.data.length * 3) / 4) return;
    }
    // Half as large again (not doubled): at tens of millions of pairs a doubled buffer left up to half of it unused.
    const next = new Float64Array(Math.ceil((this.data.length * 3) / 2));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  /**
   * Pairs sorted by (a, b) with repeats removed (the codes sorted in place; the buffer keeps them).
   * `n` is the number of records (every index is below it).
   */
  toSortedUnique(n: number): { a: Uint32Array; b: Uint32Array } {
    return this.sortedUnique(n, false);
  }

  /**
   * toSortedUnique for the last time: the result lies in shared memory (scoring workers read it without a copy), and
   * the buffer is let go once it is filled; `onReleased` is called then (a moment for the caller to reclaim it).
   */
  takeSortedUnique(n: number, onReleased?: () => void): { a: Uint32Array; b: Uint32Array } {
    return this.sortedUnique(n, true, onReleased);
  }

  private sortedUnique(n: number, take: boolean, onReleased?: () => void): { a: Uint32Array; b: Uint32Array } {
    const m = this.sortUnique();
    const codes = this.data;
    const a = take ? new Uint32Array(new SharedArrayBuffer(Math.max(1, m) * 4), 0, m) : new Uint32Array(m);
    const b = take ? new Uint32Array(new SharedArrayBuffer(Math.max(1, m) * 4), 0, m) : new Uint32Array(m);
    for (let p = 0; p < m; p++) {
      const x = Math.floor(codes[p] / PAIR_BASE);
      const y = codes[p] - x * PAIR_BASE;
      if (y >= n) throw new RangeError(`record index ${y} is not below the record count ${n}`);
      a[p] = x;
      b[p] = y;
    }
    if (take) {
      this.data = new Float64Array(512);
      this.length = 0;
      this.unique = 0;
      onReleased?.();
    }
    return { a, b };
  }
}

/** A growable list of 32-bit integers: `data` holds them up to `length` (read it directly; it is replaced as it grows). */
export class GrowableInts {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/** Code of a pair for maps and sets (a < b, n = number of records; exact up to n ≈ 9e7). */
export function pairCode(a: number, b: number, n: number): number {
  return a < b ? a * n + b : b * n + a;
}
