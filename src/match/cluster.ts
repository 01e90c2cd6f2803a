// Clustering of scored pairs into persons: links taken strongest first into a union–find (a maximum spanning
// forest), refusing a link that would put two records of one duplicate-free source together (one-to-one: the
// best link wins), join records a clerk declared distinct, or join two groups whose members disagree strongly
// (chain guard: the chain is cut at its weakest link), or link weakly names the names engine calls different. Must-link
// decisions are applied first and always hold. Then groups that are each other's only candidate are joined a little
// below the threshold (exclusive candidates, see EXCLUSIVE_BITS). Pure.
import { weightToProbability } from './model.js';

export interface ClusterInput {
  n: number;
  /** Candidate pairs and their total weights. */
  a: Uint32Array;
  b: Uint32Array;
  weight: Float32Array;
  /** Per pair: 1 when the names differ (the pair is never linked by the model). */
  namesDiffer: Uint8Array;
  source: Int32Array;
  /** Per source index: 1 when duplicate-free. */
  uniqueSource: Uint8Array;
  mustLink: ReadonlyArray<readonly [number, number]>;
  cannotLink: ReadonlyArray<readonly [number, number]>;
  /** Match probability of any pair (used by the chain guard). */
  pairProbability: (i: number, j: number) => number;
  /** Pairs whose names differ are linked only at this weight or more (Infinity: never). */
  namesDifferMinWeight: number;
  /** Links inside one source need at least this weight as well as the threshold (strong evidence). */
  withinMinWeight: number;
  /** Exclusive candidates may link this many bits below the threshold (0 or absent: off; see EXCLUSIVE_BITS). */
  exclusiveBits?: number;
}

export interface ClusterOutcome {
  clusters: number[][];
  /** Cluster number of each record (index into clusters). */
  clusterOf: Int32Array;
  refused: { oneToOne: number; chainGuard: number; sameSource: number; cannotLink: number; namesDiffer: number };
  /** Cannot-link decisions between records that must-link decisions already joined (ignored). */
  contradicted: number;
  /** Indices of the pairs below the threshold that joined two groups as exclusive candidates. */
  exclusive: number[];
}

/**
 * Exclusive candidates. A record written with a common name and little else (no patronymic, no age) matches each of
 * several namesakes at a probability well under one half, because its pair alone cannot tell them apart. Most of
 * those namesakes, though, already hold a record of the same list, and a list seldom names a person twice. When, after
 * the links above the threshold, two groups are each other's best candidate, neither has another candidate within
 * EXCLUSIVE_MARGIN_BITS of it that does not already hold a record of one of their lists, and their best pair is at
 * most EXCLUSIVE_BITS below the threshold (p 0.2 for a threshold of 0.5), they are joined. The other guards still
 * apply: names that differ never qualify, no pair across them may be a near-certain non-match, cannot-link decisions
 * hold, and the two groups share no list (so one-to-one holds too). On two 20,000-person scenarios this turned about
 * 330 missed pairs into links for about 60 false ones each.
 */
export const EXCLUSIVE_BITS = 2;
/** The runner-up candidate of either group must be at least this many bits weaker than their pair. */
export const EXCLUSIVE_MARGIN_BITS = 1;
/** Evidence line of a link made by the exclusive-candidate rule. */
export const EXCLUSIVE_NOTE =
  'exclusive candidates: linked below the threshold because each is the other\'s only candidate (every other candidate person already holds a record of the same list, or is at least 1 bit weaker)';

/** A merge is refused when some pair across the two groups is below this probability... */
export const CHAIN_MIN_PROBABILITY = 0.01;
/** ...or when the pairs across the two groups average below this probability. */
export const CHAIN_MEAN_PROBABILITY = 0.35;
/**
 * Two records of one source may meet through records of other sources unless their own pair, scored with the lower
 * same-source prior, is below this probability (or below the threshold when that is lower): more likely two persons
 * than one. Their own pair alone rarely clears the threshold, since lists seldom repeat a person.
 */
export const SAME_SOURCE_MIN_PROBABILITY = 0.5;
/** Cross pairs examined per merge at most (members beyond are sampled by position). */
const CHAIN_MAX_CHECKS = 400;

