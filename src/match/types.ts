// Public types of the matching engine: records in, scored pairs, clusters, the model and explanations out.
// Pure data; every type here is JSON-serialisable except the onStage callback.
import type { SourceRecord } from '../core/types.js';
import type { ParsedName } from '../names/types.js';

/** One record to match: the ingested record and its parsed name. */
export interface MatchRecord {
  record: SourceRecord;
  name: ParsedName;
}

/** A clerical decision about two records (`source:row` keys). `match` = must-link, `distinct` = cannot-link. */
export interface Decision {
  a: string;
  b: string;
  decision: 'match' | 'distinct';
  note?: string;
}

export type LinkStage = 'block' | 'train' | 'score' | 'cluster';

export interface LinkOptions {
  /** ISO date; birth year/date → age at the event. Default: the most common date of death. */
  eventDate?: string;
  /** Match probability for a link; undefined → chosen from the model (expected-F1 maximum). */
  threshold?: number;
  /** Duplicate-free sources: at most one record of each per person (one-to-one). */
  uniqueSources?: string[];
  /** Reuse these parameters (skip EM). */
  model?: ModelParams;
  decisions?: Decision[];
  /**
   * How scoring spends memory (the results are the same whatever these are): every comparison vector is held while
   * the model is trained up to `holdVectorsUpTo` candidate pairs (default 16,000,000), else weighing is a second
   * pass; EM reads at most `maxTrainingPairs` candidate pairs (default 300,000, a seeded sample beyond).
   */
  scoring?: { holdVectorsUpTo?: number; maxTrainingPairs?: number };
  onStage?: (stage: LinkStage, event: 'start' | 'end', info?: { done?: number; total?: number }) => void;
}

/** A scored candidate pair. `a < b`, indices into the records passed to linkRecords. */
export interface ScoredPair {
  a: number;
  b: number;
  probability: number;
  /** Total match weight in bits (prior + comparisons + term-frequency adjustments). */
  weight: number;
  /** Comparison name → level name. */
  levels: Record<string, string>;
  /** Comparison name → weight in bits (term-frequency adjustment included); plus `prior` and `name_interaction`. */
  weights: Record<string, number>;
  /** Human-readable reasons (name evidence, decisions). */
  evidence: string[];
  /**
   * For links: what made the link. `model`: probability at or above the threshold; `exclusive`: the exclusive-candidate
   * rule (just below the threshold, each record's only candidate); `decision`: a must-link decision.
   */
  linkedBy?: LinkRule;
}

export type LinkRule = 'model' | 'exclusive' | 'decision';

export interface LinkResult {
  /** Every record index exactly once; each cluster sorted; clusters sorted by first index. */
  clusters: number[][];
  /** One id per cluster (see assignPersonIds). */
  personIds: string[];
  /** Accepted links (above the threshold inside a final cluster, or must-link), sorted by (a, b). */
  links: ScoredPair[];
  /** Uncertain pairs, most informative (closest to the threshold) first. */
  review: ScoredPair[];
  /** Pairs of records of one source that belong to one person (within-source duplicates), sorted. */
  withinSourceDuplicates: Array<[number, number]>;
  model: ModelParams;
  threshold: number;
  thresholdSource: string;
  thresholdTable: Array<{ threshold: number; persons: number }>;
  alternatives: {
    stricter: { threshold: number; clusters: number[][] };
    looser: { threshold: number; clusters: number[][] };
  };
  stats: LinkStats;
}

export interface LinkStats {
  records: number;
  candidatePairs: number;
  /** Pairs each blocking rule produced (before the union removed repeats). */
  blockingRules: Array<{ name: string; pairs: number }>;
  /** What blocking capped or sub-blocked, in words. */
  capped: string[];
  emIterations: number;
  converged: boolean;
  /**
   * Links above the threshold refused by the clustering guards: one-to-one, chain guard, two records of one source
   * that are not duplicates on their own evidence, cannot-link, names differ.
   */
  refusedLinks: { oneToOne: number; chainGuard: number; sameSource: number; cannotLink: number; namesDiffer: number };
  /** Links below the threshold made by the exclusive-candidate rule (see EXCLUSIVE_BITS in cluster.ts). */
  exclusiveLinks: number;
  /** Decisions that named an unknown record or contradicted a must-link chain. */
  decisionsIgnored: number;
}

/** One level of a comparison with its probabilities among matches (m) and non-matches (u). */
export interface ModelLevel {
  name: string;
  m: number;
  u: number;
}

export interface ModelComparison {
  name: string;
  /** Levels in the engine's fixed order; the `missing` level always weighs 0. */
  levels: ModelLevel[];
}

/** Fellegi–Sunter parameters. Written as model.json; reloadable with `--model`. */
export interface ModelParams {
  format: 'reconcile-match-model';
  version: 1;
  comparisons: ModelComparison[];
  /** Probability that two records match before any comparison: records of different sources, of the same source. */
  prior: { crossSource: number; withinSource: number };
  /** Term-frequency adjustment of surname and given-name agreement, capped at ±maxBits. */
  termFrequency: { surname: boolean; given: boolean; maxBits: number };
  /**
   * Bits added when surname and given name both agree (exact or phonetic): log2(u_surname · u_given / u_both),
   * negative when names are correlated (namesakes, names that run in one community), so that a shared full name
   * is not counted as two independent coincidences.
   */
  nameInteraction: number;
  /** How the parameters were obtained (informative only). */
  training: {
    method: string;
    candidatePairs: number;
    trainingPairs: number;
    randomPairs: number;
    emIterations: number;
    converged: boolean;
    eventDate?: string;
  };
}

/** One row of an explanation: a comparison, its level and what it weighs. */
export interface ExplainedComparison {
  name: string;
  level: string;
  m: number;
  u: number;
  /** log2(m/u); 0 for a missing value. */
  weight: number;
  /** Term-frequency adjustment in bits (0 when not applicable). */
  tfAdjustment: number;
  /** The values compared, as text (e.g. `34 | 35`). */
  values: string;
}

export interface PairExplanation {
  a: number;
  b: number;
  keys: [string, string];
  sameSource: boolean;
  /** Prior probability and its weight log2(λ/(1−λ)). */
  prior: number;
  priorWeight: number;
  comparisons: ExplainedComparison[];
  /** The model's name interaction, counted when surname and given name both agree (else 0). */
  nameInteraction: number;
  totalWeight: number;
  probability: number;
  evidence: string[];
  /** Set when a decision or a hard rule overrides the model (e.g. two records of a duplicate-free source). */
  override?: string;
}
