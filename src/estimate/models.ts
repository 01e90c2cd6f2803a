// Model enumeration and comparison for k ≥ 2 lists: fits independence and pairwise-interaction models, and on request
// heterogeneity models (Mth, with or without pairwise terms), ranks them by AIC, reports the AIC and BIC picks and an
// Akaike-weighted average. Pure; rows sorted by AIC, then name.
import { compareStrings } from '../core/compare.js';
import type { CaptureTable } from './capture-table.js';
import { countObserved } from './capture-table.js';
import type { Heterogeneity, Term } from './log-linear.js';
import { HETEROGENEITY_FORMS, summarizeModel } from './log-linear.js';
import { profileInterval } from './profile.js';
import { logTransformInterval } from './two-list.js';
import { Z95 } from './numeric.js';

export interface ModelRow {
  /**
   * `independence`, or the interaction terms joined with ` + `, each as `a×b`; heterogeneity models start with
   * `Mth Darroch`, `Mth Poisson2` or `Mth Gamma3.5` (Rcapture's names), e.g. `Mth Poisson2 + a×b`.
   */
  name: string;
  /** Interaction terms as list names. */
  terms: string[][];
  /** The same terms as list indices of the table. */
  termIndices: Term[];
  /** The heterogeneity covariate of the model, or null (pairwise log-linear model). */
  heterogeneity: Heterogeneity | null;
  /** Its coefficient (> 0: people differ in catchability) with its standard error. */
  heterogeneityCoefficient: { value: number; se: number } | null;
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
  /** The robust headline over model families (see `averageFamilies`); null when no family has a fitted model. */
  robust: FamilyAverage | null;
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

const HETEROGENEITY_NAMES: Record<Heterogeneity, string> = { darroch: 'Mth Darroch', poisson2: 'Mth Poisson2', 'gamma3.5': 'Mth Gamma3.5' };

/**
 * Model name from list names, e.g. [[0,1],[1,2]] over [P,Q,E] → `P×Q + Q×E`; with heterogeneity `poisson2` and [[0,1]]
 * → `Mth Poisson2 + P×Q`.
 */
export function nameModel(lists: readonly string[], terms: readonly Term[], heterogeneity: Heterogeneity | null = null): string {
  const pairs = terms.map((t) => t.map((j) => lists[j]).join('×'));
  if (heterogeneity !== null) return [HETEROGENEITY_NAMES[heterogeneity], ...pairs].join(' + ');
  if (terms.length === 0) return 'independence';
  return pairs.join(' + ');
}

/** Pairwise-term limit of heterogeneity models: as many as the pairwise family up to 4 lists, 1 term beyond. */
export function defaultHeterogeneityMaxTerms(k: number): number {
  return k <= 4 ? defaultMaxTerms(k) : 1;
}

/** A model of the comparison: its pairwise terms and its heterogeneity covariate (null for none). */
export interface ModelSpec {
  terms: Term[];
  heterogeneity: Heterogeneity | null;
}

/**
 * The heterogeneity models to compare for k ≥ 3 lists: each of the three covariates with every subset of pairwise
 * terms of at most `maxTerms` terms, as long as there are fewer parameters than observed cells.
 * @example enumerateHeterogeneityModels(3).length // 9: each covariate alone, and with each single pair
 */
export function enumerateHeterogeneityModels(k: number, maxTerms = defaultHeterogeneityMaxTerms(k)): ModelSpec[] {
  if (k < 3) return [];
  const cells = (1 << k) - 1;
  const out: ModelSpec[] = [];
  for (const form of HETEROGENEITY_FORMS) {
    for (const terms of enumerateModels(k, maxTerms)) if (2 + k + terms.length < cells) out.push({ terms, heterogeneity: form });
  }
  return out;
}

export interface CompareOptions {
  /** Largest number of pairwise terms per model (default: defaultMaxTerms(k)). */
  maxTerms?: number;
  /**
   * Compute profile-likelihood intervals (default true) for every model; `headline`: only for the models a headline
   * can rest on (independence, the AIC and BIC picks with and without saturated models, the best model of each
   * family), which leaves every headline unchanged at a fraction of the cost.
   */
  profile?: boolean | 'headline';
  /** Also fit the heterogeneity models (Mth Darroch, Poisson2, Gamma3.5, alone and with pairwise terms); default false. */
  heterogeneity?: boolean;
}

/**
 * Fits and compares the log-linear models of a capture table.
 * @example compareModels(hepatitisTable).aicPick // 'P×Q + P×E + Q×E' (the saturated model, E2)
 */
export function compareModels(table: CaptureTable, options: CompareOptions = {}): ModelComparison {
  const k = table.lists.length;
  const n = countObserved(table);
  const maxTerms = options.maxTerms ?? defaultMaxTerms(k);
  const profileMode = options.profile ?? true;
  const rows: ModelRow[] = [];
  const specs: ModelSpec[] = enumerateModels(k, maxTerms).map((terms) => ({ terms, heterogeneity: null }));
  if (options.heterogeneity) specs.push(...enumerateHeterogeneityModels(k));
  for (const { terms, heterogeneity } of specs) {
    const name = nameModel(table.lists, terms, heterogeneity);
    const termNames = terms.map((t) => t.map((j) => table.lists[j]));
    const parameters = 1 + k + terms.length + (heterogeneity === null ? 0 : 1);
    const df = (1 << k) - 1 - parameters;
    const summary = summarizeModel(table, terms, heterogeneity);
    const s = summary.ok ? summary.stats : null;
    // One literal, written field by field: spreading a shared part into it took as long as fitting the model
    // (thousands of rows per report, with the sampled clusterings). `reason` is left undefined for a fitted model.
    rows.push({
      name,
      terms: termNames,
      termIndices: terms,
      heterogeneity,
      parameters,
      df,
      saturated: df === 0,
      heterogeneityCoefficient: s?.heterogeneity ? { value: s.heterogeneity.value, se: s.heterogeneity.se } : null,
      estimable: s !== null,
      reason: summary.ok ? undefined : summary.reason,
      N: s ? s.N : null,
      se: s ? s.se : null,
      unseen: s ? s.unseen : null,
      deviance: s ? s.deviance : null,
      logLik: s ? s.logLik : null,
      aic: s ? s.aic : null,
      bic: s ? s.bic : null,
      deltaAic: null,
      weight: null,
      profile: s && profileMode === true ? profileInterval(table, terms, s.N, heterogeneity) : null,
      wald: s ? { lower: s.N - Z95 * s.se, upper: s.N + Z95 * s.se } : null,
      logInterval: s ? logTransformInterval(s.N, s.se * s.se, n) : null,
      interactions: s ? s.interactions.map((it) => ({ lists: it.term.map((j) => table.lists[j]), value: it.value, se: it.se })) : [],
    });
  }

  const fitted = rows.filter((r) => r.estimable);
  if (profileMode === 'headline') {
    for (const r of headlineCandidates(fitted)) r.profile = profileInterval(table, r.termIndices, r.N as number, r.heterogeneity);
  }
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
    robust: k >= 3 ? averageFamilies(rows, n) : null,
    warnings,
  };
}

