// Compact pair lists: a growable buffer of (a, b) index pairs in typed arrays, and the sorted union of pairs.
// Pure. Pairs are stored with a < b.

/** A growable list of index pairs backed by one Uint32Array (a0, b0, a1, b1, ...). */
export class PairBuffer {
  private data = new Uint32Array(1024);
  length = 0;

  /** Adds the pair (min, max); self pairs are ignored. */
  push(i: number, j: number): void {
    if (i === j) return;
    if (this.length * 2 + 2 > this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
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

  /** Pairs sorted by (a, b) with repeats removed. */
  toSortedUnique(n: number): { a: Uint32Array; b: Uint32Array } {
    const codes = new Float64Array(this.length);
    for (let p = 0; p < this.length; p++) codes[p] = this.data[2 * p] * n + this.data[2 * p + 1];
    codes.sort();
    let m = 0;
    for (let p = 0; p < codes.length; p++) if (p === 0 || codes[p] !== codes[p - 1]) codes[m++] = codes[p];
    const a = new Uint32Array(m);
    const b = new Uint32Array(m);
    for (let p = 0; p < m; p++) {
      const c = codes[p];
      const x = Math.floor(c / n);
      a[p] = x;
      b[p] = c - x * n;
    }
    return { a, b };
  }
}

/** Code of a pair for maps and sets (a < b, n = number of records; exact up to n ≈ 9e7). */
export function pairCode(a: number, b: number, n: number): number {
  return a < b ? a * n + b : b * n + a;
}
