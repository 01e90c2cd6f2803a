// Clustering guards on hand-made scored pairs: one-to-one, must-link, cannot-link, chain guard.
import { describe, expect, it } from 'vitest';
import { clusterAtThresholds, clusterRecords, EXCLUSIVE_BITS, sortLinks, type ClusterInput } from '../../src/match/cluster.js';
import { createRandom } from '../../src/match/prng.js';
import { probabilityToWeight } from '../../src/match/model.js';

interface Case {
  n: number;
  sources: number[];
  unique?: number[];
  pairs: Array<[number, number, number]>; // a, b, probability
  must?: Array<[number, number]>;
  cannot?: Array<[number, number]>;
  namesDiffer?: Array<[number, number]>;
  /** Exclusive-candidate pass (bits below the threshold); off when absent. */
  exclusiveBits?: number;
}

function build(c: Case): ClusterInput {
  const scored = new Map<string, number>();
  for (const [a, b, p] of c.pairs) scored.set(`${Math.min(a, b)},${Math.max(a, b)}`, p);
  const uniqueSource = new Uint8Array(Math.max(...c.sources) + 1);
  for (const s of c.unique ?? []) uniqueSource[s] = 1;
  return {
    n: c.n,
    a: Uint32Array.from(c.pairs, (p) => Math.min(p[0], p[1])),
    b: Uint32Array.from(c.pairs, (p) => Math.max(p[0], p[1])),
    weight: Float32Array.from(c.pairs, (p) => probabilityToWeight(p[2])),
    namesDiffer: Uint8Array.from(c.pairs, (p) => (c.namesDiffer?.some(([x, y]) => x === p[0] && y === p[1]) ? 1 : 0)),
    source: Int32Array.from(c.sources),
    uniqueSource,
    mustLink: c.must ?? [],
    cannotLink: c.cannot ?? [],
    // pairs not listed are neutral
    pairProbability: (i, j) => scored.get(`${Math.min(i, j)},${Math.max(i, j)}`) ?? 0.5,
    withinMinWeight: probabilityToWeight(0.99),
    namesDifferMinWeight: Infinity,
    exclusiveBits: c.exclusiveBits,
  };
}

function run(c: Case, threshold = 0.9): number[][] {
  const input = build(c);
  return clusterRecords(input, sortLinks(input, probabilityToWeight(0.5)), probabilityToWeight(threshold)).clusters;
}

describe('clusterRecords', () => {
  it('forms connected components over links above the threshold', () => {
    expect(run({ n: 4, sources: [0, 1, 2, 3], pairs: [[0, 1, 0.99], [1, 2, 0.95], [2, 3, 0.6]] })).toEqual([[0, 1, 2], [3]]);
    expect(run({ n: 4, sources: [0, 1, 2, 3], pairs: [[0, 1, 0.99], [1, 2, 0.95], [2, 3, 0.6]] }, 0.5)).toEqual([[0, 1, 2, 3]]);
  });

  it('one-to-one: at most one record of a duplicate-free source per person, the best link wins', () => {
    // 0 and 2 both come from the unique source 0; 1 links to both, more strongly to 2.
    const c: Case = { n: 3, sources: [0, 1, 0], unique: [0], pairs: [[0, 1, 0.95], [1, 2, 0.999], [0, 2, 0.995]] };
    expect(run(c)).toEqual([[0], [1, 2]]);
    // the same records with the source not declared unique: all three together (0 and 2 are duplicates)
    expect(run({ ...c, unique: [] })).toEqual([[0, 1, 2]]);
  });

  it('two records of one source meet through others unless their own pair calls them two persons', () => {
    // 1 links to 0 and 2, two namesakes of source 0 whose own pair is weak (p 0.3): the weaker link is refused
    const input = build({ n: 3, sources: [0, 1, 0], pairs: [[0, 1, 0.99], [1, 2, 0.97], [0, 2, 0.3]] });
    const out = clusterRecords(input, sortLinks(input, 0), probabilityToWeight(0.9));
    expect(out.clusters).toEqual([[0, 1], [2]]);
    expect(out.refused.sameSource).toBe(1);
    // a duplicate in one list (own pair p 0.7, below the threshold but more likely one person): joined through 1
    const dup = build({ n: 3, sources: [0, 1, 0], pairs: [[0, 1, 0.99], [1, 2, 0.97], [0, 2, 0.7]] });
    expect(clusterRecords(dup, sortLinks(dup, 0), probabilityToWeight(0.9)).clusters).toEqual([[0, 1, 2]]);
    // with a threshold below 0.5 the threshold is the bar
    expect(clusterRecords(input, sortLinks(input, 0), probabilityToWeight(0.2)).clusters).toEqual([[0, 1, 2]]);
  });

  it('a must-link decision joins records the model keeps apart', () => {
    expect(run({ n: 3, sources: [0, 1, 2], pairs: [[0, 1, 0.1]], must: [[0, 1]] })).toEqual([[0, 1], [2]]);
  });

  it('a cannot-link decision keeps apart records the model links, also through a third record', () => {
    const pairs: Array<[number, number, number]> = [[0, 1, 0.999], [1, 2, 0.98], [0, 2, 0.97]];
    expect(run({ n: 3, sources: [0, 1, 2], pairs })).toEqual([[0, 1, 2]]);
    expect(run({ n: 3, sources: [0, 1, 2], pairs, cannot: [[0, 2]] })).toEqual([[0, 1], [2]]);
  });

  it('chain guard: a link that would join two groups that disagree strongly is refused', () => {
    // 1 is an ambiguous record («Ахметов Е.») linked to 0 and 2, who are clearly different persons.
    const pairs: Array<[number, number, number]> = [[0, 1, 0.99], [1, 2, 0.95], [0, 2, 0.0001]];
    const input = build({ n: 3, sources: [0, 1, 2], pairs });
    const out = clusterRecords(input, sortLinks(input, 0), probabilityToWeight(0.9));
    expect(out.clusters).toEqual([[0, 1], [2]]);
    expect(out.refused.chainGuard).toBe(1);
  });

  it('a pair whose names the names engine calls different is not linked, whatever its probability', () => {
    const input = build({ n: 2, sources: [0, 1], pairs: [[0, 1, 0.999]], namesDiffer: [[0, 1]] });
    const out = clusterRecords(input, sortLinks(input, 0), probabilityToWeight(0.9));
    expect(out.clusters).toEqual([[0], [1]]);
    expect(out.refused.namesDiffer).toBe(1);
  });

  it('links inside one source need strong evidence', () => {
    expect(run({ n: 2, sources: [0, 0], pairs: [[0, 1, 0.95]] })).toEqual([[0], [1]]);
    expect(run({ n: 2, sources: [0, 0], pairs: [[0, 1, 0.999]] })).toEqual([[0, 1]]);
  });
});