/** The fitted rows any headline rule may pick: independence, the AIC/BIC picks (any, unsaturated), each family's best. */
function headlineCandidates(fitted: readonly ModelRow[]): Set<ModelRow> {
  const out = new Set<ModelRow>();
  const better = (key: 'aic' | 'bic', a: ModelRow, b: ModelRow | undefined) =>
    b === undefined || (a[key] as number) < (b[key] as number) || (a[key] === b[key] && compareStrings(a.name, b.name) < 0);
  const picks = new Map<string, ModelRow>();
  for (const r of fitted) {
    if (r.name === 'independence') out.add(r);
    const slots = ['aic', 'bic', ...(r.saturated ? [] : ['aic-u', 'bic-u']), ...(r.saturated || !HEADLINE_FAMILIES.includes(familyOf(r)) ? [] : [`family-${familyOf(r)}`])];
    for (const slot of slots) {
      const key = slot.startsWith('bic') ? 'bic' : 'aic';
      if (better(key, r, picks.get(slot))) picks.set(slot, r);
    }
  }
  for (const r of picks.values()) out.add(r);
  return out;
}

/** Model family of a row: `pairwise` log-linear, or its heterogeneity covariate. */
export type ModelFamily = 'pairwise' | Heterogeneity;

export const familyOf = (r: Pick<ModelRow, 'heterogeneity'>): ModelFamily => r.heterogeneity ?? 'pairwise';

