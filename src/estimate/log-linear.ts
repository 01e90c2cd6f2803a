// Log-linear Poisson models for capture histories (Fienberg 1972; Cormack 1989), optionally with a heterogeneity
// covariate of the number of lists (Mth: Darroch et al. 1993; Rivest & Lévesque 2001): IRLS fit on the observed
// cells, N̂ = n + exp(intercept), its standard error, deviance, AIC/BIC and checks that the MLE exists. Pure.
import type { CaptureTable } from './capture-table.js';
import { countObserved, countOnAll } from './capture-table.js';
import { choleskyFactor, invertCholesky, lnGamma, solveCholesky } from './numeric.js';

/** An interaction term: the indices of its lists, ascending (length ≥ 2). Main effects are always in. */
export type Term = readonly number[];

export interface LogLinearFit {
  /** True when IRLS converged to a finite maximum: every β finite and moderate, every fitted count positive. */
  ok: boolean;
  /** Why the fit is not usable, in plain words (set when ok is false). */
  reason?: string;
  /** Coefficients: intercept, one per list, then one per interaction term in the given order. */
  beta: number[];
  /** Cov(β̂) = (XᵀWX)⁻¹ at convergence; empty when the information matrix is singular. */
  covariance: number[][];
  /** Fitted mean per cell mask (cell 0 only when it was included in the fit). */
  fitted: number[];
  deviance: number;
  iterations: number;
}

/**
 * Heterogeneity of catchability as in Rcapture's `closedp` (Baillargeon & Rivest 2007): log μ_h gains β·f(s), with
 * s = number of lists naming the person and f convex, so β > 0 means people differ in how visible they are (a person on
 * one list is more likely than chance to be on others). `darroch`: f = s²/2 (normal random effect, Darroch et al.
 * 1993); `poisson2`: f = 2^s − 1 (Rivest & Lévesque 2001); `gamma3.5`: f = −ln(1 + s/3.5). f(0) = 0 for all three, so
 * the unseen cell stays exp(intercept).
 */
export type Heterogeneity = 'darroch' | 'poisson2' | 'gamma3.5';

export const HETEROGENEITY_FORMS: readonly Heterogeneity[] = ['darroch', 'poisson2', 'gamma3.5'];

/**
 * The heterogeneity covariate f(s) for a person on s lists.
 * @example heterogeneityCovariate('darroch', 2) // 2; heterogeneityCovariate('poisson2', 3) // 7
 */
export function heterogeneityCovariate(form: Heterogeneity, s: number): number {
  if (form === 'darroch') return (s * s) / 2;
  if (form === 'poisson2') return 2 ** s - 1;
  return -Math.log(1 + s / 3.5);
}

/** Number of set bits (lists naming the person) of a cell mask. */
export function countLists(mask: number): number {
  let s = 0;
  for (let m = mask; m !== 0; m &= m - 1) s++;
  return s;
}

/** Design row of a cell: 1, the k list indicators, one product per interaction term, then f(s) when heterogeneous. */
export function designRow(mask: number, k: number, terms: readonly Term[], heterogeneity: Heterogeneity | null = null): number[] {
  const row = [1];
  for (let j = 0; j < k; j++) row.push((mask >> j) & 1);
  for (const t of terms) row.push(t.every((j) => (mask >> j) & 1) ? 1 : 0);
  if (heterogeneity !== null) row.push(heterogeneityCovariate(heterogeneity, countLists(mask)));
  return row;
}

/** Poisson deviance 2Σ[y ln(y/μ) − (y − μ)], with 0·ln 0 = 0. */
function poissonDeviance(y: Float64Array, mu: Float64Array): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) d += (y[i] > 0 ? y[i] * Math.log(y[i] / mu[i]) : 0) - (y[i] - mu[i]);
  return 2 * d;
}

// The fits run thousands of times per report (profile likelihoods, bootstrap, sensitivity), so their arrays are
// typed: arrays of small integers in some fits and of fractions in others kept sending V8's optimised code back to
// the interpreter (about 40 times over a 10,000-record run, and 2 s of its 9).

/** Design matrices by model (lists, terms, covariate, whether the unseen cell is in): fits repeat them many times. */
const designs = new Map<string, { masks: number[]; x: Float64Array[] }>();