/**
 * Pair indices with weight ≥ minWeight, strongest first, ties by record indices (so the result does not depend on
 * anything but the records' order). The pairs come sorted by (a, b), as blocking returns them, so ties by index are
 * ties by records: a stable radix sort on the weight alone gives that order without a comparison function (at a
 * million records the links to sort run into tens of millions).
 * Example: sortLinks(input, 3.17) → indices of pairs above p = 0.9.
 */
export function sortLinks(input: ClusterInput, minWeight: number): Uint32Array {
  const { weight } = input;
  let count = 0;
  for (let p = 0; p < weight.length; p++) if (weight[p] >= minWeight) count++;
  let idx = new Uint32Array(count);
  for (let p = 0, c = 0; p < weight.length; p++) if (weight[p] >= minWeight) idx[c++] = p;
  // Descending order of the float32 weight as an unsigned key: flip all bits of negatives, the sign bit of others,
  // then invert (−0 is taken as +0, as the comparison would).
  if (!sortedByRecords(input)) {
    return Uint32Array.from([...idx].sort((p, q) => weight[q] - weight[p] || input.a[p] - input.a[q] || input.b[p] - input.b[q]));
  }
  const values = new Float32Array(count);
  for (let c = 0; c < count; c++) values[c] = weight[idx[c]] || 0;
  const bits = new Uint32Array(values.buffer);
  const keys = new Uint32Array(count);
  for (let c = 0; c < count; c++) {
    const u = bits[c];
    keys[c] = ~(u & 0x80000000 ? ~u : u | 0x80000000) >>> 0;
  }
  let tmpIdx = new Uint32Array(count);
  let tmpKeys = new Uint32Array(count);
  let k = keys;
  const counts = new Uint32Array(65537);
  for (let shift = 0; shift < 32; shift += 16) {
    counts.fill(0);
    for (let c = 0; c < count; c++) counts[((k[c] >>> shift) & 0xffff) + 1]++;
    for (let d = 0; d < 65536; d++) counts[d + 1] += counts[d];
    for (let c = 0; c < count; c++) {
      const d = (k[c] >>> shift) & 0xffff;
      const to = counts[d]++;
      tmpIdx[to] = idx[c];
      tmpKeys[to] = k[c];
    }
    [idx, tmpIdx] = [tmpIdx, idx];
    [k, tmpKeys] = [tmpKeys, k];
  }
  return idx;
}

/** Whether the pairs are sorted by (a, b), as blocking returns them. */
function sortedByRecords(input: ClusterInput): boolean {
  const { a, b } = input;
  for (let p = 1; p < a.length; p++) if (a[p - 1] > a[p] || (a[p - 1] === a[p] && b[p - 1] >= b[p])) return false;
  return true;
}

/**
 * Clusters the records with links of weight ≥ thresholdWeight taken from `sorted` (see sortLinks).
 * Example: links 0–1 (p 0.99) and 1–2 (p 0.95) with 0, 2 from one duplicate-free source → {0,1}, {2}.
 */
export function clusterRecords(input: ClusterInput, sorted: Uint32Array, thresholdWeight: number): ClusterOutcome {
  return clusterAtThresholds(input, sorted, [thresholdWeight]).full[0];
}

/**
 * Clusters at several thresholds in one pass: what clusterRecords gives at each, in the order asked. The main pass
 * takes links strongest first and decides each from the groups so far alone, so its state at a higher threshold is
 * where it stands on the way to a lower one: one walk down the links serves every threshold that shares the
 * same-source guard's bar (all at p ≥ SAME_SOURCE_MIN_PROBABILITY), and each threshold's exclusive-candidate pass runs
 * on a copy. `full`: thresholds whose clusterings are wanted; `counts`: thresholds whose numbers of persons alone are
 * wanted (no clusters are made for them: at a million records ten clusterings' lists kept alive at once cost more in
 * garbage collection than the clustering itself). `onEach` is called after each threshold.
 * Example: clusterAtThresholds(input, sorted, [w(0.9)], [w(0.5)]) → the clustering at p 0.9, persons at p 0.5.
 */
