// Fellegi–Sunter scoring of record pairs: weight = prior + Σ log2(m/u) + term-frequency adjustments.
// Pure: a function of (records, features, frequencies, model) and the pair indices, so it can move to workers.
import type { NameComparison } from '../names/types.js';
import { compareRecordPair, packLevels, unpackLevels } from './comparisons.js';
import { C_GIVEN, C_SURNAME, COMPARISONS, K } from './levels.js';
import type { RecordFeatures } from './features.js';
import { termAdjustment, type TermFrequencies } from './frequencies.js';
import { levelWeights, priorWeight, weightToProbability } from './model.js';
import { addPriorAndTerms, bothNamesAgree, compareRange, levelsWeight, weighParamsOf, type VectorArrays } from './score-range.js';
import type { LinkRule, MatchRecord, ModelParams, ScoredPair } from './types.js';

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
  /** The names engine calls the names different (never linked without a decision). */
  namesDiffer: boolean;
  tfSurname: number;
  tfGiven: number;
  /** The model's name interaction when surname and given name both agree, else 0. */
  interaction: number;
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
  const interaction = bothNamesAgree(levels) ? ctx.model.nameInteraction : 0;
  w += interaction;
  const tfc = ctx.model.termFrequency;
  const tfSurname =
    tfc.surname && levels[C_SURNAME] < TF_LEVELS ? termAdjustment(ctx.tf, 'surname', names.agreedSurname, tfc.maxBits) : 0;
  const tfGiven =
    tfc.given && levels[C_GIVEN] < TF_LEVELS ? termAdjustment(ctx.tf, 'given', names.agreedGiven, tfc.maxBits) : 0;
  return { weight: w + tfSurname + tfGiven, namesDiffer: names.decision === 'different', tfSurname, tfGiven, interaction, names };
}

/** Comparison vectors of many pairs: packed levels and the raw term-frequency adjustments (uncapped, in bits). */
export type PairVectors = VectorArrays;

/**
 * Evidence line of a pair whose names the names engine calls different (a conflicting given name, patronymic or
 * initial, an added name element...). Such a pair needs overwhelming other evidence to be linked.
 */
export const NAMES_DIFFER = 'names engine: the names look like different persons (linked only at probability ≥ 0.95)';

/**
 * Compares every pair (a[p], b[p]) once, on the calling thread (compareRange over the whole list); weights are
 * then a cheap function of the vectors (see weighPairs). `onProgress` is called every 65,536 pairs.
 * Example: comparePairs(records, features, tf, Uint32Array.of(0), Uint32Array.of(1)).codes[0] → packed levels
 */
export function comparePairs(
  records: readonly MatchRecord[],
  features: RecordFeatures,
  tf: TermFrequencies,
  a: Uint32Array,
  b: Uint32Array,
  onProgress?: (done: number, total: number) => void,
): PairVectors {
  const out: PairVectors = {
    codes: new Uint32Array(a.length),
    tfSurname: new Float32Array(a.length),
    tfGiven: new Float32Array(a.length),
    namesDiffer: new Uint8Array(a.length),
  };
  for (let from = 0; from < a.length; from += PROGRESS_EVERY) {
    const to = Math.min(a.length, from + PROGRESS_EVERY);
    compareRange(records, features, tf, a, b, out, from, to);
    if (to - from === PROGRESS_EVERY) onProgress?.(to, a.length);
  }
  return out;
}

/** comparePairs reports its progress after every this many pairs. */
const PROGRESS_EVERY = 65_536;

/**
 * Total weights of compared pairs under the model: prior (by pair type) + level weights + capped tf adjustments.
 * Example: weighPairs(ctx, a, b, comparePairs(...))[p] → weight of pair p in bits
 */
export function weighPairs(ctx: ScoringContext, a: Uint32Array, b: Uint32Array, v: PairVectors): Float32Array {
  const out = new Float32Array(a.length);
  const src = ctx.features.source;
  const params = weighParamsOf(ctx);
  // weight of each distinct code, memoised
  const memo = new Map<number, number>();
  const levels = new Uint8Array(K);
  for (let p = 0; p < a.length; p++) {
    const code = v.codes[p];
    let w = memo.get(code);
    if (w === undefined) {
      unpackLevels(code, levels);
      w = levelsWeight(ctx.weights, ctx.model.nameInteraction, levels);
      memo.set(code, w);
    }
    out[p] = addPriorAndTerms(params, w, src[a[p]] === src[b[p]], v.tfSurname[p], v.tfGiven[p]);
  }
  return out;
}

