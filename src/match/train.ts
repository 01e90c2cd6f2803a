// Unsupervised estimation of the Fellegi–Sunter model: u from random record pairs, m and the priors by
// expectation–maximisation over the candidate pairs (or a seeded sample of them), on distinct comparison patterns.
// Pure and deterministic for a given record order.
import { compareRecordPair } from './comparisons.js';
import { COMPARISONS, K } from './levels.js';
import { clampPrior, levelShares, PAIR_TYPE_CROSS, PAIR_TYPE_WITHIN, runEm, type PatternTable } from './em.js';
import type { RecordFeatures } from './features.js';
import { startingModel, TF_MAX_BITS } from './model.js';
import { createRandom } from './prng.js';
import type { MatchRecord, ModelParams } from './types.js';

export interface TrainOptions {
  uniqueSources?: readonly string[];
  /** Random pairs for u (default 200,000; all eligible pairs when there are fewer). */
  randomPairs?: number;
  /** Candidate pairs used by EM (default 300,000; a seeded sample beyond that). */
  maxTrainingPairs?: number;
  maxIterations?: number;
  /** Stop when no parameter moves by more than this (default 1e-6). */
  tolerance?: number;
  seed?: number;
  eventDate?: string;
}

export interface TrainResult {
  model: ModelParams;
  iterations: number;
  converged: boolean;
}

/** Counts distinct comparison vectors of the pairs (a[p], b[p]) among the chosen ones. */
function tabulatePatterns(
  records: readonly MatchRecord[],
  f: RecordFeatures,
  pairs: Iterable<[number, number]>,
  weight: number,
): PatternTable {
  const index = new Map<number, number>();
  const levels: number[] = [];
  const type: number[] = [];
  const count: number[] = [];
  const v = new Uint8Array(K);
  for (const [i, j] of pairs) {
    compareRecordPair(records, f, i, j, v, 0);
    const t = f.source[i] === f.source[j] ? PAIR_TYPE_WITHIN : PAIR_TYPE_CROSS;
    let code = t;
    for (let k = 0; k < K; k++) code = code * 8 + v[k];
    let p = index.get(code);
    if (p === undefined) {
      p = count.length;
      index.set(code, p);
      for (let k = 0; k < K; k++) levels.push(v[k]);
      type.push(t);
      count.push(0);
    }
    count[p] += weight;
  }
  return { levels: Uint8Array.from(levels), type: Uint8Array.from(type), count: Float64Array.from(count), size: count.length };
}

/** Eligible pair totals: pairs of different sources, pairs inside sources that may hold duplicates. */
function pairTotals(f: RecordFeatures, unique: Set<string>): { cross: number; within: number } {
  const sizes = new Float64Array(f.sources.length);
  for (let i = 0; i < f.n; i++) sizes[f.source[i]]++;
  let within = 0;
  let allWithin = 0;
  sizes.forEach((c, s) => {
    const w = (c * (c - 1)) / 2;
    allWithin += w;
    if (!unique.has(f.sources[s])) within += w;
  });
  return { cross: (f.n * (f.n - 1)) / 2 - allWithin, within };
}

/** Random eligible pairs: all of them when few, else a seeded sample with replacement. */
function* randomPairs(f: RecordFeatures, unique: Set<string>, count: number, seed: number): Generator<[number, number]> {
  const n = f.n;
  const eligible = (i: number, j: number) => i !== j && !(f.source[i] === f.source[j] && unique.has(f.sources[f.source[i]]));
  const totals = pairTotals(f, unique);
  if (totals.cross + totals.within <= count) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (eligible(i, j)) yield [i, j];
    return;
  }
  const rnd = createRandom(seed);
  let made = 0;
  let tries = 0;
  while (made < count && tries < count * 20) {
    tries++;
    const i = Math.floor(rnd() * n);
    const j = Math.floor(rnd() * n);
    if (!eligible(i, j)) continue;
    made++;
    yield i < j ? [i, j] : [j, i];
  }
}