export function clusterAtThresholds(
  input: ClusterInput,
  sorted: Uint32Array,
  full: readonly number[],
  counts: readonly number[] = [],
  onEach?: () => void,
): { full: ClusterOutcome[]; counts: number[] } {
  const out = { full: new Array<ClusterOutcome>(full.length), counts: new Array<number>(counts.length) };
  const asked = [...full.map((weight, k) => ({ weight, k, count: false })), ...counts.map((weight, k) => ({ weight, k, count: true }))];
  // Strongest threshold first; ties in the order asked.
  asked.sort((x, y) => y.weight - x.weight);
  let pass: MainPass | undefined;
  for (const { weight, k, count } of asked) {
    const sameSourceMin = Math.min(weightToProbability(weight), SAME_SOURCE_MIN_PROBABILITY);
    if (!pass || pass.sameSourceMin !== sameSourceMin) pass = new MainPass(input, sameSourceMin);
    pass.advance(sorted, weight);
    const finished = pass.finish(sorted, weight);
    if (count) out.counts[k] = finished.groups.count();
    else out.full[k] = pass.outcome(finished);
    onEach?.();
  }
  return out;
}

type Refused = ClusterOutcome['refused'];

/** The groups of the main pass: a union–find over the records with each group's members and one-to-one sources. */
class Groups {
  constructor(
    readonly input: ClusterInput,
    readonly parent: Int32Array,
    /** Members of each group, made when first met (most records never are). */
    readonly members: Array<number[] | undefined>,
    /** Duplicate-free sources of a group: set once it grows and holds any; a single record's come from `single`. */
    readonly uniques: Array<number[] | undefined>,
    readonly single: Array<number[] | undefined>,
    /** Copy-on-write: union makes new member lists instead of growing shared ones (for a copy of the groups). */
    readonly copyOnWrite: boolean,
  ) {}

  static create(input: ClusterInput): Groups {
    const parent = new Int32Array(input.n);
    for (let i = 0; i < input.n; i++) parent[i] = i;
    const single = Array.from(input.uniqueSource, (u, s) => (u ? [s] : undefined));
    return new Groups(input, parent, new Array(input.n), new Array(input.n), single, false);
  }

  /** A copy whose changes leave this one as it is. */
  copy(): Groups {
    return new Groups(this.input, this.parent.slice(), this.members.slice(), this.uniques.slice(), this.single, true);
  }

  group(r: number): number[] {
    return this.members[r] ?? (this.members[r] = [r]);
  }

  uniquesOf(r: number): number[] | undefined {
    return this.uniques[r] ?? this.single[this.input.source[r]];
  }

  /** The number of groups. */
  count(): number {
    let roots = 0;
    for (let i = 0; i < this.parent.length; i++) if (this.parent[i] === i) roots++;
    return roots;
  }

  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  union(ra: number, rb: number): number {
    if (this.group(ra).length < this.group(rb).length) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    if (this.copyOnWrite) this.members[ra] = this.group(ra).concat(this.group(rb));
    else this.group(ra).push(...this.group(rb));
    this.members[rb] = undefined;
    const ua = this.uniquesOf(ra);
    const ub = this.uniquesOf(rb);
    this.uniques[ra] = ua && ub ? [...new Set([...ua, ...ub])] : (ua ?? ub);
    return ra;
  }
}

/** The main pass, walked down the sorted links one threshold after another. */
class MainPass {
  readonly groups: Groups;
  readonly cannot = new Map<number, number[]>();
  readonly refused: Refused = { oneToOne: 0, chainGuard: 0, sameSource: 0, cannotLink: 0, namesDiffer: 0 };
  /** Cannot-link decisions between records that must-link decisions already joined (ignored). */
  contradicted = 0;
  /** Position in the sorted links of the next link to decide. */
  next = 0;
  /**
   * Positions of the links refused by a guard other than names-differ, in order: above the threshold only these can
   * lie between two groups (a link taken or met inside one group stays inside one; two records of one source are
   * never exclusive candidates), so the exclusive-candidate pass reads them and then the links below the threshold.
   */
  readonly refusedAt: number[] = [];

  constructor(
    readonly input: ClusterInput,
    /** Two records of one source may meet through others unless their own pair is below this probability. */
    readonly sameSourceMin: number,
  ) {
    const g = (this.groups = Groups.create(input));
    for (const [x, y] of input.mustLink) {
      const rx = g.find(x);
      const ry = g.find(y);
      if (rx !== ry) g.union(rx, ry);
    }
    for (const [x, y] of input.cannotLink) {
      if (g.find(x) === g.find(y)) {
        this.contradicted++; // contradicted by must-links: those win
        continue;
      }
      (this.cannot.get(x) ?? this.cannot.set(x, []).get(x)!).push(y);
      (this.cannot.get(y) ?? this.cannot.set(y, []).get(y)!).push(x);
    }
  }