/** Rounds to 4 decimals (stable text in CSV and JSON). */
function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/**
 * A scored pair that keeps only its numbers (indices, probability, weight, packed levels, term-frequency adjustments)
 * and works out its evidence when asked: `levels` and `weights` from the packed levels and the model, `evidence` by
 * comparing the names again. A run keeps hundreds of thousands of links; holding each one's level and weight objects
 * and evidence strings took gigabytes at a million records. Serialises (toJSON) as the full ScoredPair.
 */
class LazyScoredPair implements ScoredPair {
  readonly a: number;
  readonly b: number;
  readonly probability: number;
  readonly weight: number;
  private readonly ctx: ScoringContext;
  /** Indices into ctx.records (a and b may be mapped to the caller's order). */
  private readonly i: number;
  private readonly j: number;
  private readonly code: number;
  private readonly tfSurname: number;
  private readonly tfGiven: number;
  private readonly notes: readonly string[] | undefined;
  readonly linkedBy: LinkRule | undefined;

  constructor(
    ctx: ScoringContext,
    i: number,
    j: number,
    s: PairScore,
    levels: Uint8Array,
    a: number,
    b: number,
    notes?: readonly string[],
    linkedBy?: LinkRule,
  ) {
    this.a = a;
    this.b = b;
    this.probability = weightToProbability(s.weight);
    this.weight = s.weight;
    this.ctx = ctx;
    this.i = i;
    this.j = j;
    this.code = packLevels(levels);
    this.tfSurname = s.tfSurname;
    this.tfGiven = s.tfGiven;
    this.notes = notes;
    this.linkedBy = linkedBy;
  }

  /** Comparison name → level name. */
  get levels(): Record<string, string> {
    const levels = new Uint8Array(K);
    unpackLevels(this.code, levels);
    const lv: Record<string, string> = {};
    for (let k = 0; k < K; k++) {
      const c = COMPARISONS[k];
      lv[c.name] = c.levels[levels[k]];
    }
    return lv;
  }

  /** Comparison name → weight in bits (term-frequency adjustment included); plus `prior` and `name_interaction`. */
  get weights(): Record<string, number> {
    const ctx = this.ctx;
    const levels = new Uint8Array(K);
    unpackLevels(this.code, levels);
    const ws: Record<string, number> = {};
    ws.prior = round4(ctx.features.source[this.i] === ctx.features.source[this.j] ? ctx.priorWithin : ctx.priorCross);
    for (let k = 0; k < K; k++) {
      let w = ctx.weights[k * 8 + levels[k]];
      if (k === C_SURNAME) w += this.tfSurname;
      if (k === C_GIVEN) w += this.tfGiven;
      ws[COMPARISONS[k].name] = round4(w);
    }
    ws.name_interaction = round4(bothNamesAgree(levels) ? ctx.model.nameInteraction : 0);
    return ws;
  }

  /** Human-readable reasons: the names engine's evidence (compared again), frequency adjustments, decisions. */
  get evidence(): string[] {
    const s = scorePair(this.ctx, this.i, this.j, new Uint8Array(K));
    const evidence = [...s.names.evidence];
    if (s.names.decision === 'different') evidence.push(NAMES_DIFFER);
    if (s.tfSurname !== 0) evidence.push(`surname frequency adjustment ${s.tfSurname > 0 ? '+' : ''}${s.tfSurname.toFixed(2)} bits`);
    if (s.tfGiven !== 0) evidence.push(`given-name frequency adjustment ${s.tfGiven > 0 ? '+' : ''}${s.tfGiven.toFixed(2)} bits`);
    if (this.notes) evidence.push(...this.notes);
    return evidence;
  }

  toJSON(): ScoredPair {
    const pair: ScoredPair = { a: this.a, b: this.b, probability: this.probability, weight: this.weight, levels: this.levels, weights: this.weights, evidence: this.evidence };
    if (this.linkedBy) pair.linkedBy = this.linkedBy;
    return pair;
  }
}

/**
 * The full evidence of one pair (levels, per-comparison weights, name evidence), as written to links.csv, with
 * `a` < `b` the smaller and larger of `map(i)` and `map(j)` (indices in the caller's order; default: unchanged) and
 * `notes` added to the evidence and `linkedBy` saying what made the link. The levels, weights and evidence are worked out when read (see LazyScoredPair).
 * Example: scoredPair(ctx, 3, 7).levels.surname → 'phonetic'
 */
export function scoredPair(
  ctx: ScoringContext,
  i: number,
  j: number,
  map?: (index: number) => number,
  notes?: readonly string[],
  linkedBy?: LinkRule,
): ScoredPair {
  const levels = new Uint8Array(K);
  const s = scorePair(ctx, i, j, levels);
  const x = map ? map(i) : i;
  const y = map ? map(j) : j;
  return new LazyScoredPair(ctx, i, j, s, levels, Math.min(x, y), Math.max(x, y), notes, linkedBy);
}
