// Model enumeration and comparison for k ≥ 2 lists: fits independence and pairwise-interaction models,
// ranks them by AIC, reports the AIC and BIC picks and an Akaike-weighted average. Pure; rows sorted by AIC, then name.
import { compareStrings } from '../core/compare.js';
import type { CaptureTable } from './capture-table.js';
import { countObserved } from './capture-table.js';
import type { Term } from './log-linear.js';
import { summarizeModel } from './log-linear.js';
import { profileInterval } from './profile.js';
import { logTransformInterval } from './two-list.js';
import { Z95 } from './numeric.js';

export interface ModelRow {
  /** `independence`, or the interaction terms joined with ` + `, each as `a×b`. */
  name: string;
  /** Interaction terms as list names. */
  terms: string[][];
  /** The same terms as list indices of the table. */
  termIndices: Term[];
  parameters: number;
  df: number;
  /** df = 0: the model reproduces the observed table exactly and cannot be checked against it. */
  saturated: boolean;
  estimable: boolean;
  /** Why the model could not be estimated (plain words). */
  reason?: string;
  N: number | null;
  se: number | null;
  unseen: number | null;
  deviance: number | null;
  logLik: number | null;
  aic: number | null;
  bic: number | null;
  deltaAic: number | null;
  /** Akaike weight exp(−ΔAIC/2), normalised over the estimable models. */
  weight: number | null;
  /** Profile-likelihood 95% interval; upper null = unbounded. */
  profile: { lower: number; upper: number | null; mode: number } | null;
  wald: { lower: number; upper: number } | null;
  logInterval: { lower: number; upper: number } | null;
  interactions: { lists: string[]; value: number; se: number }[];
}

export interface ModelComparison {
  lists: string[];
  /** Distinct people observed. */
  n: number;
  models: ModelRow[];
  /** Best AIC among all estimable models (may be saturated). */
  aicPick: string | null;
  bicPick: string | null;
  /** Best AIC among estimable models that are not saturated. */
  aicPickUnsaturated: string | null;
  bicPickUnsaturated: string | null;
  /** Akaike-weighted average over all estimable models; SE by Buckland et al. (1997), log-transformed interval. */
  average: { N: number; se: number; lower: number; upper: number } | null;
  /** The largest number of pairwise terms enumerated (all of them when every combination was fitted). */
  maxTerms: number;
  warnings: string[];
}

/** Every pair of list indices (j < l), in lexicographic order. */
export function listPairs(k: number): Term[] {
  const pairs: Term[] = [];
  for (let j = 0; j < k; j++) for (let l = j + 1; l < k; l++) pairs.push([j, l]);
  return pairs;
}

/** Pairwise-term limit per number of lists: all combinations up to 4 lists, 3 terms at 5, 1 term beyond. */
export function defaultMaxTerms(k: number): number {
  if (k <= 4) return (k * (k - 1)) / 2;
  if (k === 5) return 3;
  return 1;
}

/**
 * The hierarchical pairwise models to compare: every subset of the k(k−1)/2 pairs with at most `maxTerms` terms
 * and no more parameters than observed cells. Ordered by number of terms, then lexicographically.
 * @example enumerateModels(3).length // 8 (independence, 3 single pairs, 3 two-pair models, the saturated one)
 */
export function enumerateModels(k: number, maxTerms = defaultMaxTerms(k)): Term[][] {
  const pairs = listPairs(k);
  const cells = (1 << k) - 1;
  const out: Term[][] = [];
  const choose = (startIndex: number, current: Term[], size: number) => {
    if (current.length === size) {
      out.push([...current]);
      return;
    }
    for (let i = startIndex; i < pairs.length; i++) {
      current.push(pairs[i]);
      choose(i + 1, current, size);
      current.pop();
    }
  };
  for (let size = 0; size <= Math.min(maxTerms, pairs.length); size++) {
    if (1 + k + size > cells) break;
    choose(0, [], size);
  }
  return out;
}

/** Model name from list names, e.g. [[0,1],[1,2]] over [P,Q,E] → `P×Q + Q×E`. */
export function nameModel(lists: readonly string[], terms: readonly Term[]): string {
  if (terms.length === 0) return 'independence';
  return terms.map((t) => t.map((j) => lists[j]).join('×')).join(' + ');
}

export interface CompareOptions {
  /** Largest number of pairwise terms per model (default: defaultMaxTerms(k)). */
  maxTerms?: number;
  /** Compute profile-likelihood intervals (default true). */
  profile?: boolean;
}

/**
 * Fits and compares the log-linear models of a capture table.
 * @example compareModels(hepatitisTable).aicPick // 'P×Q + P×E + Q×E' (the saturated model, E2)
 */
