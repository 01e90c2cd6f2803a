// Two-list capture–recapture: Lincoln–Petersen and Chapman estimates with Seber's variances, Wald and
// log-transformed (Chao 1987) 95% intervals. Pure.
import { Z95 } from './numeric.js';

/** A point estimate with its standard error and two 95% intervals; null where undefined. */
export interface TwoListEstimate {
  N: number | null;
  se: number | null;
  /** N̂ ± 1.96·SE: symmetric, may fall below the number seen; a diagnostic only. */
  wald: { lower: number; upper: number } | null;
  /** Chao's log-transformed interval on the unseen count: never below the number seen. */
  logInterval: { lower: number; upper: number } | null;
}

export interface TwoListResult {
  n1: number;
  n2: number;
  /** People on both lists. */
  m: number;
  /** Distinct people on either list: n1 + n2 − m. */
  seen: number;
  lincolnPetersen: TwoListEstimate;
  chapman: TwoListEstimate;
}

/**
 * Chao's (1987) log-transformed 95% interval for a total: f̂0 = N̂ − seen, C = exp(1.96·√ln(1 + Var/f̂0²)),
 * interval [seen + f̂0/C, seen + f̂0·C]. With f̂0 = 0 the interval collapses to `seen`.
 * @example logTransformInterval(333.6, 28.7 ** 2, 208) // ≈ { lower: 288.7, upper: 403.4 }
 */
export function logTransformInterval(N: number, variance: number, seen: number): { lower: number; upper: number } | null {
  if (!Number.isFinite(N) || !Number.isFinite(variance) || variance < 0) return null;
  const f0 = N - seen;
  if (f0 <= 0) return { lower: seen, upper: seen };
  const c = Math.exp(Z95 * Math.sqrt(Math.log(1 + variance / (f0 * f0))));
  return { lower: seen + f0 / c, upper: seen + f0 * c };
}

function makeEstimate(N: number | null, variance: number | null, seen: number): TwoListEstimate {
  if (N === null || variance === null || !Number.isFinite(N) || !Number.isFinite(variance)) {
    return { N: null, se: null, wald: null, logInterval: null };
  }
  const se = Math.sqrt(Math.max(variance, 0));
  return {
    N,
    se,
    wald: { lower: N - Z95 * se, upper: N + Z95 * se },
    logInterval: logTransformInterval(N, Math.max(variance, 0), seen),
  };
}

/**
 * Lincoln–Petersen (n1·n2/m) and Chapman ((n1+1)(n2+1)/(m+1) − 1) estimates for two lists of sizes n1, n2
 * sharing m people, with Seber's (1982) variances. Lincoln–Petersen is undefined when m = 0.
 * @example estimateTwoLists(135, 122, 49).chapman.N // ≈ 333.6 (hepatitis A, lists P and Q)
 */
export function estimateTwoLists(n1: number, n2: number, m: number): TwoListResult {
  if (m < 0 || m > Math.min(n1, n2)) throw new RangeError(`overlap ${m} impossible for lists of ${n1} and ${n2}`);
  const seen = n1 + n2 - m;
  const lp =
    m > 0
      ? makeEstimate((n1 * n2) / m, (n1 * n2 * (n1 - m) * (n2 - m)) / (m * m * m), seen)
      : makeEstimate(null, null, seen);
  const chapmanN = ((n1 + 1) * (n2 + 1)) / (m + 1) - 1;
  const chapmanVar = ((n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m)) / ((m + 1) * (m + 1) * (m + 2));
  return { n1, n2, m, seen, lincolnPetersen: lp, chapman: makeEstimate(chapmanN, chapmanVar, seen) };
}