  /** Decides the links down to thresholdWeight. */
  advance(sorted: Uint32Array, thresholdWeight: number): void {
    const { input, groups: g, cannot, refused } = this;
    const find = (x: number) => g.find(x);
    let s = this.next;
    for (; s < sorted.length; s++) {
      const p = sorted[s];
      const w = input.weight[p];
      if (w < thresholdWeight) break;
      const x = input.a[p];
      const y = input.b[p];
      if (input.source[x] === input.source[y] && w < input.withinMinWeight) continue;
      const rx = g.find(x);
      const ry = g.find(y);
      if (rx === ry) continue;
      if (input.namesDiffer[p] && w < input.namesDifferMinWeight) {
        refused.namesDiffer++;
        continue;
      }
      if (sharesUniqueSource(g.uniquesOf(rx), g.uniquesOf(ry))) {
        refused.oneToOne++;
        this.refusedAt.push(s);
        continue;
      }
      if (cannot.size > 0 && violatesCannot(g.group(rx), g.group(ry), ry, cannot, find)) {
        refused.cannotLink++;
        this.refusedAt.push(s);
        continue;
      }
      const guard = g.group(rx).length > 1 || g.group(ry).length > 1 ? breaksChain(input, g.group(rx), g.group(ry), this.sameSourceMin) : undefined;
      if (guard) {
        if (guard === 'same-source') refused.sameSource++;
        else refused.chainGuard++;
        this.refusedAt.push(s);
        continue;
      }
      g.union(rx, ry);
    }
    this.next = s;
  }

  /**
   * The groups at thresholdWeight (reached by advance) after the exclusive-candidate pass, which runs on a copy, and
   * the links that pass made.
   */
  finish(sorted: Uint32Array, thresholdWeight: number): { groups: Groups; exclusive: number[] } {
    const { input } = this;
    const g = input.exclusiveBits ? this.groups.copy() : this.groups;
    const exclusive = input.exclusiveBits ? joinExclusive(input, sorted, this.refusedAt, this.next, thresholdWeight, input.exclusiveBits, g, this.cannot) : [];
    return { groups: g, exclusive };
  }

  /** The clustering made by finish. */
  outcome({ groups: g, exclusive }: { groups: Groups; exclusive: number[] }): ClusterOutcome {
    const n = this.input.n;
    const clusterOf = new Int32Array(n).fill(-1);
    const clusters: number[][] = [];
    for (let i = 0; i < n; i++) {
      const r = g.find(i);
      if (clusterOf[r] === -1) {
        clusterOf[r] = clusters.length;
        clusters.push([]);
      }
      clusterOf[i] = clusterOf[r];
      clusters[clusterOf[i]].push(i);
    }
    return { clusters, clusterOf, refused: { ...this.refused }, contradicted: this.contradicted, exclusive };
  }
}

/**
 * The exclusive-candidate pass (see EXCLUSIVE_BITS) over the groups left by the main pass: finds each group's best and
 * runner-up candidate among the groups that share no list with it, joins mutual best candidates and returns the
 * pairs that joined them.
 */
