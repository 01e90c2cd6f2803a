// The matching engine's public API: Fellegi–Sunter scoring with EM, blocking, clustering, stable ids, explanations.
export type {
  Decision,
  ExplainedComparison,
  LinkOptions,
  LinkResult,
  LinkStage,
  LinkStats,
  MatchRecord,
  ModelComparison,
  ModelLevel,
  ModelParams,
  PairExplanation,
  ScoredPair,
} from './types.js';
export { linkRecords } from './link-records.js';
export { explainPair, renderExplanation } from './explain.js';
export { assignPersonIds, hashId } from './person-ids.js';
export { candidatePairs, blockRecords } from './blocking.js';
export { validateModel, startingModel } from './model.js';
export { COMPARISONS } from './levels.js';
export { parseDecisions } from './decisions.js';
