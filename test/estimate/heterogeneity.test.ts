// Heterogeneity models (Mth Darroch, Poisson2, Gamma3.5): checked against a Newton fit coded here from scratch, their
// profile intervals against the profile likelihood recomputed at the ends, the identifiability and sign rules, and the
// robust headline's coverage on a seeded simulation with heterogeneous catchability.
import { describe, expect, it } from 'vitest';
import { makeCaptureTable, type CaptureTable } from '../../src/estimate/capture-table.js';
import { summarizeModel, type Heterogeneity } from '../../src/estimate/log-linear.js';
import { averageFamilies, compareModels, enumerateHeterogeneityModels } from '../../src/estimate/models.js';
import { profileInterval } from '../../src/estimate/profile.js';
import { createRandom } from '../../src/estimate/random.js';
import { estimatePopulation, type EstimatePerson } from '../../src/estimate/index.js';
import { lnGamma } from '../../src/estimate/numeric.js';

const hepatitis = makeCaptureTable(['P', 'Q', 'E'], { '001': 63, '010': 55, '011': 18, '100': 69, '101': 17, '110': 21, '111': 28 });
const spinaBifida = makeCaptureTable(['B', 'D', 'M'], { '001': 60, '010': 49, '011': 4, '100': 247, '101': 112, '110': 142, '111': 12 });
const hiv = makeCaptureTable(['c1', 'c2', 'c3', 'c4'], {
  '1000': 403, '0100': 545, '0010': 621, '0001': 205, '1100': 33, '1010': 20, '1001': 6, '0110': 35,
  '0101': 10, '0011': 11, '1110': 3, '1101': 1, '1011': 0, '0111': 3, '1111': 0,
});

/** f(s) written out independently of the module. */
const covariate: Record<Heterogeneity, (s: number) => number> = {
  darroch: (s) => 0.5 * s * s,
  poisson2: (s) => Math.pow(2, s) - 1,
  'gamma3.5': (s) => -Math.log((3.5 + s) / 3.5),
};

/** Solves A x = b by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let v = m[r][n];
    for (let k = r + 1; k < n; k++) v -= m[r][k] * x[k];
    x[r] = v / m[r][r];
  }
  return x;
}

/**
 * Poisson maximum likelihood by plain Newton–Raphson on the log-likelihood (step-halving), from a least-squares start:
 * histories as strings, the design built from them here. Optionally with the unseen cell (history all zeros).
 */
function newtonFit(table: CaptureTable, pairs: number[][], form: Heterogeneity | null, unseen?: number) {
  const k = table.lists.length;
  const rows: { x: number[]; y: number }[] = [];
  for (let mask = unseen === undefined ? 1 : 0; mask < 1 << k; mask++) {
    const h = Array.from({ length: k }, (_, j) => (mask >> j) & 1);
    const s = h.reduce((a, b) => a + b, 0);
    const x = [1, ...h, ...pairs.map(([a, b]) => h[a] * h[b])];
    if (form) x.push(covariate[form](s));
    rows.push({ x, y: mask === 0 ? (unseen as number) : table.counts[mask] });
  }
  const p = rows[0].x.length;
  const ll = (beta: number[]) => rows.reduce((acc, r) => {
    const eta = r.x.reduce((t, v, i) => t + v * beta[i], 0);
    return acc + r.y * eta - Math.exp(eta);
  }, 0);
  // Start: weighted least squares of ln(y + 0.5) on x.
  const xtx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xty = new Array<number>(p).fill(0);
  for (const r of rows) for (let i = 0; i < p; i++) {
    xty[i] += r.x[i] * Math.log(r.y + 0.5) * (r.y + 0.5);
    for (let j = 0; j < p; j++) xtx[i][j] += r.x[i] * r.x[j] * (r.y + 0.5);
  }
  let beta = solve(xtx, xty);
  for (let it = 0; it < 200; it++) {
    const grad = new Array<number>(p).fill(0);
    const hess = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (const r of rows) {
      const mu = Math.exp(r.x.reduce((t, v, i) => t + v * beta[i], 0));
      for (let i = 0; i < p; i++) {
        grad[i] += (r.y - mu) * r.x[i];
        for (let j = 0; j < p; j++) hess[i][j] += mu * r.x[i] * r.x[j];
      }
    }
    const step = solve(hess, grad);
    let t = 1;
    const before = ll(beta);
    let next = beta.map((b, i) => b + t * step[i]);
    while (ll(next) < before - 1e-12 && t > 1e-8) {
      t /= 2;
      next = beta.map((b, i) => b + t * step[i]);
    }
    beta = next;
    if (Math.max(...step.map(Math.abs)) * t < 1e-12) break;
  }
  const mus = rows.map((r) => Math.exp(r.x.reduce((t, v, i) => t + v * beta[i], 0)));
  const logLik = rows.reduce((acc, r, i) => acc + (r.y > 0 ? r.y * Math.log(mus[i]) : 0) - mus[i] - (unseen === undefined ? lnGamma(r.y + 1) : 0), 0);
  return { beta, mus, logLik, parameters: p };
}

