// Public API of the population estimate (multiple systems estimation / capture–recapture). Pure.
export { estimatePopulation, UNKNOWN_STRATUM } from './estimate-population.js';
export { renderEstimateMarkdown, renderEstimateText, type RenderOptions } from './render.js';
export { estimateTwoLists, logTransformInterval, type TwoListEstimate, type TwoListResult } from './two-list.js';
export { compareModels, enumerateModels, nameModel, type ModelComparison, type ModelRow } from './models.js';
export { fitLogLinear, summarizeModel, type LogLinearFit, type ModelStatistics, type Term } from './log-linear.js';
export { profileInterval, profileLogLikelihood, type ProfileInterval } from './profile.js';
export { makeCaptureTable, tabulateHistories, formatHistory, parseHistory, type CaptureTable } from './capture-table.js';
export {
  estimateAcrossThresholds,
  estimateOverClusterings,
  linkageKey,
  linkageRange,
  sampleClustering,
  type SensitivityRow,
  type ClusteringSpread,
  type LinkageRange,
  type LinkRecord,
  type CandidateLink,
} from './sensitivity.js';
export { bootstrapInterval, type BootstrapInterval, type BootstrapOptions } from './bootstrap.js';
export { createRandom } from './random.js';
export { describeAssumptions } from './plain-language.js';
export type * from './types.js';