function joinExclusive(
  input: ClusterInput,
  sorted: Uint32Array,
  /** Positions above the threshold that may join two groups (see MainPass.refusedAt), in order. */
  refusedAt: readonly number[],
  /** Position of the first link below the threshold. */
  below: number,
  thresholdWeight: number,
  bits: number,
  g: Groups,
  cannot: Map<number, number[]>,
): number[] {
  const find = (x: number) => g.find(x);
  const group = (r: number) => g.group(r);
  const floor = thresholdWeight - bits;
  const scanFloor = floor - EXCLUSIVE_MARGIN_BITS;
  const sourcesOf = new Map<number, Set<number>>();
  const sources = (r: number): Set<number> => {
    let set = sourcesOf.get(r);
    if (!set) sourcesOf.set(r, (set = new Set(group(r).map((i) => input.source[i]))));
    return set;
  };
  const disjoint = (r: number, q: number): boolean => {
    const [small, large] = sources(r).size <= sources(q).size ? [sources(r), sources(q)] : [sources(q), sources(r)];
    for (const s of small) if (large.has(s)) return false;
    return true;
  };
  // Per group: its best candidate group (pair index, weight) and the weight of the runner-up. Pairs come strongest
  // first, so the first pair seen between two groups is their best.
  const best = new Map<number, { other: number; pair: number; weight: number; runnerUp: number }>();
  const note = (r: number, q: number, p: number, w: number) => {
    const b = best.get(r);
    if (!b) best.set(r, { other: q, pair: p, weight: w, runnerUp: -Infinity });
    else if (b.other !== q && b.runnerUp === -Infinity) b.runnerUp = w;
  };
  const visit = (s: number): void => {
    const p = sorted[s];
    if (input.namesDiffer[p]) return;
    const rx = find(input.a[p]);
    const ry = find(input.b[p]);
    if (rx === ry || !disjoint(rx, ry)) return;
    note(rx, ry, p, input.weight[p]);
    note(ry, rx, p, input.weight[p]);
  };
  for (const s of refusedAt) visit(s);
  for (let s = below; s < sorted.length && input.weight[sorted[s]] >= scanFloor; s++) visit(s);
  const joined: number[] = [];
  const roots = [...best.keys()].sort((x, y) => x - y);
  for (const r of roots) {
    const b = best.get(r)!;
    if (r > b.other || b.weight >= thresholdWeight || b.weight < floor) continue;
    const c = best.get(b.other)!;
    if (c.other !== r) continue;
    if (b.runnerUp > b.weight - EXCLUSIVE_MARGIN_BITS || c.runnerUp > b.weight - EXCLUSIVE_MARGIN_BITS) continue;
    const mr = group(r);
    const mq = group(b.other);
    if (cannot.size > 0 && violatesCannot(mr, mq, b.other, cannot, find)) continue;
    if (anyNearCertainlyDifferent(input, mr, mq)) continue;
    g.union(r, b.other);
    joined.push(b.pair);
  }
  return joined.sort((x, y) => x - y);
}

/** Whether some pair across the two groups (sampled as in breaksChain) is below CHAIN_MIN_PROBABILITY. */
function anyNearCertainlyDifferent(input: ClusterInput, ma: number[], mb: number[]): boolean {
  const step = Math.max(1, Math.ceil(Math.sqrt((ma.length * mb.length) / CHAIN_MAX_CHECKS)));
  for (let s = 0; s < ma.length; s += step) {
    for (let t = 0; t < mb.length; t += step) if (input.pairProbability(ma[s], mb[t]) < CHAIN_MIN_PROBABILITY) return true;
  }
  return false;
}

function sharesUniqueSource(a: number[] | undefined, b: number[] | undefined): boolean {
  if (!a || !b) return false;
  for (const s of a) if (b.includes(s)) return true;
  return false;
}

function violatesCannot(
  ma: number[],
  mb: number[],
  rb: number,
  cannot: Map<number, number[]>,
  find: (x: number) => number,
): boolean {
  const other = ma.length <= mb.length ? mb : ma;
  const small = ma.length <= mb.length ? ma : mb;
  const otherRoot = other === mb ? rb : find(other[0]);
  for (const x of small) {
    const ys = cannot.get(x);
    if (ys) for (const y of ys) if (find(y) === otherRoot) return true;
  }
  return false;
}

/**
 * Chain guard: do the two groups, taken as a whole, disagree strongly? Refused when a pair across them is nearly
 * certainly different, when pairs across them average below CHAIN_MEAN_PROBABILITY, or when two records of one
 * source would meet while their own pair (scored with the lower same-source prior) stays below `sameSourceMin`
 * (SAME_SOURCE_MIN_PROBABILITY or the threshold): a record that links to two namesakes of one list is ambiguous,
 * not a bridge.
 * The linking pair itself counts too.
 */
function breaksChain(input: ClusterInput, ma: number[], mb: number[], sameSourceMin: number): 'chain' | 'same-source' | undefined {
  const step = Math.max(1, Math.ceil(Math.sqrt((ma.length * mb.length) / CHAIN_MAX_CHECKS)));
  let checked = 0;
  let sum = 0;
  for (let s = 0; s < ma.length; s += step) {
    for (let t = 0; t < mb.length; t += step) {
      const p = input.pairProbability(ma[s], mb[t]);
      if (input.source[ma[s]] === input.source[mb[t]] && p < sameSourceMin) return 'same-source';
      if (p < CHAIN_MIN_PROBABILITY) return 'chain';
      sum += p;
      checked++;
    }
  }
  return checked > 0 && sum / checked < CHAIN_MEAN_PROBABILITY ? 'chain' : undefined;
}
