// Profile-likelihood 95% interval for N under a log-linear model (Cormack 1992; Rcapture closedpCI): the unseen
// cell joins the table with count N − n, the model is refitted, and the multinomial log-likelihood is profiled. Pure.
import type { CaptureTable } from './capture-table.js';
import { countObserved } from './capture-table.js';
import type { Heterogeneity, Term } from './log-linear.js';
import { fitLogLinear } from './log-linear.js';
import { CHI2_1_95_HALF, findRootBrent, lnGamma, maximizeBrent } from './numeric.js';

export interface ProfileInterval {
  /** N maximising the multinomial profile (slightly below the Poisson N̂). */
  mode: number;
  lower: number;
  /** null when ℓ(N) never falls 1.92 below its maximum: the interval is unbounded above. */
  upper: number | null;
}

/**
 * ℓ(N) = lnΓ(N + 1) − lnΓ(N − n + 1) + Σ_h y_h ln(μ̂_h/N) + (N − n) ln(μ̂_0/N), with μ̂ from the model refitted
 * to all 2^k cells, the unseen one holding N − n. NaN when the refit fails.
 */
export function profileLogLikelihood(table: CaptureTable, terms: readonly Term[], N: number, heterogeneity: Heterogeneity | null = null): number {
  return profileAt(table, terms, N, heterogeneity, undefined).value;
}

/** ℓ(N) with the refit started from `start` (fitted means of a nearby N) when given, and the refit's fitted means. */
function profileAt(
  table: CaptureTable,
  terms: readonly Term[],
  N: number,
  heterogeneity: Heterogeneity | null,
  start: readonly number[] | undefined,
): { value: number; fitted?: number[] } {
  const n = countObserved(table);
  const unseen = N - n;
  if (unseen < 0) return { value: NaN };
  let fit = fitLogLinear(table, terms, unseen, heterogeneity, start);
  // A warm start far from the new maximum can fail where the usual start from the data does not.
  if (start !== undefined && (!fit.ok || fit.fitted.length === 0)) fit = fitLogLinear(table, terms, unseen, heterogeneity);
  if (fit.fitted.length === 0 || !(fit.deviance >= 0 || fit.deviance < 0)) return { value: NaN };
  let total = 0;
  for (const mu of fit.fitted) total += mu;
  let value = lnGamma(N + 1) - lnGamma(unseen + 1);
  for (let mask = 1; mask < table.counts.length; mask++) {
    const yv = table.counts[mask];
    if (yv > 0) value += yv * Math.log(fit.fitted[mask] / total);
  }
  if (unseen > 0) value += unseen * Math.log(fit.fitted[0] / total);
  return { value, fitted: fit.fitted };
}

/** Largest unseen count searched for the upper end before calling the interval unbounded. */
const UNSEEN_CAP_FACTOR = 1e4;

/**
 * Profile-likelihood 95% interval for N: maximise ℓ(N) (Brent's method on ln(N − n)), then find the roots of
 * ℓ(N) = ℓmax − 1.9207 with Brent's method. `start` is the Poisson N̂ of the same model; `heterogeneity` adds the
 * covariate f(s) (the unseen cell has s = 0, f = 0).
 * @example profileInterval(hepatitisTable, [], 388.5) // ≈ { lower: 350.3, upper: 435.4 } (independence, E2)
 */
export function profileInterval(
  table: CaptureTable,
  terms: readonly Term[],
  start: number,
  heterogeneity: Heterogeneity | null = null,
): ProfileInterval | null {
  const n = countObserved(table);
  // Each refit starts from the previous one's fitted means: successive N are close, so IRLS needs fewer steps.
  let last: number[] | undefined;
  const f = (N: number) => {
    const r = profileAt(table, terms, N, heterogeneity, last);
    if (r.fitted) last = r.fitted;
    return r.value;
  };
  const g = (t: number) => {
    const v = f(n + Math.exp(t));
    return Number.isFinite(v) ? v : -Infinity;
  };
  // Bracket the maximum in t = ln(N − n), starting from the Poisson estimate.
  const t0 = Math.log(Math.max(start - n, 1e-3));
  let lo = t0 - 0.5;
  let hi = t0 + 0.5;
  const g0 = g(t0);
  if (!Number.isFinite(g0)) return null;
  for (let i = 0; i < 60 && g(lo) > g0; i++) lo -= 1;
  for (let i = 0; i < 60 && g(hi) > g0; i++) hi += 1;
  const best = maximizeBrent(g, lo, hi, 1e-7);
  const mode = n + Math.exp(best.x);
  const target = best.value - CHI2_1_95_HALF;
  const h = (N: number) => f(N) - target;

  let lower: number | null;
  if (h(n) >= 0) lower = n;
  else lower = findRootBrent(h, n, mode, 1e-8);

  let upper: number | null = null;
  const cap = n + UNSEEN_CAP_FACTOR * Math.max(n, mode - n);
  let a = mode;
  let b = n + 2 * (mode - n) + 1;
  while (b <= cap) {
    const hb = h(b);
    if (!Number.isFinite(hb)) break;
    if (hb < 0) {
      upper = findRootBrent(h, a, b, 1e-8);
      break;
    }
    a = b;
    b = n + 2 * (b - n);
  }
  if (lower === null) return null;
  return { mode, lower, upper };
}