describe('exclusive candidates', () => {
  // Threshold 0.5; the pass reaches EXCLUSIVE_BITS (2) below it, p 0.2.
  const cluster = (c: Case) => {
    const input = build({ exclusiveBits: EXCLUSIVE_BITS, ...c });
    return clusterRecords(input, sortLinks(input, -10), 0);
  };

  it('joins two records that are each other\'s only candidate, just below the threshold', () => {
    const out = cluster({ n: 2, sources: [0, 1], pairs: [[0, 1, 0.35]] });
    expect(out.clusters).toEqual([[0, 1]]);
    expect(out.exclusive).toEqual([0]);
    // not when the pair is further below the threshold, and not with the pass off
    expect(cluster({ n: 2, sources: [0, 1], pairs: [[0, 1, 0.15]] }).clusters).toEqual([[0], [1]]);
    expect(cluster({ n: 2, sources: [0, 1], pairs: [[0, 1, 0.35]], exclusiveBits: 0 }).clusters).toEqual([[0], [1]]);
  });

  it('leaves a record with two namesake candidates alone', () => {
    // 0 (list A) matches 1 and 2 (both list B) about equally: ambiguous
    const out = cluster({ n: 3, sources: [0, 1, 1], pairs: [[0, 1, 0.35], [0, 2, 0.3]] });
    expect(out.clusters).toEqual([[0], [1], [2]]);
    // a runner-up more than 1 bit weaker does not compete
    expect(cluster({ n: 3, sources: [0, 1, 1], pairs: [[0, 1, 0.35], [0, 2, 0.08]] }).clusters).toEqual([[0, 1], [2]]);
  });

  it('does not count a namesake that already holds a record of the same list', () => {
    // 2 (list B) is already linked to 3 (list A, like 0): 0 cannot be 2's person too, so 1 is its only candidate
    const pairs: Array<[number, number, number]> = [[0, 1, 0.35], [0, 2, 0.35], [2, 3, 0.99]];
    const out = cluster({ n: 4, sources: [0, 1, 1, 0], pairs });
    expect(out.clusters).toEqual([[0, 1], [2, 3]]);
    // without that link 0 has two candidates and stays alone
    expect(cluster({ n: 4, sources: [0, 1, 1, 0], pairs: [[0, 1, 0.35], [0, 2, 0.35]] }).clusters).toEqual([[0], [1], [2], [3]]);
  });

  it('keeps the guards: names that differ, a near-certain non-match, a cannot-link decision', () => {
    expect(cluster({ n: 2, sources: [0, 1], pairs: [[0, 1, 0.35]], namesDiffer: [[0, 1]] }).clusters).toEqual([[0], [1]]);
    // 2 is linked to 1 and is certainly not 0
    const strong: Case = { n: 3, sources: [0, 1, 2], pairs: [[0, 1, 0.35], [1, 2, 0.99], [0, 2, 0.001]] };
    expect(cluster(strong).clusters).toEqual([[0], [1, 2]]);
    expect(cluster({ n: 2, sources: [0, 1], pairs: [[0, 1, 0.35]], cannot: [[0, 1]] }).clusters).toEqual([[0], [1]]);
  });

  it('does not override a guard that refused a link above the threshold', () => {
    // 0–1 at 0.9 was refused by the chain guard (1 is linked to 2, certainly not 0); 0 must not be joined anyway
    const out = cluster({ n: 3, sources: [0, 1, 2], pairs: [[0, 1, 0.9], [1, 2, 0.99], [0, 2, 0.001]] });
    expect(out.clusters).toEqual([[0], [1, 2]]);
    expect(out.exclusive).toEqual([]);
  });
});

