// Choosing the link threshold without labels, from the model's own match probabilities. Pure.
import { weightToProbability } from './model.js';

/** Thresholds shown in the report's table of persons by threshold. */
export const THRESHOLD_TABLE = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99] as const;

const GRID: number[] = [];
for (let t = 50; t <= 99; t++) GRID.push(t / 100);
GRID.push(0.995, 0.999);

/**
 * The threshold that maximises the expected pairwise F1 when the candidate pairs' probabilities are taken at
 * face value: expected true links = Σ p over pairs at or above t, false links = Σ (1 − p) there, missed links =
 * Σ p below t. Searched on 0.50, 0.51, ..., 0.99, 0.995, 0.999; ties go to the higher threshold.
 * Example: chooseThreshold(Float32Array.of(20, 20, -20)) → { threshold: 0.999, expectedF1: ≈1 }
 */
export function chooseThreshold(weights: Float32Array): { threshold: number; expectedF1: number } {
  // One pass: each pair's probability goes to the highest grid threshold it reaches (bucket k counts the pairs that
  // reach GRID[k - 1] but not GRID[k]; weights are float32, so a threshold is reached within 1e-6). No sort and no
  // per-pair array: at tens of millions of pairs those took seconds and a gigabyte.
  const g = GRID.length;
  const count = new Float64Array(g + 1);
  const sum = new Float64Array(g + 1);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const p = weightToProbability(weights[i]);
    total += p;
    let k = 0;
    while (k < g && p >= GRID[k] - 1e-6) k++;
    count[k]++;
    sum[k] += p;
  }
  // Pairs and probability at or above GRID[k]: the buckets from k + 1 up (suffix sums, in place).
  for (let k = g - 1; k >= 0; k--) {
    count[k] += count[k + 1];
    sum[k] += sum[k + 1];
  }
  let best = { threshold: 0.9, expectedF1: -1 };
  for (let k = 0; k < g; k++) {
    const tp = sum[k + 1];
    const fp = count[k + 1] - tp;
    const fn = total - tp;
    const f1 = tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0;
    if (f1 >= best.expectedF1 - 1e-12) best = { threshold: GRID[k], expectedF1: f1 };
  }
  return best;
}

/** The stricter and looser thresholds shown beside the chosen one. Example: alternativeThresholds(0.9) → {0.98, 0.5} */
export function alternativeThresholds(t: number): { stricter: number; looser: number } {
  const stricter = Math.min(0.999, Number((1 - (1 - t) / 5).toFixed(4)));
  const looser = Math.max(0.2, Number((1 - Math.min(1, (1 - t) * 5)).toFixed(4)));
  return { stricter: Math.max(stricter, t), looser: Math.min(looser, t) };
}
