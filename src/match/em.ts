// Expectation–maximisation for the two-class Fellegi–Sunter mixture over comparison patterns (with counts), u
// pinned to random-pair shares. Pure; no names engine needed, so it can be tested on simulated mixtures.
import { C_GIVEN, C_SURNAME, COMPARISONS, K, missingLevel } from './levels.js';
import { PROBABILITY_FLOOR } from './model.js';

export const PAIR_TYPE_CROSS = 0;
export const PAIR_TYPE_WITHIN = 1;

/** Comparison patterns with counts: levels[p*K + k], type 0 = different sources, 1 = same source. */
export interface PatternTable {
  levels: Uint8Array;
  type: Uint8Array;
  count: Float64Array;
  size: number;
}

export interface EmStart {
  /** m of the non-missing levels, per comparison. */
  m: number[][];
  lambdaCross: number;
  lambdaWithin: number;
  maxIterations?: number;
  tolerance?: number;
  /** Pairs' worth of pseudo-counts pulling m towards the starting values (default 20). */
  pseudoCount?: number;
  /** Bits added to the match odds of patterns where surname and given name both agree (exact or phonetic). */
  nameInteraction?: number;
  /** Keep m at the starting values and estimate the priors only (for inputs too small to estimate m). */
  fixM?: boolean;
  /** Shrink u towards these values with this weight in [0, 1] (few random pairs: lean on the starting values). */
  uPrior?: { u: number[][]; weight: number };
}

export interface EmResult {
  m: number[][];
  u: number[][];
  lambdaCross: number;
  lambdaWithin: number;
  iterations: number;
  converged: boolean;
}

/**
 * EM for a two-class mixture over comparison patterns with u pinned to the random-pair shares (less the matches
 * those pairs hold). Pairs not in `table` are non-matches; `totals` are the numbers of eligible pairs of each type,
 * the denominators of the priors. Missing levels are left out of both m and u.
 * Example: runEm(table, shares, {cross: 1e6, within: 0}, start) → recovers m and λ of a simulated mixture.
 */
export function runEm(table: PatternTable, randomShare: number[][], totals: { cross: number; within: number }, start: EmStart): EmResult {
  const m = start.m.map((row) => row.slice());
  const m0 = start.m.map((row) => row.slice());
  let u = randomShare.map((row) => row.slice());
  let lambdaCross = start.lambdaCross;
  let lambdaWithin = start.lambdaWithin;
  const maxIterations = start.maxIterations ?? 200;
  const tolerance = start.tolerance ?? 1e-6;
  const pseudo = start.pseudoCount ?? 20;
  let iterations = 0;
  let converged = false;
  const post = new Float64Array(table.size);
  // Per comparison k and level l, at k * 8 + l: the log likelihood ratio of the E-step and the M-step's sums. A
  // missing level stays 0 in the ratio and its sum is never read.
  const ratio = new Float64Array(K * 8);
  const sums = new Float64Array(K * 8);
  const missing = Uint8Array.from({ length: K }, (_, k) => missingLevel(k));
  // Expected matches of each pair type (PAIR_TYPE_CROSS, PAIR_TYPE_WITHIN).
  const matches = new Float64Array(2);
  while (iterations < maxIterations && table.size > 0) {
    iterations++;
    // E-step: match probability of each pattern.
    for (let k = 0; k < K; k++) {
      for (let l = 0; l < missing[k]; l++) {
        ratio[k * 8 + l] = Math.log(Math.max(m[k][l], PROBABILITY_FLOOR)) - Math.log(Math.max(u[k][l], PROBABILITY_FLOOR));
      }
    }
    const lc = Math.log(lambdaCross / (1 - lambdaCross));
    const lw = Math.log(lambdaWithin / (1 - lambdaWithin));
    const li = (start.nameInteraction ?? 0) * Math.LN2;
    expectation(table, ratio, missing, lc, lw, li, post);
    // M-step: m with a few pairs' pseudo-counts towards the starting values, floored; priors over all eligible pairs.
    maximisationSums(table, missing, post, sums, matches);
    const matchesCross = matches[PAIR_TYPE_CROSS];
    const matchesWithin = matches[PAIR_TYPE_WITHIN];
    const acc = m.map((row, k) => row.map((_, l) => sums[k * 8 + l]));
    let delta = 0;
    for (let k = 0; k < K && !start.fixM; k++) {
      const total = acc[k].reduce((s, x) => s + x, 0) + pseudo;
      const next = normalise(acc[k].map((x, l) => Math.max((x + pseudo * m0[k][l]) / total, COMPARISONS[k].mFloor)));
      for (let l = 0; l < acc[k].length; l++) {
        delta = Math.max(delta, Math.abs(next[l] - m[k][l]));
        m[k][l] = next[l];
      }
    }
    const nextCross = totals.cross > 0 ? clampPrior(matchesCross / totals.cross) : lambdaCross;
    const nextWithin = totals.within > 0 ? clampPrior(matchesWithin / totals.within) : lambdaWithin;
    delta = Math.max(delta, Math.abs(nextCross - lambdaCross) / lambdaCross * 1e-3, Math.abs(nextWithin - lambdaWithin) / lambdaWithin * 1e-3);
    lambdaCross = nextCross;
    lambdaWithin = nextWithin;
    // u: the random pairs hold a few matches too; take them out (matters for small lists compared in full).
    const eligible = totals.cross + totals.within;
    const lambdaRandom = eligible > 0 ? (lambdaCross * totals.cross + lambdaWithin * totals.within) / eligible : 0;
    const wPrior = start.uPrior?.weight ?? 0;
    u = randomShare.map((row, k) =>
      normalise(
        row.map((x, l) => {
          const corrected = Math.max((x - lambdaRandom * m[k][l]) / (1 - lambdaRandom), PROBABILITY_FLOOR);
          return wPrior > 0 ? (1 - wPrior) * corrected + wPrior * start.uPrior!.u[k][l] : corrected;
        }),
      ),
    );
    if (delta < tolerance) {
      converged = true;
      break;
    }
  }
  return { m, u, lambdaCross, lambdaWithin, iterations, converged };
}