export function compareModels(table: CaptureTable, options: CompareOptions = {}): ModelComparison {
  const k = table.lists.length;
  const n = countObserved(table);
  const maxTerms = options.maxTerms ?? defaultMaxTerms(k);
  const withProfile = options.profile ?? true;
  const rows: ModelRow[] = [];
  for (const terms of enumerateModels(k, maxTerms)) {
    const name = nameModel(table.lists, terms);
    const termNames = terms.map((t) => t.map((j) => table.lists[j]));
    const parameters = 1 + k + terms.length;
    const df = (1 << k) - 1 - parameters;
    const base = { name, terms: termNames, termIndices: terms, parameters, df, saturated: df === 0 };
    const summary = summarizeModel(table, terms);
    if (!summary.ok) {
      rows.push({
        ...base,
        estimable: false,
        reason: summary.reason,
        N: null,
        se: null,
        unseen: null,
        deviance: null,
        logLik: null,
        aic: null,
        bic: null,
        deltaAic: null,
        weight: null,
        profile: null,
        wald: null,
        logInterval: null,
        interactions: [],
      });
      continue;
    }
    const s = summary.stats;
    const profile = withProfile ? profileInterval(table, terms, s.N) : null;
    rows.push({
      ...base,
      estimable: true,
      N: s.N,
      se: s.se,
      unseen: s.unseen,
      deviance: s.deviance,
      logLik: s.logLik,
      aic: s.aic,
      bic: s.bic,
      deltaAic: null,
      weight: null,
      profile,
      wald: { lower: s.N - Z95 * s.se, upper: s.N + Z95 * s.se },
      logInterval: logTransformInterval(s.N, s.se * s.se, n),
      interactions: s.interactions.map((it) => ({ lists: it.term.map((j) => table.lists[j]), value: it.value, se: it.se })),
    });
  }

  const fitted = rows.filter((r) => r.estimable);
  const byCriterion = (key: 'aic' | 'bic', pool: ModelRow[]) =>
    pool.reduce<ModelRow | null>((best, r) => (best === null || (r[key] as number) < (best[key] as number) ? r : best), null);
  const warnings: string[] = [];
  let average: ModelComparison['average'] = null;
  if (fitted.length > 0) {
    const minAic = Math.min(...fitted.map((r) => r.aic as number));
    let sum = 0;
    for (const r of fitted) {
      r.deltaAic = (r.aic as number) - minAic;
      r.weight = Math.exp(-r.deltaAic / 2);
      sum += r.weight;
    }
    for (const r of fitted) r.weight = (r.weight as number) / sum;
    const avgN = fitted.reduce((s, r) => s + (r.weight as number) * (r.N as number), 0);
    // Buckland, Burnham & Augustin (1997): unconditional SE = Σ w_i √(SE_i² + (N_i − N̄)²).
    const avgSe = fitted.reduce((s, r) => s + (r.weight as number) * Math.sqrt((r.se as number) ** 2 + ((r.N as number) - avgN) ** 2), 0);
    const li = logTransformInterval(avgN, avgSe * avgSe, n);
    if (li) average = { N: avgN, se: avgSe, lower: li.lower, upper: li.upper };
  }
  rows.sort((a, b) => {
    if (a.estimable !== b.estimable) return a.estimable ? -1 : 1;
    if (a.estimable && b.estimable && a.aic !== b.aic) return (a.aic as number) - (b.aic as number);
    return compareStrings(a.name, b.name);
  });
  const aicPick = byCriterion('aic', fitted);
  const bicPick = byCriterion('bic', fitted);
  const unsaturated = fitted.filter((r) => !r.saturated);
  const aicU = byCriterion('aic', unsaturated);
  const bicU = byCriterion('bic', unsaturated);
  if (k >= 3 && aicPick?.saturated) {
    warnings.push(
      `AIC picks the saturated model ${aicPick.name} (N̂ ${aicPick.N?.toFixed(1)}): it fits the table exactly, cannot be checked, and is often far too high when overlaps are small.`,
    );
  }
  if (k >= 3 && bicPick?.saturated) {
    warnings.push(`BIC picks the saturated model ${bicPick.name} (N̂ ${bicPick.N?.toFixed(1)}).`);
  }
  const failed = rows.filter((r) => !r.estimable).length;
  if (failed > 0) warnings.push(`${failed} of ${rows.length} models could not be estimated from these counts (see the table).`);
  const totalModels = listPairs(k).length;
  if (maxTerms < totalModels) {
    warnings.push(`With ${k} lists only models with at most ${maxTerms} pairwise term${maxTerms === 1 ? '' : 's'} were fitted.`);
  }
  return {
    lists: [...table.lists],
    n,
    models: rows,
    aicPick: aicPick?.name ?? null,
    bicPick: bicPick?.name ?? null,
    aicPickUnsaturated: aicU?.name ?? null,
    bicPickUnsaturated: bicU?.name ?? null,
    average,
    maxTerms: Math.min(maxTerms, totalModels),
    warnings,
  };
}
