// Fellegi–Sunter scoring of record pairs: weight = prior + Σ log2(m/u) + term-frequency adjustments.
// Pure: a function of (records, features, frequencies, model) and the pair indices, so it can move to workers.
import type { NameComparison } from '../names/types.js';
import { compareRecordPair } from './comparisons.js';
import { C_GIVEN, C_SURNAME, COMPARISONS, K } from './levels.js';
import type { RecordFeatures } from './features.js';
import { termAdjustment, type TermFrequencies } from './frequencies.js';
import { levelWeights, priorWeight, weightToProbability } from './model.js';
import type { MatchRecord, ModelParams, ScoredPair } from './types.js';

export interface ScoringContext {
  records: readonly MatchRecord[];
  features: RecordFeatures;
  tf: TermFrequencies;
  model: ModelParams;
  /** weights[k * 8 + level] = log2(m/u). */
  weights: Float64Array;
  priorCross: number;
  priorWithin: number;
  /** Per source index: 1 when the source is duplicate-free. */
  uniqueSource: Uint8Array;
}

export function buildScoringContext(
  records: readonly MatchRecord[],
  features: RecordFeatures,
  tf: TermFrequencies,
  model: ModelParams,
  uniqueSources: readonly string[] = [],
): ScoringContext {
  const unique = new Set(uniqueSources);
  return {
    records,
    features,
    tf,
    model,
    weights: levelWeights(model),
    priorCross: priorWeight(model.prior.crossSource),
    priorWithin: priorWeight(model.prior.withinSource),
    uniqueSource: Uint8Array.from(features.sources, (s) => (unique.has(s) ? 1 : 0)),
  };
}

/** Name levels whose agreed skeleton is adjusted for term frequency: exact and phonetic. */
const TF_LEVELS = 2;

export interface PairScore {
  weight: number;
  tfSurname: number;
  tfGiven: number;
  names: NameComparison;
}

/**
 * Scores records i and j: fills `levels[0..K)` and returns the total weight and its term-frequency parts.
 * Example: «Ахметов Ерлан Серикович» vs «Akhmetov Yerlan», same age and date → a weight well above 0.
 */
export function scorePair(ctx: ScoringContext, i: number, j: number, levels: Uint8Array): PairScore {
  const f = ctx.features;
  const names = compareRecordPair(ctx.records, f, i, j, levels, 0);
  let w = f.source[i] === f.source[j] ? ctx.priorWithin : ctx.priorCross;
  for (let k = 0; k < K; k++) w += ctx.weights[k * 8 + levels[k]];
  const tfc = ctx.model.termFrequency;
  const tfSurname =
    tfc.surname && levels[C_SURNAME] < TF_LEVELS ? termAdjustment(ctx.tf, 'surname', names.agreedSurname, tfc.maxBits) : 0;
  const tfGiven =
    tfc.given && levels[C_GIVEN] < TF_LEVELS ? termAdjustment(ctx.tf, 'given', names.agreedGiven, tfc.maxBits) : 0;
  return { weight: w + tfSurname + tfGiven, tfSurname, tfGiven, names };
}

/**
 * Scores every pair (a[p], b[p]) and returns the total weights. `onProgress` is called every 65,536 pairs.
 * Example: scorePairs(ctx, Uint32Array.of(0), Uint32Array.of(1))[0] → weight of the pair (0, 1)
 */
export function scorePairs(
  ctx: ScoringContext,
  a: Uint32Array,
  b: Uint32Array,
  onProgress?: (done: number, total: number) => void,
): Float32Array {
  const out = new Float32Array(a.length);
  const levels = new Uint8Array(K);
  for (let p = 0; p < a.length; p++) {
    out[p] = scorePair(ctx, a[p], b[p], levels).weight;
    if (onProgress && (p & 0xffff) === 0xffff) onProgress(p + 1, a.length);
  }
  return out;
}

/** Rounds to 4 decimals (stable text in CSV and JSON). */
function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/**
 * The full evidence of one pair (levels, per-comparison weights, name evidence), as written to links.csv.
 * Example: scoredPair(ctx, 3, 7).levels.surname → 'phonetic'
 */
export function scoredPair(ctx: ScoringContext, i: number, j: number): ScoredPair {
  const levels = new Uint8Array(K);
  const s = scorePair(ctx, i, j, levels);
  const lv: Record<string, string> = {};
  const ws: Record<string, number> = {};
  ws.prior = round4(ctx.features.source[i] === ctx.features.source[j] ? ctx.priorWithin : ctx.priorCross);
  for (let k = 0; k < K; k++) {
    const c = COMPARISONS[k];
    lv[c.name] = c.levels[levels[k]];
    let w = ctx.weights[k * 8 + levels[k]];
    if (k === C_SURNAME) w += s.tfSurname;
    if (k === C_GIVEN) w += s.tfGiven;
    ws[c.name] = round4(w);
  }
  const evidence = [...s.names.evidence];
  if (s.tfSurname !== 0) evidence.push(`surname frequency adjustment ${s.tfSurname > 0 ? '+' : ''}${s.tfSurname.toFixed(2)} bits`);
  if (s.tfGiven !== 0) evidence.push(`given-name frequency adjustment ${s.tfGiven > 0 ? '+' : ''}${s.tfGiven.toFixed(2)} bits`);
  return {
    a: Math.min(i, j),
    b: Math.max(i, j),
    probability: weightToProbability(s.weight),
    weight: s.weight,
    levels: lv,
    weights: ws,
    evidence,
  };
}