// The two loops over the patterns live in small functions of typed arrays only, so that V8 optimises them once and
// for good (inside runEm they were deoptimised again and again by its arrays of arrays: 150 ms an EM at 3,500
// patterns instead of a few).

/** E-step: the match probability of each pattern into `post`. */
function expectation(table: PatternTable, ratio: Float64Array, missing: Uint8Array, lc: number, lw: number, li: number, post: Float64Array): void {
  const { levels, type } = table;
  for (let p = 0; p < table.size; p++) {
    const base = p * K;
    let s = type[p] === PAIR_TYPE_WITHIN ? lw : lc;
    if (li !== 0 && levels[base + C_SURNAME] < 2 && levels[base + C_GIVEN] < 2) s += li;
    for (let k = 0; k < K; k++) {
      const l = levels[base + k];
      if (l !== missing[k]) s += ratio[k * 8 + l];
    }
    post[p] = s > 30 ? 1 : s < -30 ? Math.exp(s) : 1 / (1 + Math.exp(-s));
  }
}

/** M-step's sums: expected matches of each level at k * 8 + l into `sums`, and of each pair type into `matches`. */
function maximisationSums(table: PatternTable, missing: Uint8Array, post: Float64Array, sums: Float64Array, matches: Float64Array): void {
  const { levels, type, count } = table;
  sums.fill(0);
  let matchesCross = 0;
  let matchesWithin = 0;
  for (let p = 0; p < table.size; p++) {
    const w = post[p] * count[p];
    if (type[p] === PAIR_TYPE_WITHIN) matchesWithin += w;
    else matchesCross += w;
    const base = p * K;
    for (let k = 0; k < K; k++) {
      const l = levels[base + k];
      if (l !== missing[k]) sums[k * 8 + l] += w;
    }
  }
  matches[PAIR_TYPE_CROSS] = matchesCross;
  matches[PAIR_TYPE_WITHIN] = matchesWithin;
}

/**
 * Share of each non-missing level. Pseudo-counts: `pseudo` per level, or `pseudo` pairs spread as `prior` (so that
 * a handful of records falls back on the starting values instead of on chance).
 */
export function levelShares(table: PatternTable, pseudo: number, prior?: number[][]): number[][] {
  return COMPARISONS.map((c, k) => {
    const counts = Array.from({ length: c.levels.length - 1 }, (_, l) =>
      prior ? pseudo * prior[k][l] : pseudo,
    );
    for (let p = 0; p < table.size; p++) {
      const l = table.levels[p * K + k];
      if (l !== missingLevel(k)) counts[l] += table.count[p];
    }
    return normalise(counts);
  });
}

export function normalise(row: number[]): number[] {
  const s = row.reduce((x, y) => x + y, 0);
  return s > 0 ? row.map((x) => x / s) : row.map(() => 1 / row.length);
}

export function clampPrior(x: number): number {
  return Math.min(0.5, Math.max(1e-12, x));
}
