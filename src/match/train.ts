// Unsupervised estimation of the Fellegi–Sunter model: u from random record pairs, m and the priors by
// expectation–maximisation over the candidate pairs (or a seeded sample of them), on distinct comparison patterns.
// Pure and deterministic for a given record order.
import { compareRecordPair, packLevels, unpackLevels } from './comparisons.js';
import { C_GIVEN, C_SURNAME, COMPARISONS, K } from './levels.js';
import { nameInteractionBits, type TermFrequencies } from './frequencies.js';
import { clampPrior, levelShares, PAIR_TYPE_CROSS, PAIR_TYPE_WITHIN, runEm, type EmResult, type PatternTable } from './em.js';
import type { RecordFeatures } from './features.js';
import { startingModel, TF_MAX_BITS } from './model.js';
import { createRandom } from './prng.js';
import type { MatchRecord, ModelParams } from './types.js';

/** Below this many expected matching pairs, m is not estimated (the starting values are kept). */
const MIN_MATCHES_FOR_M = 50;

/** Candidate pairs EM reads at most (a seeded sample beyond). */
export const MAX_TRAINING_PAIRS = 300_000;

/** Random pairs' worth of pseudo-counts towards the starting u. */
const RANDOM_PSEUDO_PAIRS = 200;

export interface TrainOptions {
  uniqueSources?: readonly string[];
  /** Random pairs for u (default 100,000; all eligible pairs when there are fewer). */
  randomPairs?: number;
  /** Candidate pairs used by EM (default 300,000; a seeded sample beyond that). */
  maxTrainingPairs?: number;
  maxIterations?: number;
  /** Stop when no parameter moves by more than this (default 1e-6). */
  tolerance?: number;
  seed?: number;
  eventDate?: string;
  /** Term frequencies of the run, for the name interaction (0 without them). */
  termFrequencies?: TermFrequencies;
}

export interface TrainResult {
  model: ModelParams;
  iterations: number;
  converged: boolean;
}

/** Counts distinct comparison vectors (packed codes) by pair type; `keep` marks the pairs used. */
export function tabulateCodes(
  codes: Uint32Array,
  a: Uint32Array,
  b: Uint32Array,
  f: RecordFeatures,
  weight: number,
  keep?: (p: number) => boolean,
): PatternTable {
  const index = new Map<number, number>();
  const levels: number[] = [];
  const type: number[] = [];
  const count: number[] = [];
  const v = new Uint8Array(K);
  for (let p = 0; p < codes.length; p++) {
    if (keep && !keep(p)) continue;
    const t = f.source[a[p]] === f.source[b[p]] ? PAIR_TYPE_WITHIN : PAIR_TYPE_CROSS;
    const key = codes[p] * 2 + t;
    let q = index.get(key);
    if (q === undefined) {
      q = count.length;
      index.set(key, q);
      unpackLevels(codes[p], v);
      for (let k = 0; k < K; k++) levels.push(v[k]);
      type.push(t);
      count.push(0);
    }
    count[q] += weight;
  }
  return { levels: Uint8Array.from(levels), type: Uint8Array.from(type), count: Float64Array.from(count), size: count.length };
}

/** The packed comparison vector of each pair (a[p], b[p]). */
function compareCodes(records: readonly MatchRecord[], f: RecordFeatures, a: Uint32Array, b: Uint32Array): Uint32Array {
  const codes = new Uint32Array(a.length);
  const v = new Uint8Array(K);
  for (let p = 0; p < a.length; p++) {
    compareRecordPair(records, f, a[p], b[p], v, 0, false);
    codes[p] = packLevels(v);
  }
  return codes;
}

