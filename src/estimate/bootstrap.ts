// Parametric bootstrap interval for N (note §3): tables drawn from the fitted multinomial over all 2^k cells, the
// unseen cell dropped, the model refitted (optionally re-selected by AIC); percentiles of N̂*. Seeded, so repeatable.
import type { CaptureTable } from './capture-table.js';
import type { Heterogeneity, Term } from './log-linear.js';
import { fitLogLinear, summarizeModel } from './log-linear.js';
import { enumerateModels } from './models.js';
import { createRandom } from './random.js';

export interface BootstrapInterval {
  lower: number;
  upper: number;
  /** Replicates drawn. */
  replicates: number;
  /** Replicates whose refit failed (MLE missing) and were left out. */
  failed: number;
  seed: number;
  /** True when each replicate re-ran AIC model selection. */
  reselect: boolean;
}

export interface BootstrapOptions {
  replicates?: number;
  seed?: number;
  /** Re-select the model by AIC in every replicate (carries model uncertainty into the interval). */
  reselect?: boolean;
  /** Models to choose among when re-selecting (default: enumerateModels(k)). */
  candidates?: readonly (readonly Term[])[];
  /** Heterogeneity covariate of the model (default none). */
  heterogeneity?: Heterogeneity | null;
}

/** Percentile with linear interpolation on sorted values. */
function percentile(sorted: readonly number[], q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * 95% parametric bootstrap interval (2.5 and 97.5 percentiles of N̂*) for a model of a capture table.
 * Returns null when the model itself cannot be fitted.
 * @example bootstrapInterval(spinaBifida, [[1, 2]], { replicates: 2000, seed: 1 }) // ≈ 700–768 (model D×M)
 */
export function bootstrapInterval(table: CaptureTable, terms: readonly Term[], options: BootstrapOptions = {}): BootstrapInterval | null {
  const replicates = options.replicates ?? 2000;
  const seed = options.seed ?? 1;
  const reselect = options.reselect ?? false;
  const k = table.lists.length;
  const heterogeneity = options.heterogeneity ?? null;
  const fit = fitLogLinear(table, terms, undefined, heterogeneity);
  if (!fit.ok) return null;
  const cells = 1 << k;
  const means = fit.fitted.slice();
  means[0] = Math.exp(fit.beta[0]);
  const total = means.reduce((s, v) => s + v, 0);
  const size = Math.round(total);
  const cumulative: number[] = [];
  let acc = 0;
  for (let c = 0; c < cells; c++) {
    acc += means[c] / total;
    cumulative.push(acc);
  }
  cumulative[cells - 1] = 1;
  const candidates = options.candidates ?? enumerateModels(k);
  const random = createRandom(seed);
  const values: number[] = [];
  let failed = 0;
  const counts = new Array<number>(cells);
  for (let b = 0; b < replicates; b++) {
    counts.fill(0);
    for (let i = 0; i < size; i++) {
      const u = random();
      let lo = 0;
      let hi = cells - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (u < cumulative[mid]) hi = mid;
        else lo = mid + 1;
      }
      counts[lo]++;
    }
    counts[0] = 0;
    const replicate: CaptureTable = { lists: table.lists, counts: counts.slice() };
    let estimate: number | null = null;
    if (reselect) {
      let bestAic = Infinity;
      for (const t of candidates) {
        const s = summarizeModel(replicate, t);
        if (s.ok && s.stats.df > 0 && s.stats.aic < bestAic) {
          bestAic = s.stats.aic;
          estimate = s.stats.N;
        }
      }
    } else {
      const s = summarizeModel(replicate, terms, heterogeneity);
      if (s.ok) estimate = s.stats.N;
    }
    if (estimate === null) failed++;
    else values.push(estimate);
  }
  if (values.length < 20) return null;
  values.sort((x, y) => x - y);
  return { lower: percentile(values, 0.025), upper: percentile(values, 0.975), replicates, failed, seed, reselect };
}
