// EM on a known mixture: the parameters used to make the pattern counts are found again.
import { describe, expect, it } from 'vitest';
import { PAIR_TYPE_CROSS, runEm, type PatternTable } from '../../src/match/em.js';
import { COMPARISONS, K } from '../../src/match/levels.js';
import { startingModel } from '../../src/match/model.js';

// True m and u of the non-missing levels (same order as COMPARISONS).
const TRUE_M = [
  [0.5, 0.35, 0.08, 0.03, 0.04],
  [0.6, 0.25, 0.07, 0.05, 0.03],
  [0.55, 0.3, 0.05, 0.05, 0.05],
  [0.98, 0.02],
  [0.65, 0.25, 0.05, 0.05],
  [0.75, 0.15, 0.05, 0.05],
  [0.8, 0.1, 0.1],
  [0.9, 0.1],
];
const TRUE_U = [
  [0.003, 0.005, 0.012, 0.03, 0.95],
  [0.02, 0.02, 0.03, 0.08, 0.85],
  [0.01, 0.01, 0.02, 0.06, 0.9],
  [0.5, 0.5],
  [0.03, 0.06, 0.09, 0.82],
  [0.3, 0.35, 0.2, 0.15],
  [0.45, 0.15, 0.4],
  [0.75, 0.25],
];

/** Exact expected counts of every comparison vector for `pairs` pairs with match rate `lambda`. */
function mixture(pairs: number, lambda: number, keep: (levels: number[]) => boolean): { table: PatternTable; shares: number[][] } {
  const sizes = TRUE_M.map((r) => r.length);
  const levels: number[] = [];
  const count: number[] = [];
  const v = new Array<number>(K).fill(0);
  const visit = (k: number, pm: number, pu: number) => {
    if (k === K) {
      if (!keep(v)) return;
      levels.push(...v);
      count.push(pairs * (lambda * pm + (1 - lambda) * pu));
      return;
    }
    for (let l = 0; l < sizes[k]; l++) {
      v[k] = l;
      visit(k + 1, pm * TRUE_M[k][l], pu * TRUE_U[k][l]);
    }
  };
  visit(0, 1, 1);
  const table: PatternTable = {
    levels: Uint8Array.from(levels),
    type: new Uint8Array(count.length).fill(PAIR_TYPE_CROSS),
    count: Float64Array.from(count),
    size: count.length,
  };
  const shares = TRUE_M.map((row, k) => row.map((m, l) => lambda * m + (1 - lambda) * TRUE_U[k][l]));
  return { table, shares };
}

const start = () => ({
  m: startingModel().comparisons.map((c) => c.levels.slice(0, -1).map((l) => l.m)),
  lambdaCross: 1e-3,
  lambdaWithin: 1e-9,
});

describe('runEm', () => {
  it('has one row of true parameters per comparison', () => {
    expect(TRUE_M.map((r) => r.length)).toEqual(COMPARISONS.map((c) => c.levels.length - 1));
  });

  it('recovers m, u and the prior of a known mixture, all pairs compared', () => {
    const pairs = 2_000_000;
    const lambda = 0.0005;
    const { table, shares } = mixture(pairs, lambda, () => true);
    const r = runEm(table, shares, { cross: pairs, within: 0 }, { ...start(), lambdaCross: 0.01 });
    expect(r.converged).toBe(true);
    expect(r.iterations).toBeLessThan(100);
    expect(r.lambdaCross).toBeGreaterThan(lambda * 0.97);
    expect(r.lambdaCross).toBeLessThan(lambda * 1.03);
    for (let k = 0; k < K; k++) {
      for (let l = 0; l < TRUE_M[k].length; l++) {
        expect(Math.abs(r.m[k][l] - TRUE_M[k][l]), `m ${COMPARISONS[k].name}/${l}`).toBeLessThan(0.01);
        expect(Math.abs(r.u[k][l] - TRUE_U[k][l]), `u ${COMPARISONS[k].name}/${l}`).toBeLessThan(0.002);
      }
    }
  });

  it('still finds them when blocking left out the pairs whose names all differ', () => {
    const pairs = 5_000_000;
    const lambda = 0.0002;
    const allDifferent = (v: number[]) => v[0] === 4 && v[1] === 4 && v[2] === 4;
    const { table, shares } = mixture(pairs, lambda, (v) => !allDifferent(v));
    const r = runEm(table, shares, { cross: pairs, within: 0 }, start());
    expect(r.converged).toBe(true);
    expect(r.lambdaCross / lambda).toBeGreaterThan(0.97);
    expect(r.lambdaCross / lambda).toBeLessThan(1.03);
    expect(Math.abs(r.m[0][0] - TRUE_M[0][0])).toBeLessThan(0.02);
    expect(Math.abs(r.m[4][0] - TRUE_M[4][0])).toBeLessThan(0.02);
  });
});
