// Dense symmetric solves on flat matrices (row by row), as the log-linear fits use them.
import { describe, expect, it } from 'vitest';
import { choleskyFactor, invertCholesky, solveCholesky } from '../../src/estimate/numeric.js';

describe('Cholesky factor, solve and inverse', () => {
  // A symmetric positive definite 3 × 3 matrix, row by row.
  const a = Float64Array.of(4, 2, 2, 2, 5, 3, 2, 3, 6);

  it('factors A = L·Lᵀ with L lower triangular', () => {
    expect([...choleskyFactor(Float64Array.of(4, 2, 2, 5), 2)!]).toEqual([2, 0, 1, 2]);
    const l = choleskyFactor(a, 3)!;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += l[i * 3 + k] * l[j * 3 + k];
        expect(s).toBeCloseTo(a[i * 3 + j], 12);
        if (j > i) expect(l[i * 3 + j]).toBe(0);
      }
    }
  });

  it('solves A·x = b and inverts A', () => {
    const l = choleskyFactor(a, 3)!;
    const x = solveCholesky(l, 3, [8, 10, 11]);
    for (let i = 0; i < 3; i++) expect(a[i * 3] * x[0] + a[i * 3 + 1] * x[1] + a[i * 3 + 2] * x[2]).toBeCloseTo([8, 10, 11][i], 12);
    const inv = invertCholesky(l, 3);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += a[i * 3 + k] * inv[k][j];
        expect(s).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });

  it('gives null for a matrix that is not positive definite', () => {
    expect(choleskyFactor(Float64Array.of(1, 2, 2, 1), 2)).toBeNull();
    expect(choleskyFactor(Float64Array.of(0, 0, 0, 0), 2)).toBeNull();
  });
});