/** Compares a list of pairs and tabulates them. */
function tabulatePatterns(
  records: readonly MatchRecord[],
  f: RecordFeatures,
  pairs: Iterable<[number, number]>,
): PatternTable {
  const a: number[] = [];
  const b: number[] = [];
  for (const [i, j] of pairs) {
    a.push(i);
    b.push(j);
  }
  const A = Uint32Array.from(a);
  const B = Uint32Array.from(b);
  return tabulateCodes(compareCodes(records, f, A, B), A, B, f, 1);
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

/**
 * True when training reads the comparison vector of every candidate pair: every eligible pair is a candidate (the
 * random pairs are then all of them), or there are at most maxTrainingPairs candidates. Otherwise trainModel needs
 * no vectors from its caller: it compares a seeded sample of the candidates itself.
 */
export function trainingReadsAllCandidates(f: RecordFeatures, candidatePairs: number, options: TrainOptions = {}): boolean {
  return readsAll(candidatePairs, pairTotals(f, new Set(options.uniqueSources ?? [])), options);
}

function readsAll(candidatePairs: number, totals: { cross: number; within: number }, options: TrainOptions): boolean {
  return candidatePairs >= totals.cross + totals.within || candidatePairs <= (options.maxTrainingPairs ?? MAX_TRAINING_PAIRS);
}

/**
 * Estimates m, u and the priors. u: level shares among random pairs, corrected for the matches they contain;
 * m and priors: EM over candidate pairs, where pairs outside the candidates count as non-matches. `codes`, the
 * candidates' packed comparison vectors, may be left out: the pairs training reads are then compared here (the
 * same sample is drawn either way, so the model is the same).
 * Example: trainModel(records, features, {a, b}).model.prior.crossSource → about (#true links / #cross pairs)
 */
export function trainModel(
  records: readonly MatchRecord[],
  f: RecordFeatures,
  candidates: { a: Uint32Array; b: Uint32Array; codes?: Uint32Array },
  options: TrainOptions = {},
): TrainResult {
  const unique = new Set(options.uniqueSources ?? []);
  const seed = options.seed ?? 20220105;
  const start = startingModel();
  const totals = pairTotals(f, unique);
  const randomCount = options.randomPairs ?? 100_000;
  const maxTrain = options.maxTrainingPairs ?? MAX_TRAINING_PAIRS;
  const keep = candidates.a.length <= maxTrain ? 1 : maxTrain / candidates.a.length;

  // u: shares of each level among random pairs (missing excluded). When every eligible pair is a candidate, the
  // random pairs are all of them and their vectors are already known.
  const allCompared = candidates.a.length >= totals.cross + totals.within;
  // Every candidate's vector, when training reads them all (compared here if the caller did not).
  const allCodes = candidates.codes ?? (readsAll(candidates.a.length, totals, options) ? compareCodes(records, f, candidates.a, candidates.b) : undefined);
  const randomTable = allCompared && allCodes
    ? tabulateCodes(allCodes, candidates.a, candidates.b, f, 1)
    : tabulatePatterns(records, f, randomPairs(f, unique, randomCount, seed));
  const startU = start.comparisons.map((c) => c.levels.slice(0, -1).map((l) => l.u));
  const randomShare = levelShares(randomTable, 0.5);
  const randomTotal = randomTable.count.reduce((s, c) => s + c, 0);
  const uPrior = { u: startU, weight: RANDOM_PSEUDO_PAIRS / (RANDOM_PSEUDO_PAIRS + randomTotal) };

  const rnd = createRandom(seed + 1);
  let table: PatternTable;
  // Compared in full and not sampled, the candidates' table is the random pairs' table.
  if (allCompared && keep >= 1) table = randomTable;
  else if (allCodes) table = tabulateCodes(allCodes, candidates.a, candidates.b, f, 1 / keep, keep >= 1 ? undefined : () => rnd() < keep);
  else {
    // The same seeded sample (one draw per candidate, in order), compared here.
    const picked: number[] = [];
    for (let p = 0; p < candidates.a.length; p++) if (rnd() < keep) picked.push(p);
    const sa = Uint32Array.from(picked, (p) => candidates.a[p]);
    const sb = Uint32Array.from(picked, (p) => candidates.b[p]);
    table = tabulateCodes(compareCodes(records, f, sa, sb), sa, sb, f, 1 / keep);
  }

  const lambdaCross0 = totals.cross > 0 ? clampPrior(Math.min(0.5, estimateStartMatches(f) / totals.cross)) : 1e-6;
  const lambdaWithin0 = totals.within > 0 ? clampPrior(Math.min(0.5, (0.02 * f.n) / totals.within)) : 1e-9;
  // EM, then the name interaction from its result, then EM again with the interaction in the E-step (so that
  // namesakes do not pass for matches and soften the other comparisons' m).
  const interactionOf = (r: Pick<EmResult, 'm' | 'lambdaCross' | 'lambdaWithin'>) => {
    if (!options.termFrequencies) return 0;
    const matches = r.lambdaCross * totals.cross + r.lambdaWithin * totals.within;
    const agreeS = r.m[C_SURNAME][0] + r.m[C_SURNAME][1];
    const agreeG = r.m[C_GIVEN][0] + r.m[C_GIVEN][1];
    return nameInteractionBits(options.termFrequencies, matches, { surname: agreeS, given: agreeG, both: agreeS * agreeG });
  };
  const startM = start.comparisons.map((c) => c.levels.slice(0, -1).map((l) => l.m));
  // The first EM already discounts namesakes, with the interaction measured at the starting values: without it,
  // EM on a list full of namesakes can settle on "same name" instead of "same person" as its match class (m of age,
  // date and place collapsing towards u), and the interaction measured from that solution is too weak to get out.
  const interaction0 = interactionOf({ m: startM, lambdaCross: lambdaCross0, lambdaWithin: lambdaWithin0 });
  let em = runEm(table, randomShare, totals, {
    m: startM,
    lambdaCross: lambdaCross0,
    lambdaWithin: lambdaWithin0,
    maxIterations: options.maxIterations,
    tolerance: options.tolerance,
    nameInteraction: interaction0,
  });
  let iterations = em.iterations;
  // Too few matches to learn m from (a few dozen records): keep the starting m, estimate the priors only.
  const fixM = em.lambdaCross * totals.cross + em.lambdaWithin * totals.within < MIN_MATCHES_FOR_M;
  if (fixM) {
    em = runEm(table, randomShare, totals, {
      m: startM,
      lambdaCross: lambdaCross0,
      lambdaWithin: lambdaWithin0,
      maxIterations: options.maxIterations,
      tolerance: options.tolerance,
      uPrior,
      fixM,
      nameInteraction: interaction0,
    });
    iterations += em.iterations;
  }
  // The interaction the last EM ran with (the model's own).
  let interaction = interaction0;
  for (let round = 0; round < 2 && options.termFrequencies; round++) {
    const next = interactionOf(em);
    if (next === interaction) break;
    interaction = next;
    em = runEm(table, randomShare, totals, {
      m: startM,
      lambdaCross: em.lambdaCross,
      lambdaWithin: em.lambdaWithin,
      maxIterations: options.maxIterations,
      tolerance: options.tolerance,
      uPrior,
      nameInteraction: interaction,
      fixM,
    });
    iterations += em.iterations;
  }
  const { m, u, lambdaCross, lambdaWithin, converged } = em;

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
    nameInteraction: Number(interaction.toFixed(4)),
    training: {
      method: fixM
        ? 'u from random pairs; priors by EM over candidate pairs; m kept at starting values (too few matches)'
        : 'u from random pairs; m and priors by EM over candidate pairs',
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
