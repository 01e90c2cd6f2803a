// Comparison vectors (or weights) of a range of candidate pairs, written into caller-owned arrays: the units of work
// that the scoring threads share (see score-workers.ts). Pure; compareRange gives exactly what comparePairs gives for
// the same pairs, weighRange what weighPairs then makes of them.
import type { NameComparison } from '../names/types.js';
import { compareRecordPair, packLevels } from './comparisons.js';
import type { RecordFeatures } from './features.js';
import { termAdjustment, type TermFrequencies } from './frequencies.js';
import { C_GIVEN, C_SURNAME, K } from './levels.js';
import type { ScoringContext } from './score.js';
import type { MatchRecord } from './types.js';

/** Output arrays of a comparison pass, one slot per pair (score.ts calls them PairVectors). */
export interface VectorArrays {
  codes: Uint32Array;
  tfSurname: Float32Array;
  tfGiven: Float32Array;
  /** 1 when the names engine judges the names to be of different persons (see NAMES_DIFFER in score.ts). */
  namesDiffer: Uint8Array;
}

/** Name levels below this index (exact, phonetic) carry a term-frequency adjustment. */
const TF_LEVELS = 2;

/** Surname and given name both agree at least phonetically (the name interaction applies). */
export function bothNamesAgree(levels: ArrayLike<number>): boolean {
  return levels[C_SURNAME] < TF_LEVELS && levels[C_GIVEN] < TF_LEVELS;
}

/**
 * Weight of a comparison vector before the prior and term frequencies: the name interaction when both names agree,
 * then each comparison's log2(m/u), added in that order (weighPairs and weighRange give the same bits).
 */
export function levelsWeight(levelWeights: Float64Array, nameInteraction: number, levels: ArrayLike<number>): number {
  let w = bothNamesAgree(levels) ? nameInteraction : 0;
  for (let k = 0; k < K; k++) w += levelWeights[k * 8 + levels[k]];
  return w;
}

/** Raw (uncapped) term-frequency adjustment of a name part at `level`, in bits: 0 unless it agrees at least phonetically. */
export function rawTermBits(tf: TermFrequencies, part: 'surname' | 'given', level: number, agreed: string | undefined): number {
  return level < TF_LEVELS ? termAdjustment(tf, part, agreed, Infinity) : 0;
}

/**
 * Compares pairs `from` ≤ p < `to` of (a, b) and writes their packed levels, raw term-frequency adjustments and
 * names-differ flags into `out` at the same positions.
 * Example: compareRange(records, f, tf, a, b, out, 0, a.length) fills `out` as comparePairs(records, f, tf, a, b) does.
 */
export function compareRange(
  records: readonly MatchRecord[],
  features: RecordFeatures,
  tf: TermFrequencies,
  a: Uint32Array,
  b: Uint32Array,
  out: VectorArrays,
  from: number,
  to: number,
): void {
  const levels = new Uint8Array(K);
  for (let p = from; p < to; p++) {
    const names: NameComparison = compareRecordPair(records, features, a[p], b[p], levels, 0, false);
    out.codes[p] = packLevels(levels);
    out.namesDiffer[p] = names.decision === 'different' ? 1 : 0;
    out.tfSurname[p] = rawTermBits(tf, 'surname', levels[C_SURNAME], names.agreedSurname);
    out.tfGiven[p] = rawTermBits(tf, 'given', levels[C_GIVEN], names.agreedGiven);
  }
}

/** Weights and names-differ flags of a weighing pass, one slot per pair. */
export interface WeightArrays {
  weights: Float32Array;
  namesDiffer: Uint8Array;
}

/** What weighing needs of a model, as plain numbers (a scoring worker receives it). */
export interface WeighParams {
  /** log2(m/u) of comparison k's level l at k * 8 + l. */
  levelWeights: Float64Array;
  priorCross: number;
  priorWithin: number;
  nameInteraction: number;
  tfSurname: boolean;
  tfGiven: boolean;
  tfMaxBits: number;
}

/** The weighing parameters of a scoring context. */
export function weighParamsOf(ctx: ScoringContext): WeighParams {
  const tfc = ctx.model.termFrequency;
  return {
    levelWeights: ctx.weights,
    priorCross: ctx.priorCross,
    priorWithin: ctx.priorWithin,
    nameInteraction: ctx.model.nameInteraction,
    tfSurname: tfc.surname,
    tfGiven: tfc.given,
    tfMaxBits: tfc.maxBits,
  };
}

/**
 * A pair's total weight from its levels' weight (levelsWeight): plus the prior of its pair type, then the surname's
 * and the given name's term-frequency adjustments capped at ±tfMaxBits (each when the model uses it), in that order.
 */
export function addPriorAndTerms(params: WeighParams, levelsW: number, sameSource: boolean, tfSurname: number, tfGiven: number): number {
  let w = levelsW + (sameSource ? params.priorWithin : params.priorCross);
  const cap = params.tfMaxBits;
  if (params.tfSurname) w += Math.max(-cap, Math.min(cap, tfSurname));
  if (params.tfGiven) w += Math.max(-cap, Math.min(cap, tfGiven));
  return w;
}

/**
 * Compares pairs `from` ≤ p < `to` of (a, b) and writes their total weights and names-differ flags: the weights
 * weighPairs gives for compareRange's vectors (the same sums in the same order, the term-frequency adjustments
 * rounded to float32 as the vectors hold them), without keeping the vectors (12 bytes a pair).
 * Example: weighRange(records, f, tf, weighParamsOf(ctx), a, b, out, 0, a.length); out.weights[p] === weighPairs(ctx, a, b, vectors)[p]
 */
export function weighRange(
  records: readonly MatchRecord[],
  features: RecordFeatures,
  tf: TermFrequencies,
  params: WeighParams,
  a: Uint32Array,
  b: Uint32Array,
  out: WeightArrays,
  from: number,
  to: number,
): void {
  const levels = new Uint8Array(K);
  const src = features.source;
  for (let p = from; p < to; p++) {
    const i = a[p];
    const j = b[p];
    const names: NameComparison = compareRecordPair(records, features, i, j, levels, 0, false);
    // The adjustments rounded to float32, as the comparison vectors hold them.
    const tfS = Math.fround(rawTermBits(tf, 'surname', levels[C_SURNAME], names.agreedSurname));
    const tfG = Math.fround(rawTermBits(tf, 'given', levels[C_GIVEN], names.agreedGiven));
    out.weights[p] = addPriorAndTerms(params, levelsWeight(params.levelWeights, params.nameInteraction, levels), src[i] === src[j], tfS, tfG);
    out.namesDiffer[p] = names.decision === 'different' ? 1 : 0;
  }
}

/**
 * Fills pairs `from` ≤ p < `to` of a pass: with weighing parameters, their weights (weighRange), else their
 * comparison vectors (compareRange). The calling thread and the scoring workers run the same.
 */
export function fillRange(
  records: readonly MatchRecord[],
  features: RecordFeatures,
  tf: TermFrequencies,
  weigh: WeighParams | undefined,
  a: Uint32Array,
  b: Uint32Array,
  out: VectorArrays | WeightArrays,
  from: number,
  to: number,
): void {
  if (weigh) weighRange(records, features, tf, weigh, a, b, out as WeightArrays, from, to);
  else compareRange(records, features, tf, a, b, out as VectorArrays, from, to);
}
