// Capture-history tables: counts of people by which of k lists name them. Cell index = bit mask
// (bit j set = on list j); cell 0 (on no list) is never observed. Pure.

export interface CaptureTable {
  /** List names, in the order of the bits (list j ↔ bit j ↔ character j of a history string). */
  lists: readonly string[];
  /** counts[mask] for mask = 0 … 2^k − 1; counts[0] is always 0 (the unobserved cell). */
  counts: readonly number[];
}

/** History string of a mask: character j is `1` when list j names the person, e.g. mask 5 with k = 3 → `101`. */
export function formatHistory(mask: number, k: number): string {
  let s = '';
  for (let j = 0; j < k; j++) s += (mask >> j) & 1 ? '1' : '0';
  return s;
}

/** Mask of a history string (character j ↔ list j), e.g. `011` → 6. */
export function parseHistory(history: string): number {
  let mask = 0;
  for (let j = 0; j < history.length; j++) {
    const ch = history[j];
    if (ch === '1') mask |= 1 << j;
    else if (ch !== '0') throw new RangeError(`capture history "${history}" holds "${ch}"; only 0 and 1 are allowed`);
  }
  return mask;
}

/**
 * Builds a table from history strings and counts, e.g. `{ '001': 63, '010': 55, … }` with lists [P, Q, E]:
 * `001` means on E only. Missing histories count 0.
 * @example makeCaptureTable(['P', 'Q'], { '10': 86, '01': 73, '11': 49 }).counts // [0, 86, 73, 49]
 */
export function makeCaptureTable(lists: readonly string[], cells: Readonly<Record<string, number>>): CaptureTable {
  const k = lists.length;
  const counts = new Array<number>(1 << k).fill(0);
  for (const [history, count] of Object.entries(cells)) {
    if (history.length !== k) throw new RangeError(`capture history "${history}" has ${history.length} digits, expected ${k}`);
    const mask = parseHistory(history);
    if (mask === 0) throw new RangeError('the history with no list is unobservable and cannot be given');
    if (!(count >= 0)) throw new RangeError(`count for "${history}" must be a non-negative number`);
    counts[mask] += count;
  }
  return { lists: [...lists], counts };
}

/** Counts people by capture history over the given lists; people on none of them are skipped. */
export function tabulateHistories(persons: readonly { sources: readonly string[] }[], lists: readonly string[]): CaptureTable {
  const index = new Map<string, number>();
  lists.forEach((name, j) => index.set(name, j));
  const counts = new Array<number>(1 << lists.length).fill(0);
  for (const p of persons) {
    let mask = 0;
    for (const s of p.sources) {
      const j = index.get(s);
      if (j !== undefined) mask |= 1 << j;
    }
    if (mask !== 0) counts[mask] += 1;
  }
  return { lists: [...lists], counts };
}

/** Number of distinct people observed (all cells but the unseen one). */
export function countObserved(table: CaptureTable): number {
  let n = 0;
  for (let mask = 1; mask < table.counts.length; mask++) n += table.counts[mask];
  return n;
}

/** People on every list of `members` (the margin of that interaction term). */
export function countOnAll(table: CaptureTable, members: readonly number[]): number {
  let want = 0;
  for (const j of members) want |= 1 << j;
  let n = 0;
  for (let mask = 1; mask < table.counts.length; mask++) if ((mask & want) === want) n += table.counts[mask];
  return n;
}

/** Keeps only some lists (by index, in the given order) and re-tabulates; people left on none drop out. */
export function projectTable(table: CaptureTable, keep: readonly number[]): CaptureTable {
  const counts = new Array<number>(1 << keep.length).fill(0);
  for (let mask = 1; mask < table.counts.length; mask++) {
    let sub = 0;
    keep.forEach((j, i) => {
      if ((mask >> j) & 1) sub |= 1 << i;
    });
    if (sub !== 0) counts[sub] += table.counts[mask];
  }
  return { lists: keep.map((j) => table.lists[j]), counts };
}