function designOf(k: number, terms: readonly Term[], heterogeneity: Heterogeneity | null, withUnseen: boolean): { masks: number[]; x: Float64Array[] } {
  const key = `${k}|${terms.map((t) => t.join(',')).join(';')}|${heterogeneity ?? ''}|${withUnseen ? 1 : 0}`;
  let design = designs.get(key);
  if (design === undefined) {
    const masks: number[] = [];
    for (let mask = withUnseen ? 0 : 1; mask < 1 << k; mask++) masks.push(mask);
    design = { masks, x: masks.map((m) => Float64Array.from(designRow(m, k, terms, heterogeneity))) };
    if (designs.size > 4096) designs.clear();
    designs.set(key, design);
  }
  return design;
}

const MAX_ITERATIONS = 100;
const MAX_ABS_BETA = 30;
const MIN_FITTED = 1e-6;

// Scratch space of the fits, reused from fit to fit: a report runs thousands of small fits (11,611 at 10,011 records),
// and new typed arrays for each (memory outside V8's heap, for any but the smallest) cost more than the arithmetic.
// A fit runs to its end before the next starts, and none of these arrays outlives it (what it returns is copied).
let scratchBuffer = new Float64Array(0);
let scratchViews: { y: Float64Array; eta: Float64Array; mu: Float64Array; info: Float64Array; rhs: Float64Array; factor: Float64Array } | undefined;

/** Views of the scratch space for a fit of `cells` cells and `p` parameters (made larger when needed). */
function scratchFor(cells: number, p: number): NonNullable<typeof scratchViews> {
  if (scratchViews === undefined || scratchViews.y.length !== cells || scratchViews.rhs.length !== p) {
    const size = 3 * cells + 2 * p * p + p;
    if (scratchBuffer.length < size) scratchBuffer = new Float64Array(size);
    const at = (offset: number, length: number) => scratchBuffer.subarray(offset, offset + length);
    scratchViews = {
      y: at(0, cells),
      eta: at(cells, cells),
      mu: at(2 * cells, cells),
      info: at(3 * cells, p * p),
      factor: at(3 * cells + p * p, p * p),
      rhs: at(3 * cells + 2 * p * p, p),
    };
  }
  return scratchViews;
}

/** A fit that is not usable, and why. */
function failure(reason: string, beta: number[] = [], fitted: number[] = [], deviance = NaN, iterations = 0): LogLinearFit {
  return { ok: false, reason, beta, covariance: [], fitted, deviance, iterations };
}

/**
 * Fits log μ_h = λ + Σ λ_j h_j + Σ_terms λ_T Π_{j∈T} h_j by maximum likelihood (Poisson, IRLS = Newton for the
 * canonical link; start η = ln(y + 0.5); stop when |ΔD|/(|D| + 0.1) < 1e-10). Without `unseen` the fit uses the
 * 2^k − 1 observed cells; with `unseen` the cell 0 joins with that (possibly fractional) count, as the profile
 * likelihood needs. `heterogeneity` appends the covariate f(s) as the last column (coefficient last in β). `start`:
 * fitted means per cell mask of a nearby fit (e.g. the previous N of a profile) to start from instead of the data.
 * @example fitLogLinear(makeCaptureTable(['P','Q'], { '10': 86, '01': 73, '11': 49 }), []).beta[0] // ln(86·73/49)
 */
