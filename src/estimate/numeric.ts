// Small numerical helpers for the estimators: log-gamma, dense symmetric solves, Brent root-finding and
// golden-section maximisation. Pure and deterministic; no dependencies.

const HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln Γ(x) for x > 0: Stirling's series above 10, shifted by the recurrence below it (absolute error < 1e-13).
 * @example lnGamma(5) // ≈ ln 24 = 3.1780538
 */
export function lnGamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Infinity : NaN;
  let shift = 0;
  let z = x;
  while (z < 10) {
    shift += Math.log(z);
    z += 1;
  }
  const z2 = z * z;
  const series = 1 / (12 * z) - 1 / (360 * z * z2) + 1 / (1260 * z * z2 * z2) - 1 / (1680 * z * z2 * z2 * z2);
  return (z - 0.5) * Math.log(z) - z + HALF_LN_2PI + series - shift;
}

/**
 * Cholesky factor L (lower triangular, A = L·Lᵀ) of a symmetric n × n matrix, or null when A is not numerically
 * positive definite (a pivot below `tolerance` times the largest diagonal entry). Matrices are flat, row by row
 * (entry i, j at i·n + j): the estimators factor thousands of small matrices, and one typed array each is much
 * cheaper than an array of rows. The strict upper triangle of a new L is 0. `out`, when given, receives L instead
 * of a new array: its strict upper triangle is then left as it was (nothing here reads it; the rest is written before
 * it is read).
 * @example choleskyFactor(Float64Array.of(4, 2, 2, 5), 2) // Float64Array [2, 0, 1, 2]
 */
export function choleskyFactor(a: Float64Array, n: number, tolerance = 1e-12, out?: Float64Array): Float64Array | null {
  const l = out ?? new Float64Array(n * n);
  let maxDiag = 0;
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, Math.abs(a[i * n + i]));
  if (!(maxDiag > 0) || !Number.isFinite(maxDiag)) return null;
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = a[rj + j];
    for (let k = 0; k < j; k++) d -= l[rj + k] * l[rj + k];
    if (!(d > tolerance * maxDiag)) return null;
    const ljj = Math.sqrt(d);
    l[rj + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = a[ri + j];
      for (let k = 0; k < j; k++) s -= l[ri + k] * l[rj + k];
      l[ri + j] = s / ljj;
    }
  }
  return l;
}

/** Solves L·Lᵀ·x = b given the flat n × n Cholesky factor L (see choleskyFactor). */
export function solveCholesky(l: Float64Array, n: number, b: ArrayLike<number>): number[] {
  const y = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * y[k];
    y[i] = s / l[i * n + i];
  }
  const x = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}

/** Inverse of a symmetric positive definite matrix from its flat n × n Cholesky factor, as rows. */
export function invertCholesky(l: Float64Array, n: number): number[][] {
  const inv: number[][] = [];
  for (let j = 0; j < n; j++) {
    const e = new Array<number>(n).fill(0);
    e[j] = 1;
    inv.push(solveCholesky(l, n, e));
  }
  // Columns of the inverse were pushed as rows; the matrix is symmetric, so this is the inverse.
  return inv;
}

/**
 * Brent's root-finding method (Brent 1973, "zeroin") on [a, b], where f(a) and f(b) have opposite signs.
 * Returns null when the bracket does not change sign.
 * @example findRootBrent((x) => x * x - 2, 0, 2) // ≈ 1.4142136
 */
export function findRootBrent(f: (x: number) => number, a: number, b: number, tolerance = 1e-9, maxIterations = 200): number | null {
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (fa * fb > 0 || !Number.isFinite(fa) || !Number.isFinite(fb)) return null;
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iter = 0; iter < maxIterations; iter++) {
    if (fb * fc > 0) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tolerance;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Inverse quadratic interpolation (or secant when only two points are distinct).
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qq = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return b;
}

/**
 * Golden-section search for the maximum of a unimodal f on [a, b].
 * @example maximizeGolden((x) => -(x - 1) ** 2, -3, 4) // ≈ { x: 1, value: 0 }
 */
export function maximizeGolden(f: (x: number) => number, a: number, b: number, tolerance = 1e-9): { x: number; value: number } {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let x1 = b - ratio * (b - a);
  let x2 = a + ratio * (b - a);
  let f1 = f(x1);
  let f2 = f(x2);
  for (let iter = 0; iter < 300 && Math.abs(b - a) > tolerance * (1 + Math.abs(a) + Math.abs(b)); iter++) {
    if (f1 < f2) {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + ratio * (b - a);
      f2 = f(x2);
    } else {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - ratio * (b - a);
      f1 = f(x1);
    }
  }
  return f1 >= f2 ? { x: x1, value: f1 } : { x: x2, value: f2 };
}

/** Normal quantile used for 95% intervals. */
export const Z95 = 1.959963984540054;
/** Half the 95% quantile of χ² with one degree of freedom (3.841459 / 2): the profile-likelihood drop. */
export const CHI2_1_95_HALF = 1.920729410347062;

/**
 * Brent's method for the maximum of a unimodal f on [a, b] (Brent 1973, "localmin"): golden-section steps combined
 * with parabolic interpolation, so a smooth maximum is found in far fewer evaluations than by golden section alone.
 * @example maximizeBrent((x) => -(x - 1) ** 2, -3, 4) // ≈ { x: 1, value: 0 }
 */
export function maximizeBrent(f: (x: number) => number, a: number, b: number, tolerance = 1e-9, maxIterations = 200): { x: number; value: number } {
  const c = (3 - Math.sqrt(5)) / 2;
  const eps = Math.sqrt(Number.EPSILON);
  let x = a + c * (b - a);
  let w = x;
  let v = x;
  // Minimise −f.
  let fx = -f(x);
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  for (let iter = 0; iter < maxIterations; iter++) {
    const m = 0.5 * (a + b);
    const tol = eps * Math.abs(x) + tolerance / 3;
    const t2 = 2 * tol;
    if (Math.abs(x - m) <= t2 - 0.5 * (b - a)) break;
    let p = 0;
    let q = 0;
    let r = 0;
    if (Math.abs(e) > tol) {
      r = (x - w) * (fx - fv);
      q = (x - v) * (fx - fw);
      p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      else q = -q;
      r = e;
      e = d;
    }
    if (Math.abs(p) < Math.abs(0.5 * q * r) && p > q * (a - x) && p < q * (b - x)) {
      d = p / q;
      const u = x + d;
      if (u - a < t2 || b - u < t2) d = x < m ? tol : -tol;
    } else {
      e = (x < m ? b : a) - x;
      d = c * e;
    }
    const u = x + (Math.abs(d) >= tol ? d : d > 0 ? tol : -tol);
    const fu = -f(u);
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { x, value: -fx };
}