function* chosenPairs(a: Uint32Array, b: Uint32Array, keep: number, seed: number): Generator<[number, number]> {
  const rnd = createRandom(seed);
  for (let p = 0; p < a.length; p++) if (keep >= 1 || rnd() < keep) yield [a[p], b[p]];
}

/**
 * Estimates m, u and the priors. u: level shares among random pairs, corrected for the matches they contain;
 * m and priors: EM over candidate pairs, where pairs outside the candidates count as non-matches.
 * Example: trainModel(records, features, {a, b}).model.prior.crossSource → about (#true links / #cross pairs)
 */
export function trainModel(
  records: readonly MatchRecord[],
  f: RecordFeatures,
  candidates: { a: Uint32Array; b: Uint32Array },
  options: TrainOptions = {},
): TrainResult {
  const unique = new Set(options.uniqueSources ?? []);
  const seed = options.seed ?? 20220105;
  const start = startingModel();
  const totals = pairTotals(f, unique);
  const randomCount = options.randomPairs ?? 200_000;

  // u: shares of each level among random pairs (missing excluded).
  const randomTable = tabulatePatterns(records, f, randomPairs(f, unique, randomCount, seed), 1);
  const randomShare = levelShares(randomTable, 0.5);
  const randomTotal = randomTable.count.reduce((s, c) => s + c, 0);

  const maxTrain = options.maxTrainingPairs ?? 300_000;
  const keep = candidates.a.length <= maxTrain ? 1 : maxTrain / candidates.a.length;
  const table = tabulatePatterns(records, f, chosenPairs(candidates.a, candidates.b, keep, seed + 1), 1 / keep);

  const lambdaCross0 = totals.cross > 0 ? clampPrior(Math.min(0.5, estimateStartMatches(f) / totals.cross)) : 1e-6;
  const lambdaWithin0 = totals.within > 0 ? clampPrior(Math.min(0.5, (0.02 * f.n) / totals.within)) : 1e-9;
  const em = runEm(table, randomShare, totals, {
    m: start.comparisons.map((c) => c.levels.slice(0, -1).map((l) => l.m)),
    lambdaCross: lambdaCross0,
    lambdaWithin: lambdaWithin0,
    maxIterations: options.maxIterations,
    tolerance: options.tolerance,
  });
  const { m, u, lambdaCross, lambdaWithin, iterations, converged } = em;

  const model: ModelParams = {
    ...start,
    comparisons: COMPARISONS.map((c, k) => ({
      name: c.name,
      levels: c.levels.map((name, l) =>
        l === c.levels.length - 1 ? { name, m: 1, u: 1 } : { name, m: round6(m[k][l]), u: round6(u[k][l]) },
      ),
    })),
    prior: { crossSource: round6(lambdaCross), withinSource: round6(lambdaWithin) },
    termFrequency: { surname: true, given: true, maxBits: TF_MAX_BITS },
    training: {
      method: 'u from random pairs; m and priors by EM over candidate pairs',
      candidatePairs: candidates.a.length,
      trainingPairs: Math.round(table.count.reduce((s, c) => s + c * keep, 0)),
      randomPairs: randomTotal,
      emIterations: iterations,
      converged,
      ...(options.eventDate ? { eventDate: options.eventDate } : {}),
    },
  };
  return { model, iterations, converged };
}

/** A first guess of the number of matching cross-source pairs: the size of the second-largest source. */
function estimateStartMatches(f: RecordFeatures): number {
  const sizes = new Array<number>(f.sources.length).fill(0);
  for (let i = 0; i < f.n; i++) sizes[f.source[i]]++;
  sizes.sort((x, y) => y - x);
  return Math.max(1, sizes[1] ?? 1);
}

function round6(x: number): number {
  return Number(x.toPrecision(6));
}