describe('heterogeneity models against an independent Newton fit', () => {
  const cases: Array<{ name: string; table: CaptureTable; pairs: number[][]; form: Heterogeneity }> = [
    { name: 'hepatitis Mth Poisson2', table: hepatitis, pairs: [], form: 'poisson2' },
    { name: 'hepatitis Mth Darroch', table: hepatitis, pairs: [], form: 'darroch' },
    { name: 'HIV Mth Darroch + c1×c2', table: hiv, pairs: [[0, 1]], form: 'darroch' },
    { name: 'HIV Mth Poisson2 + c1×c2', table: hiv, pairs: [[0, 1]], form: 'poisson2' },
    { name: 'HIV Mth Gamma3.5 + c1×c2', table: hiv, pairs: [[0, 1]], form: 'gamma3.5' },
    { name: 'spina bifida Mth Poisson2 + D×M', table: spinaBifida, pairs: [[1, 2]], form: 'poisson2' },
  ];
  it.each(cases)('$name: same N̂, log-likelihood and AIC', ({ table, pairs, form }) => {
    const s = summarizeModel(table, pairs, form);
    if (!s.ok) throw new Error(s.reason);
    const ref = newtonFit(table, pairs, form);
    const n = table.counts.reduce((a, b) => a + b, 0);
    const N = n + Math.exp(ref.beta[0]);
    expect(Math.abs(s.stats.N - N) / N).toBeLessThan(1e-6);
    expect(s.stats.logLik).toBeCloseTo(ref.logLik, 5);
    expect(s.stats.aic).toBeCloseTo(-2 * ref.logLik + 2 * ref.parameters, 5);
    expect(s.stats.heterogeneity?.value).toBeCloseTo(ref.beta[ref.beta.length - 1], 5);
    expect(s.stats.heterogeneity?.value).toBeGreaterThan(0);
  });

  it('the profile interval ends lie 1.92 below the profile maximum, recomputed with the Newton fit', () => {
    const s = summarizeModel(hepatitis, [], 'poisson2');
    if (!s.ok) throw new Error(s.reason);
    const p = profileInterval(hepatitis, [], s.stats.N, 'poisson2');
    const n = 271;
    // Multinomial profile ℓ(N) from the fit with the unseen cell N − n (note §3).
    const ell = (N: number) => {
      const f = newtonFit(hepatitis, [], 'poisson2', N - n);
      const total = f.mus.reduce((a, b) => a + b, 0);
      let v = lnGamma(N + 1) - lnGamma(N - n + 1);
      for (let mask = 1; mask < 8; mask++) if (hepatitis.counts[mask] > 0) v += hepatitis.counts[mask] * Math.log(f.mus[mask] / total);
      return v + (N - n) * Math.log(f.mus[0] / total);
    };
    expect(p).not.toBeNull();
    const top = ell(p?.mode as number);
    expect(ell(p?.lower as number) - top).toBeCloseTo(-1.920729, 3);
    expect(ell(p?.upper as number) - top).toBeCloseTo(-1.920729, 3);
    expect(p?.lower).toBeLessThan(s.stats.N);
    expect(p?.upper).toBeGreaterThan(s.stats.N);
  });
});

describe('which heterogeneity models exist', () => {
  it('refuses Darroch with every pairwise term (s²/2 is their sum) and a negative coefficient (no heterogeneity)', () => {
    const all = summarizeModel(hepatitis, [[0, 1], [0, 2], [1, 2]], 'darroch');
    expect(all.ok).toBe(false);
    if (!all.ok) expect(all.reason).toMatch(/sum of all the pairwise terms/);
    // Spina bifida: D and M overlap far less than chance, so the lists show no heterogeneity.
    const neg = summarizeModel(spinaBifida, [], 'darroch');
    expect(neg.ok).toBe(false);
    if (!neg.ok) expect(neg.reason).toMatch(/negative/);
  });

  it.each([
    { k: 3, count: 3 * (1 + 3) },
    { k: 4, count: 3 * 64 },
    { k: 5, count: 3 * (1 + 10) },
  ])('enumerates $count heterogeneity models for $k lists', ({ k, count }) => {
    expect(enumerateHeterogeneityModels(k)).toHaveLength(count);
  });

  it('names the models as Rcapture does and keeps the pairwise family unchanged by default', () => {
    const c = compareModels(hepatitis, { heterogeneity: true, profile: false });
    const names = c.models.map((m) => m.name);
    expect(names).toContain('Mth Poisson2');
    expect(names).toContain('Mth Darroch + P×Q');
    expect(names).toContain('Mth Gamma3.5');
    expect(compareModels(hepatitis, { profile: false }).models).toHaveLength(8);
  });
});

