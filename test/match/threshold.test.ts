// Threshold choice from the model's probabilities, and the alternatives shown beside it.
import { describe, expect, it } from 'vitest';
import { alternativeThresholds, chooseThreshold } from '../../src/match/threshold.js';
import { probabilityToWeight, weightToProbability } from '../../src/match/model.js';

const w = (...ps: number[]) => Float32Array.from(ps, probabilityToWeight);

describe('chooseThreshold', () => {
  it('takes the highest threshold when every pair is certain', () => {
    expect(chooseThreshold(w(0.99999, 0.99999, 0.00001)).threshold).toBe(0.999);
  });

  it('keeps pairs that are more likely than not when they dominate the expected F1', () => {
    const r = chooseThreshold(w(0.999, 0.999, 0.999, 0.7, 0.7, 0.2));
    expect(r.threshold).toBeGreaterThanOrEqual(0.5);
    expect(r.threshold).toBeLessThanOrEqual(0.7);
  });

  it('keeps many pairs at 0.55 (each more likely a match than not), at the highest threshold that keeps them', () => {
    const r = chooseThreshold(w(0.999, 0.999, ...new Array(20).fill(0.55)));
    expect(r.threshold).toBe(0.55);
    // expected TP 13, FP 9, FN 0
    expect(r.expectedF1).toBeCloseTo(26 / 35, 3);
  });

  it('never goes below 0.5: pairs at 0.3 stay out', () => {
    expect(chooseThreshold(w(0.999, 0.3, 0.3, 0.3)).threshold).toBe(0.999);
  });
});

describe('chooseThreshold against the definition', () => {
  // The definition, pair by pair: for each threshold t of the grid, expected true links Σ p (p ≥ t), false links
  // Σ (1 − p) there, missed links Σ p below t; the best expected F1, ties to the higher threshold.
  function reference(weights: Float32Array): { threshold: number; expectedF1: number } {
    const grid = [...Array.from({ length: 50 }, (_, i) => (50 + i) / 100), 0.995, 0.999];
    const probs = Array.from(weights, weightToProbability);
    const total = probs.reduce((s, p) => s + p, 0);
    let best = { threshold: 0.9, expectedF1: -1 };
    for (const t of grid) {
      const kept = probs.filter((p) => p >= t - 1e-6);
      const tp = kept.reduce((s, p) => s + p, 0);
      const fp = kept.length - tp;
      const fn = total - tp;
      const f1 = (2 * tp) / (2 * tp + fp + fn);
      if (f1 >= best.expectedF1 - 1e-12) best = { threshold: t, expectedF1: f1 };
    }
    return best;
  }

  it('picks what the pair-by-pair definition picks on random score mixtures', () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let trial = 0; trial < 40; trial++) {
      const n = 50 + Math.floor(rand() * 400);
      const share = rand();
      // A mixture: matches around +10 bits, non-matches around -10, a spread between them; some on a grid point.
      const weights = Float32Array.from({ length: n }, () => {
        const r = rand();
        if (r < 0.1) return probabilityToWeight([0.5, 0.6, 0.9, 0.95, 0.99][Math.floor(rand() * 5)]);
        return (rand() < share ? 10 : -10) + (rand() - 0.5) * 24;
      });
      const got = chooseThreshold(weights);
      const want = reference(weights);
      expect(got.threshold).toBe(want.threshold);
      expect(got.expectedF1).toBeCloseTo(want.expectedF1, 9);
    }
  });
});

describe('alternativeThresholds', () => {
  it.each([
    [0.9, 0.98, 0.5],
    [0.5, 0.9, 0.2],
    [0.99, 0.998, 0.95],
  ])('around %f: stricter %f, looser %f', (t, s, l) => {
    const alt = alternativeThresholds(t);
    expect(alt.stricter).toBeCloseTo(s, 6);
    expect(alt.looser).toBeCloseTo(l, 6);
  });
});
