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
  const probs = new Float64Array(weights.length);
  for (let i = 0; i < weights.length; i++) probs[i] = weightToProbability(weights[i]);
  probs.sort();
  let total = 0;
  for (let i = 0; i < probs.length; i++) total += probs[i];
  // suffix sums over the sorted probabilities
  const n = probs.length;
  const suffix = new Float64Array(n + 1);
  for (let i = n - 1; i >= 0; i--) suffix[i] = suffix[i + 1] + probs[i];
  let best = { threshold: 0.9, expectedF1: -1 };
  for (const t of GRID) {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (probs[mid] < t - 1e-6) lo = mid + 1; // weights are float32: allow for rounding
      else hi = mid;
    }
    const tp = suffix[lo];
    const fp = n - lo - tp;
    const fn = total - tp;
    const f1 = tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0;
    if (f1 >= best.expectedF1 - 1e-12) best = { threshold: t, expectedF1: f1 };
  }
  return best;
}

/** The stricter and looser thresholds shown beside the chosen one. Example: alternativeThresholds(0.9) → {0.98, 0.5} */
export function alternativeThresholds(t: number): { stricter: number; looser: number } {
  const stricter = Math.min(0.999, Number((1 - (1 - t) / 5).toFixed(4)));
  const looser = Math.max(0.2, Number((1 - Math.min(1, (1 - t) * 5)).toFixed(4)));
  return { stricter: Math.max(stricter, t), looser: Math.min(looser, t) };
}