describe('sortLinks', () => {
  it('orders pairs strongest first, ties by records, as a comparison sort would', () => {
    // pseudo-random weights with many ties, negatives and −0; pairs sorted by (a, b) (radix path) and shuffled (fallback)
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const n = 60;
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rnd() < 0.3) pairs.push([i, j]);
    const values = [-0, 0, 1.5, -1.5, 3.25, -40, 12.75, 1e-30, -1e-30];
    const weights = pairs.map(() => (rnd() < 0.5 ? values[Math.floor(rnd() * values.length)] : (rnd() - 0.5) * 60));
    const reference = (order: number[]) => {
      const input = { a: Uint32Array.from(order, (p) => pairs[p][0]), b: Uint32Array.from(order, (p) => pairs[p][1]), weight: Float32Array.from(order, (p) => weights[p]) };
      const expected = order
        .map((_, q) => q)
        .filter((q) => input.weight[q] >= -10)
        .sort((p, q) => input.weight[q] - input.weight[p] || input.a[p] - input.a[q] || input.b[p] - input.b[q]);
      const got = sortLinks({ ...build({ n, sources: Array(n).fill(0), pairs: [] }), ...input }, -10);
      expect([...got]).toEqual(expected);
    };
    const inOrder = pairs.map((_, p) => p);
    reference(inOrder);
    reference([...inOrder].sort(() => rnd() - 0.5));
  });
});

describe('clusterAtThresholds', () => {
  it('gives at each threshold what a clustering at that threshold alone gives, guards and exclusive pass included', () => {
    let exclusive = 0;
    let refused = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const rnd = createRandom(seed);
      const n = 80;
      const sources = Array.from({ length: n }, () => Math.floor(rnd() * 4));
      const pairs: Array<[number, number, number]> = [];
      const seen = new Set<string>();
      for (let k = 0; k < 400; k++) {
        const a = Math.floor(rnd() * n);
        const b = Math.floor(rnd() * n);
        if (a === b || seen.has(`${Math.min(a, b)},${Math.max(a, b)}`)) continue;
        seen.add(`${Math.min(a, b)},${Math.max(a, b)}`);
        pairs.push([Math.min(a, b), Math.max(a, b), Math.round(rnd() * 1000) / 1000]);
      }
      pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      const c: Case = {
        n,
        sources,
        unique: [0],
        pairs,
        must: [[pairs[0][0], pairs[0][1]]],
        cannot: [[pairs[1][0], pairs[1][1]]],
        namesDiffer: pairs.filter((_, i) => i % 17 === 0).map((p) => [p[0], p[1]]),
        exclusiveBits: EXCLUSIVE_BITS,
      };
      const input = build(c);
      const sorted = sortLinks(input, probabilityToWeight(0.2) - 3);
      const thresholds = [0.5, 0.99, 0.7, 0.2, 0.9, 0.35, 0.6];
      const together = clusterAtThresholds(input, sorted, thresholds.map(probabilityToWeight)).full;
      // The same thresholds asked for their numbers of persons alone, mixed with two full clusterings.
      const mixed = clusterAtThresholds(input, sorted, [0.8, 0.3].map(probabilityToWeight), thresholds.map(probabilityToWeight));
      expect(mixed.full).toEqual([clusterRecords(input, sorted, probabilityToWeight(0.8)), clusterRecords(input, sorted, probabilityToWeight(0.3))]);
      thresholds.forEach((t, k) => {
        const alone = clusterRecords(input, sorted, probabilityToWeight(t));
        expect(together[k]).toEqual(alone);
        expect(mixed.counts[k]).toBe(alone.clusters.length);
        exclusive += alone.exclusive.length;
        refused += Object.values(alone.refused).reduce((x, y) => x + y, 0);
      });
      // The thresholds do differ in what they give (the comparison is not between empty clusterings).
      expect(together[1].clusters.length).toBeGreaterThan(together[3].clusters.length);
    }
    // The cases exercise the guards and the exclusive-candidate pass.
    expect(exclusive).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
