// Input and result types of the population estimate (multiple systems estimation). Plain, JSON-ready data.
import type { ModelComparison } from './models.js';
import type { TwoListResult } from './two-list.js';

/** One merged person: the lists that name them and the fields strata can be drawn from. */
export interface EstimatePerson {
  sources: readonly string[];
  category?: string;
  place?: string;
  region?: string;
}

/** A list: its name and, when it names only one category (e.g. `security`), that category. */
export interface EstimateSource {
  name: string;
  covers?: string;
}

export type Stratifier = 'category' | 'place' | 'region';

/**
 * How the headline estimate is chosen for three or more lists: `robust` (default) averages the best model of each
 * family (pairwise, Mth Darroch, Mth Poisson2) within ΔAIC 10, with an interval spanning theirs; `aic`/`bic` take the
 * single best non-saturated model; `average` is the Akaike-weighted average over every fitted model.
 */
export type ModelSelection = 'robust' | 'aic' | 'bic' | 'average' | 'independence';

export interface EstimateOptions {
  /** Lists to use (default: all). */
  lists?: readonly string[];
  /** Fit each stratum separately and add (default: none). */
  stratify?: Stratifier | null;
  /** Use lists that cover one category in a pooled (unstratified) estimate anyway. Biased; off by default. */
  includeCoverageLists?: boolean;
  /** Headline model for k ≥ 3 lists (default `robust`, see ModelSelection). */
  selection?: ModelSelection;
  /** Let the saturated model be the headline when the criterion picks it (default false). */
  allowSaturated?: boolean;
  /** Fit heterogeneity models (Mth Darroch, Poisson2, Gamma3.5, alone and with pairwise terms) too (default true). */
  heterogeneity?: boolean;
  /** Compute profile-likelihood intervals for every model (default true); `headline`: only where a headline may use one. */
  profile?: boolean | 'headline';
  /** Interval of a log-linear headline: `profile` likelihood (default) or parametric `bootstrap`. */
  interval?: 'profile' | 'bootstrap';
  /** Bootstrap settings (defaults: 2,000 replicates, seed 1, no re-selection). */
  bootstrap?: { replicates?: number; seed?: number; reselect?: boolean };
  /** A published total to compare with the estimate (it cannot enter the estimate: it has no names). */
  officialTotal?: number;
}

/** A total with its 95% interval. `upper` null with `estimable` true means unbounded above. */
export interface Estimate {
  estimable: boolean;
  /** Why there is no estimate (plain words). */
  reason?: string;
  /** Distinct named people the estimate rests on (lists used). */
  named: number;
  N: number | null;
  se: number | null;
  lower: number | null;
  upper: number | null;
  /** E.g. `Chapman (two lists)`, `log-linear P×Q (lowest AIC)`, `Akaike-weighted average`, `sum of strata`. */
  method: string;
  /** E.g. `profile likelihood`, `log-transformed (Chao 1987)`. */
  interval: string;
  /** The log-linear model behind the estimate, when there is one. */
  model?: string;
  /** The models a robust headline averages, with their Akaike weights (best first). */
  members?: { name: string; N: number; weight: number }[];
  /** True when the headline rests mainly on a heterogeneity model (people differ in how likely lists are to name them). */
  heterogeneity?: boolean;
  /** True when some strata could not be estimated and enter at their named count: a lower bound. */
  partial?: boolean;
}

export interface ExcludedList {
  name: string;
  reason: string;
}

export interface StratumEstimate {
  /** Stratum value, or `all` when not stratified; `(unknown)` for people without a value. */
  stratum: string;
  /** Distinct people of the stratum named on at least one list (any list). */
  persons: number;
  lists: string[];
  excluded: ExcludedList[];
  /** People of the stratum named only on lists not used here (part of the estimated unseen). */
  onlyOnExcluded: number;
  listSizes: { name: string; count: number }[];
  /** All 2^k − 1 observable histories, sorted (`001`, `010`, `011`, …); character j ↔ lists[j]. */
  histories: { history: string; count: number }[];
  /** Chapman / Lincoln–Petersen for every pair of lists used. */
  pairs: { lists: [string, string]; result: TwoListResult }[];
  /** Log-linear models (k ≥ 2); null with fewer than two lists. */
  models: ModelComparison | null;
  estimate: Estimate;
  warnings: string[];
}

export interface EstimateResult {
  /** Distinct people named on at least one list (any list): the documented minimum. */
  persons: number;
  lists: string[];
  excluded: ExcludedList[];
  stratify: Stratifier | null;
  selection: ModelSelection;
  officialTotal: number | null;
  strata: StratumEstimate[];
  total: Estimate;
  warnings: string[];
  /** Assumptions and caveats in plain words, with this run's figures. */
  plainLanguage: string[];
}