export function fitLogLinear(
  table: CaptureTable,
  terms: readonly Term[],
  unseen?: number,
  heterogeneity: Heterogeneity | null = null,
  start?: readonly number[],
): LogLinearFit {
  const k = table.lists.length;
  const { masks, x } = designOf(k, terms, heterogeneity, unseen !== undefined);
  const cells = masks.length;
  const p = x[0].length;
  if (p > cells) return failure(`the model has ${p} parameters but the table only ${cells} cells`);
  // Counts y, linear predictor η, means μ, the information matrix XᵀWX (flat: entry a, b at a·p + b), XᵀWz, and the
  // Cholesky factor, in the fits' shared scratch space.
  const { y, eta, mu, info, rhs, factor } = scratchFor(cells, p);
  for (let i = 0; i < cells; i++) {
    const m = masks[i];
    y[i] = m === 0 ? (unseen as number) : table.counts[m];
    eta[i] = start !== undefined && start[m] > 0 ? Math.log(start[m]) : Math.log(y[i] + 0.5);
    mu[i] = Math.exp(eta[i]);
  }
  let dev = poissonDeviance(y, mu);
  let beta = new Array<number>(p).fill(0);
  let converged = false;
  let iterations = 0;
  for (; iterations < MAX_ITERATIONS; ) {
    iterations++;
    // Normal equations (XᵀWX)β = XᵀWz with W = diag(μ), z = η + (y − μ)/μ.
    info.fill(0);
    rhs.fill(0);
    for (let i = 0; i < cells; i++) {
      const w = mu[i];
      const z = eta[i] + (y[i] - mu[i]) / mu[i];
      const xi = x[i];
      for (let a = 0; a < p; a++) {
        if (xi[a] === 0) continue;
        rhs[a] += w * xi[a] * z;
        const row = a * p;
        for (let b = 0; b <= a; b++) info[row + b] += w * xi[a] * xi[b];
      }
    }
    for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) info[a * p + b] = info[b * p + a];
    const chol = choleskyFactor(info, p, undefined, factor);
    if (!chol) return failure('the information matrix is singular: the model cannot be identified, or its maximum-likelihood estimate does not exist for these counts', beta, Array.from(mu), dev, iterations);
    beta = solveCholesky(chol, p, rhs);
    for (let i = 0; i < cells; i++) {
      const xi = x[i];
      let sum = 0;
      for (let a = 0; a < p; a++) sum += xi[a] * beta[a];
      eta[i] = sum;
      mu[i] = Math.exp(sum);
    }
    const newDev = poissonDeviance(y, mu);
    if (!Number.isFinite(newDev)) return failure('the fit diverged', beta, Array.from(mu), newDev, iterations);
    const change = Math.abs(newDev - dev) / (Math.abs(newDev) + 0.1);
    dev = newDev;
    if (change < 1e-10) {
      converged = true;
      break;
    }
  }
  // Information at the final coefficients.
  info.fill(0);
  for (let i = 0; i < cells; i++) {
    const xi = x[i];
    for (let a = 0; a < p; a++) {
      const row = a * p;
      for (let b = 0; b < p; b++) info[row + b] += mu[i] * xi[a] * xi[b];
    }
  }
  const fitted = new Array<number>(1 << k).fill(0);
  masks.forEach((m, i) => (fitted[m] = mu[i]));
  if (!converged) return failure(`the fit did not converge in ${MAX_ITERATIONS} iterations`, beta, fitted, dev, iterations);
  if (beta.some((b) => !Number.isFinite(b) || Math.abs(b) > MAX_ABS_BETA)) {
    return failure('a coefficient runs off to infinity: the maximum-likelihood estimate does not exist for these counts', beta, fitted, dev, iterations);
  }
  if (mu.some((v) => v < MIN_FITTED) || Math.exp(beta[0]) < MIN_FITTED) {
    return failure('a fitted count goes to zero: the maximum-likelihood estimate lies on the boundary (does not exist)', beta, fitted, dev, iterations);
  }
  const chol = choleskyFactor(info, p, undefined, factor);
  if (!chol) return failure('the information matrix is singular at the fit', beta, fitted, dev, iterations);
  return { ok: true, beta, covariance: invertCholesky(chol, p), fitted, deviance: dev, iterations };
}

/** The statistics of one fitted model that the comparison table shows. */
export interface ModelStatistics {
  /** Distinct people observed. */
  n: number;
  /** Estimated people on no list, exp(λ̂). */
  unseen: number;
  N: number;
  /** √(m̂0 + m̂0²·Var(λ̂)): Poisson variation of the unseen count plus estimation error. */
  se: number;
  deviance: number;
  /** Cells − parameters. */
  df: number;
  /** Parameters, intercept included. */
  parameters: number;
  logLik: number;
  aic: number;
  /** −2ℓ + p·ln n with n = distinct people (Rcapture's convention). */
  bic: number;
  /** Interaction coefficients with their standard errors, in term order. */
  interactions: { term: Term; value: number; se: number }[];
  /** The heterogeneity coefficient β of f(s) with its standard error; null for models without it. */
  heterogeneity: { form: Heterogeneity; value: number; se: number } | null;
}

