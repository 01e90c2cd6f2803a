// Deterministic ordering helpers. Never use localeCompare for output order: ICU data varies between builds.

/** Compares strings by UTF-16 code units: stable across machines and Node versions. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares record keys `source:row` by source name, then numeric row. */
export function compareRecordKeys(a: string, b: string): number {
  const ia = a.lastIndexOf(':');
  const ib = b.lastIndexOf(':');
  const sa = a.slice(0, ia);
  const sb = b.slice(0, ib);
  if (sa !== sb) return compareStrings(sa, sb);
  return Number(a.slice(ia + 1)) - Number(b.slice(ib + 1));
}

/**
 * Rank of each string in code-unit order, equal strings sharing a rank.
 * Example: ranksOf(['b', 'a', 'b']) → [1, 0, 1]
 */
export function ranksOf(values: readonly string[]): Int32Array {
  // The default sort compares strings by code units, as `<` does, without calling back into a comparator.
  const distinct = [...new Set(values)].sort();
  const rankOf = new Map<string, number>();
  distinct.forEach((v, r) => rankOf.set(v, r));
  return Int32Array.from(values, (v) => rankOf.get(v)!);
}

/**
 * The indices sorted by rank, ties by index, as numbers (rank · n + index sorts as one double; exact while
 * n² < 2^53, n up to 94 million). `n` is above every index.
 * Example: orderByRank([0, 1, 2], Int32Array.of(1, 0, 1), 3) → [1, 0, 2]
 */
export function orderByRank(indices: ArrayLike<number>, rank: ArrayLike<number>, n: number): Uint32Array {
  const m = indices.length;
  const order = new Float64Array(m);
  for (let k = 0; k < m; k++) order[k] = rank[indices[k]] * n + indices[k];
  order.sort();
  const sorted = new Uint32Array(m);
  for (let k = 0; k < m; k++) sorted[k] = order[k] % n;
  return sorted;
}
