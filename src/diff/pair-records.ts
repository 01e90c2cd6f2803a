// Pairing of records across two versions: exact keys in order, then a one-to-one assignment by name similarity
// (greedy by score, ties broken by position), and detection of records that moved out of order. Pure.
import { compareNames, nameBlockingKeys, parseName } from '../names/index.js';
import type { NameComparison, NameInput, ParsedName } from '../names/types.js';

/**
 * Pairs items whose keys are equal, one-to-one, in their given order (the first old `x` with the first new `x`...).
 * Items already paired (`usedOld`/`usedNew`) are skipped; an empty key never pairs. Returns [oldIndex, newIndex] pairs.
 * Example: pairByKey(['a','b','a'], ['a','a'], ...) → [[0,0],[2,1]]
 */
export function pairByKey(
  oldKeys: readonly string[],
  newKeys: readonly string[],
  usedOld: boolean[],
  usedNew: boolean[],
): Array<[number, number]> {
  const queue = new Map<string, number[]>();
  for (let j = 0; j < newKeys.length; j++) {
    if (usedNew[j] || newKeys[j] === '') continue;
    const q = queue.get(newKeys[j]);
    if (q) q.push(j);
    else queue.set(newKeys[j], [j]);
  }
  const out: Array<[number, number]> = [];
  for (let i = 0; i < oldKeys.length; i++) {
    if (usedOld[i] || oldKeys[i] === '') continue;
    const q = queue.get(oldKeys[i]);
    if (!q || q.length === 0) continue;
    const j = q.shift()!;
    usedOld[i] = true;
    usedNew[j] = true;
    out.push([i, j]);
  }
  return out;
}

/** Parses each distinct name once and compares parsed names; the names engine is the only judge of spelling. */
export class NameMatcher {
  private readonly cache = new Map<string, ParsedName>();

  parse(input: NameInput): ParsedName {
    const key = typeof input === 'string' ? `s\u0000${input}` : `p\u0000${input.surname ?? ''}\u0000${input.given ?? ''}\u0000${input.patronymic ?? ''}`;
    let p = this.cache.get(key);
    if (!p) {
      p = parseName(input);
      this.cache.set(key, p);
    }
    return p;
  }

  compare(a: NameInput, b: NameInput): NameComparison {
    return compareNames(this.parse(a), this.parse(b));
  }

  keys(input: NameInput): string[] {
    return nameBlockingKeys(this.parse(input));
  }
}

export interface FuzzyCandidate {
  old: number;
  new: number;
  score: number;
  similarity: number;
}

/** Above this many old × new pairs, candidates come from the names engine's blocking keys instead of all pairs. */
const ALL_PAIRS_LIMIT = 250_000;

/**
 * One-to-one pairing of the unpaired items by names: every candidate pair is judged by `judge` (undefined = never
 * pair; else a score, higher is better); pairs are taken greedily by score, ties by old index then new index.
 * Candidates are all pairs for small inputs, else pairs sharing a blocking key.
 */
export function pairByNames(
  oldNames: readonly NameInput[],
  newNames: readonly NameInput[],
  usedOld: boolean[],
  usedNew: boolean[],
  matcher: NameMatcher,
  judge: (i: number, j: number, cmp: NameComparison) => number | undefined,
): FuzzyCandidate[] {
  const olds: number[] = [];
  const news: number[] = [];
  for (let i = 0; i < oldNames.length; i++) if (!usedOld[i]) olds.push(i);
  for (let j = 0; j < newNames.length; j++) if (!usedNew[j]) news.push(j);
  if (olds.length === 0 || news.length === 0) return [];

  const cands: FuzzyCandidate[] = [];
  const consider = (i: number, j: number) => {
    const cmp = matcher.compare(oldNames[i], newNames[j]);
    const score = judge(i, j, cmp);
    if (score !== undefined) cands.push({ old: i, new: j, score, similarity: cmp.similarity });
  };
  if (olds.length * news.length <= ALL_PAIRS_LIMIT) {
    for (const i of olds) for (const j of news) consider(i, j);
  } else {
    const byKey = new Map<string, number[]>();
    for (const j of news) {
      for (const k of matcher.keys(newNames[j])) {
        const l = byKey.get(k);
        if (l) l.push(j);
        else byKey.set(k, [j]);
      }
    }
    for (const i of olds) {
      const seen = new Set<number>();
      for (const k of matcher.keys(oldNames[i])) for (const j of byKey.get(k) ?? []) seen.add(j);
      for (const j of [...seen].sort((x, y) => x - y)) consider(i, j);
    }
  }
  cands.sort((x, y) => y.score - x.score || x.old - y.old || x.new - y.new);
  const out: FuzzyCandidate[] = [];
  for (const c of cands) {
    if (usedOld[c.old] || usedNew[c.new]) continue;
    usedOld[c.old] = true;
    usedNew[c.new] = true;
    out.push(c);
  }
  return out;
}

/**
 * Marks pairs that moved: pairs are taken in old order and the longest run that keeps its order in the new version
 * (longest increasing subsequence of new positions) stays put; every other pair moved. Insertions and removals above
 * a record renumber it but do not move it. Deterministic: among equally long runs, the one ending earliest wins.
 * Example: findMoved([[1,1],[2,3],[3,2]]) → [false, true, false]  (of two swapped rows, the one that went down moved)
 */
export function findMoved(pairs: ReadonlyArray<readonly [number, number]>): boolean[] {
  const order = pairs.map((_, k) => k).sort((x, y) => pairs[x][0] - pairs[y][0] || pairs[x][1] - pairs[y][1]);
  const tails: number[] = []; // tails[len-1] = index (into order) of the smallest tail of an increasing run of length len
  const prev: number[] = new Array(order.length).fill(-1);
  for (let t = 0; t < order.length; t++) {
    const v = pairs[order[t]][1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[order[tails[mid]]][1] < v) lo = mid + 1;
      else hi = mid;
    }
    prev[t] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = t;
  }
  const moved = new Array<boolean>(pairs.length).fill(true);
  let t = tails.length > 0 ? tails[tails.length - 1] : -1;
  while (t >= 0) {
    moved[order[t]] = false;
    t = prev[t];
  }
  return moved;
}