/**
 * Checks that each interaction term has people on all of its lists; a zero margin makes the term's MLE −∞.
 * Returns the first offending term, or null.
 */
export function findEmptyMargin(table: CaptureTable, terms: readonly Term[]): Term | null {
  for (const t of terms) if (countOnAll(table, t) === 0) return t;
  return null;
}

/**
 * Why a heterogeneity model cannot be identified, or null: s²/2 = s/2 + Σ_{j<l} h_j·h_l, so Darroch's covariate is a
 * combination of the main effects and all pairwise terms and cannot be added to a model that has every pair.
 */
export function heterogeneityConfound(k: number, terms: readonly Term[], heterogeneity: Heterogeneity | null): string | null {
  if (heterogeneity !== 'darroch') return null;
  const pairs = new Set(terms.filter((t) => t.length === 2).map((t) => `${t[0]},${t[1]}`));
  return k >= 2 && pairs.size === (k * (k - 1)) / 2
    ? 'Darroch’s s²/2 term is a sum of all the pairwise terms already in the model, so it cannot be told apart from them'
    : null;
}

/**
 * Fits a model and derives N̂, SE, deviance, AIC and BIC; returns the failed fit's reason when the MLE does not exist.
 * A heterogeneity model whose coefficient comes out negative is refused, as Rcapture's `closedp.t(neg = TRUE)` sets
 * it to zero: the data then show no heterogeneity and the model is the one without the covariate.
 * @example summarizeModel(table, []) // independence model: { N, se, aic, bic, … }
 * @example summarizeModel(table, [], 'poisson2') // Mth Poisson2: list effects plus β·(2^s − 1)
 */
export function summarizeModel(
  table: CaptureTable,
  terms: readonly Term[],
  heterogeneity: Heterogeneity | null = null,
): { ok: true; stats: ModelStatistics; fit: LogLinearFit } | { ok: false; reason: string } {
  const k = table.lists.length;
  const empty = findEmptyMargin(table, terms);
  if (empty) {
    return { ok: false, reason: `no one is on all of ${empty.map((j) => table.lists[j]).join(', ')}, so that interaction cannot be estimated` };
  }
  const confound = heterogeneityConfound(k, terms, heterogeneity);
  if (confound) return { ok: false, reason: confound };
  const fit = fitLogLinear(table, terms, undefined, heterogeneity);
  if (!fit.ok) return { ok: false, reason: fit.reason ?? 'the fit failed' };
  const hIndex = 1 + k + terms.length;
  if (heterogeneity !== null && fit.beta[hIndex] < 0) {
    return { ok: false, reason: 'the heterogeneity coefficient is negative (no sign of heterogeneity): the model reduces to the one without it' };
  }
  const n = countObserved(table);
  const unseen = Math.exp(fit.beta[0]);
  const varIntercept = fit.covariance[0][0];
  let logLik = 0;
  for (let mask = 1; mask < 1 << k; mask++) {
    const yv = table.counts[mask];
    const mu = fit.fitted[mask];
    logLik += (yv > 0 ? yv * Math.log(mu) : 0) - mu - lnGamma(yv + 1);
  }
  const parameters = fit.beta.length;
  const interactions = terms.map((term, i) => ({
    term,
    value: fit.beta[1 + k + i],
    se: Math.sqrt(fit.covariance[1 + k + i][1 + k + i]),
  }));
  return {
    ok: true,
    fit,
    stats: {
      n,
      unseen,
      N: n + unseen,
      se: Math.sqrt(unseen + unseen * unseen * varIntercept),
      deviance: Math.max(fit.deviance, 0),
      df: (1 << k) - 1 - parameters,
      parameters,
      logLik,
      aic: -2 * logLik + 2 * parameters,
      bic: -2 * logLik + parameters * Math.log(n),
      interactions,
      heterogeneity:
        heterogeneity === null ? null : { form: heterogeneity, value: fit.beta[hIndex], se: Math.sqrt(fit.covariance[hIndex][hIndex]) },
    },
  };
}