/**
 * Families that may enter the robust headline. Gamma3.5 stays in the table but out of the headline: its covariate
 * flattens with s, so its coefficient often runs off to the boundary (E2, E3 of the estimation note: no estimate),
 * and where it fits it extrapolates the unseen count furthest of all (E4 Kosovo: 21,300 against the published
 * stratified 9,000–12,100; on synthetic scenarios 15–25% above the truth).
 */
export const HEADLINE_FAMILIES: readonly ModelFamily[] = ['pairwise', 'darroch', 'poisson2'];

/** ΔAIC beyond which a family has essentially no support (Burnham & Anderson 2002, §2.6). */
export const FAMILY_MARGIN = 10;

export interface FamilyAverage {
  N: number;
  /** Larger of Buckland et al.'s (1997) model-averaged SE and the SE the interval's width implies. */
  se: number;
  lower: number;
  /** null: some member's interval is unbounded above. */
  upper: number | null;
  margin: number;
  /** The best (lowest-AIC, not saturated) model of each family within the margin, best first. */
  members: {
    name: string;
    family: ModelFamily;
    N: number;
    lower: number;
    upper: number | null;
    aic: number;
    deltaAic: number;
    weight: number;
  }[];
  /** True when a heterogeneity model carries the largest weight. */
  heterogeneity: boolean;
}

/**
 * The robust headline. Heterogeneous catchability makes N non-identifiable (Link 2003, Biometrics 59:1123): models
 * with different heterogeneity forms can fit the observed histories about equally well and still disagree on the
 * unseen count, so picking the single lowest-AIC model gives an interval that is far too narrow. Instead: take the
 * lowest-AIC non-saturated model of each family (pairwise log-linear, Mth Darroch, Mth Poisson2, each with pairwise
 * terms as chosen by AIC), keep those within `margin` AIC of the best of them, report their Akaike-weighted average,
 * and an interval from the lowest lower to the highest upper end of their 95% profile intervals (log-transformed when
 * there is no profile), so that it covers every family the data cannot rule out.
 * @example averageFamilies(compareModels(table, { heterogeneity: true }).models, n) // { N, lower, upper, members }
 */
export function averageFamilies(rows: readonly ModelRow[], n: number, margin = FAMILY_MARGIN): FamilyAverage | null {
  const best = new Map<ModelFamily, ModelRow>();
  for (const r of rows) {
    if (!r.estimable || r.saturated || r.N === null || r.aic === null || r.se === null) continue;
    const f = familyOf(r);
    if (!HEADLINE_FAMILIES.includes(f)) continue;
    const current = best.get(f);
    if (!current || (r.aic as number) < (current.aic as number) || (r.aic === current.aic && compareStrings(r.name, current.name) < 0)) best.set(f, r);
  }
  const reps = [...best.values()].sort((a, b) => (a.aic as number) - (b.aic as number) || compareStrings(a.name, b.name));
  if (reps.length === 0) return null;
  const minAic = reps[0].aic as number;
  const kept = reps.filter((r) => (r.aic as number) - minAic <= margin);
  const raw = kept.map((r) => Math.exp(-((r.aic as number) - minAic) / 2));
  const sum = raw.reduce((a, b) => a + b, 0);
  const members = kept.map((r, i) => {
    const interval = r.profile ?? r.logInterval ?? { lower: r.N as number, upper: null };
    return {
      name: r.name,
      family: familyOf(r),
      N: r.N as number,
      lower: interval.lower,
      upper: interval.upper,
      aic: r.aic as number,
      deltaAic: (r.aic as number) - minAic,
      weight: raw[i] / sum,
      se: r.se as number,
    };
  });
  const N = members.reduce((s, m) => s + m.weight * m.N, 0);
  const lower = Math.min(...members.map((m) => m.lower));
  const upper = members.some((m) => m.upper === null) ? null : Math.max(...members.map((m) => m.upper as number));
  const buckland = members.reduce((s, m) => s + m.weight * Math.sqrt(m.se * m.se + (m.N - N) ** 2), 0);
  const se = upper === null ? buckland : Math.max(buckland, (upper - lower) / (2 * Z95));
  const heaviest = members.reduce((a, b) => (b.weight > a.weight ? b : a));
  return {
    N,
    se,
    lower: Math.max(lower, n),
    upper,
    margin,
    members: members.map(({ se: _se, ...m }) => m),
    heterogeneity: heaviest.family !== 'pairwise',
  };
}
