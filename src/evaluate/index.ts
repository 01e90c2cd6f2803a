// Public API of linkage evaluation (`reconcile evaluate`).
export {
  evaluateLinkage,
  type LinkageEvaluation,
  type TruthRow,
  type PredictedRow,
  type CandidatePair,
  type PersonRelation,
  type EvaluateOptions,
  type PairCounts,
  type ScriptPairResult,
  type FalseMerge,
  type MissedLink,
  type BlockingResult,
  type RelationMerges,
} from './metrics.js';
export { parseTruthCsv, parseRecordsCsv, parsePairsCsv, parsePersonsCsv } from './parse.js';
export { formatEvaluation } from './format.js';