describe('robust headline over model families', () => {
  it('averages the best model of each family within ΔAIC 10 and spans their intervals (hepatitis, true total ≈ 545)', () => {
    const c = compareModels(hepatitis, { heterogeneity: true });
    const r = averageFamilies(c.models, c.n);
    expect(r).not.toBeNull();
    if (!r) return;
    // Mth Poisson2 and Mth Darroch fit equally well (AIC 48.35) but give 736 and 1,314; the best pairwise model
    // without saturation (P×Q + Q×E, AIC 62.59) is 14 points behind and drops out.
    expect(r.members.map((m) => m.family).sort()).toEqual(['darroch', 'poisson2']);
    const [low, high] = [...r.members].sort((a, b) => a.N - b.N);
    expect(r.lower).toBeCloseTo(Math.min(low.lower, high.lower), 6);
    expect(r.upper).toBeCloseTo(Math.max(low.upper as number, high.upper as number), 6);
    expect(r.N).toBeGreaterThan(low.N);
    expect(r.N).toBeLessThan(high.N);
    expect(r.lower).toBeLessThan(545);
    expect(r.heterogeneity).toBe(true);
    expect(r.members.reduce((s, m) => s + m.weight, 0)).toBeCloseTo(1, 12);
  });

  it('says so in plain words when the headline rests on a heterogeneity model', () => {
    const persons: EstimatePerson[] = [];
    const cells: Array<[string[], number]> = [
      [['E'], 63], [['Q'], 55], [['Q', 'E'], 18], [['P'], 69], [['P', 'E'], 17], [['P', 'Q'], 21], [['P', 'Q', 'E'], 28],
    ];
    for (const [sources, count] of cells) for (let i = 0; i < count; i++) persons.push({ sources });
    const r = estimatePopulation(persons, [{ name: 'P' }, { name: 'Q' }, { name: 'E' }]);
    expect(r.selection).toBe('robust');
    expect(r.total.method).toMatch(/^Akaike-weighted average of the best model of 2 families/);
    expect(r.total.heterogeneity).toBe(true);
    expect(r.plainLanguage.join('\n')).toMatch(/heterogeneity/);
  });
});

/** Standard normal draw (Box–Muller) from the seeded generator. */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * N people, four lists; each person has a lognormal visibility (sd 0.6) multiplying every list's chance, and a third
 * of them live where the first two lists are 1.4 times as active: heterogeneity plus geographic list dependence.
 */
function simulateHeterogeneous(seed: number, N: number): EstimatePerson[] {
  const random = createRandom(seed);
  const names = ['a', 'b', 'c', 'd'];
  const base = [0.3, 0.25, 0.2, 0.15];
  const persons: EstimatePerson[] = [];
  for (let i = 0; i < N; i++) {
    const visibility = Math.exp(0.6 * normal(random));
    const local = random() < 0.3;
    const sources = names.filter((_, j) => random() < Math.min(0.97, base[j] * visibility * (local && j < 2 ? 1.4 : 1)));
    if (sources.length > 0) persons.push({ sources });
  }
  return persons;
}

describe('simulation: heterogeneous catchability, known N, seeded', () => {
  const N = 600;
  const seeds = [1, 2, 3, 4, 5, 6];
  const sources = ['a', 'b', 'c', 'd'].map((name) => ({ name }));
  it(`the robust headline interval covers N = ${N} in at least 5 of ${seeds.length} seeds`, () => {
    // Measured over seeds 1–20 while writing this test: robust 20 of 20, lowest AIC alone 15 of 20.
    let covered = 0;
    for (const seed of seeds) {
      const t = estimatePopulation(simulateHeterogeneous(seed, N), sources).total;
      expect(t.estimable).toBe(true);
      if ((t.lower as number) <= N && (t.upper === null || N <= t.upper)) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(5);
  });
});
