// Threshold choice from the model's probabilities, and the alternatives shown beside it.
import { describe, expect, it } from 'vitest';
import { alternativeThresholds, chooseThreshold } from '../../src/match/threshold.js';
import { probabilityToWeight } from '../../src/match/model.js';

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
