// Worked examples of the estimation note §6 (E1–E5): published data sets with figures checked against Rcapture.
import { describe, expect, it } from 'vitest';
import { makeCaptureTable } from '../../src/estimate/capture-table.js';
import { compareModels, type ModelRow } from '../../src/estimate/models.js';
import { estimateTwoLists } from '../../src/estimate/two-list.js';
import { summarizeModel } from '../../src/estimate/log-linear.js';
import { profileInterval } from '../../src/estimate/profile.js';
import { bootstrapInterval } from '../../src/estimate/bootstrap.js';

const close = (actual: number | null | undefined, expected: number, tolerance = 0.1) => {
  expect(actual).not.toBeNull();
  expect(actual).toBeDefined();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance);
};

const hepatitis = makeCaptureTable(['P', 'Q', 'E'], { '001': 63, '010': 55, '011': 18, '100': 69, '101': 17, '110': 21, '111': 28 });
const spinaBifida = makeCaptureTable(['B', 'D', 'M'], { '001': 60, '010': 49, '011': 4, '100': 247, '101': 112, '110': 142, '111': 12 });
const kosovo = makeCaptureTable(['EXH', 'ABA', 'OSCE', 'HRW'], {
  '0001': 306, '0010': 936, '0011': 123, '0100': 845, '0101': 31, '0110': 217, '0111': 32, '1000': 1131,
  '1001': 106, '1010': 228, '1011': 42, '1100': 177, '1101': 18, '1110': 181, '1111': 27,
});
const hiv = makeCaptureTable(['c1', 'c2', 'c3', 'c4'], {
  '1000': 403, '0100': 545, '0010': 621, '0001': 205, '1100': 33, '1010': 20, '1001': 6, '0110': 35,
  '0101': 10, '0011': 11, '1110': 3, '1101': 1, '1011': 0, '0111': 3, '1111': 0,
});

const row = (models: ModelRow[], name: string): ModelRow => {
  const r = models.find((m) => m.name === name);
  if (!r) throw new Error(`no model ${name}`);
  return r;
};

describe('E1: two lists, hepatitis A (P×Q, P×E, Q×E)', () => {
  it('reproduces Lincoln–Petersen, Chapman and both intervals for P×Q', () => {
    const r = estimateTwoLists(135, 122, 49);
    expect(r.seen).toBe(208);
    close(r.lincolnPetersen.N, 336.1);
    close(r.lincolnPetersen.se, 29.6);
    close(r.chapman.N, 333.6);
    close(r.chapman.se, 28.7);
    close(r.chapman.wald?.lower, 277.3);
    close(r.chapman.wald?.upper, 389.8);
    close(r.chapman.logInterval?.lower, 288.7);
    close(r.chapman.logInterval?.upper, 403.4);
  });

  it.each([
    { pair: 'P×E', n1: 135, n2: 126, m: 45, lp: 378.0, chapman: 374.5, se: 35.6, lower: 318.6, upper: 460.8 },
    { pair: 'Q×E', n1: 122, n2: 126, m: 46, lp: 334.2, chapman: 331.4, se: 29.9, lower: 284.7, upper: 404.4 },
  ])('reproduces $pair', ({ n1, n2, m, lp, chapman, se, lower, upper }) => {
    const r = estimateTwoLists(n1, n2, m);
    close(r.lincolnPetersen.N, lp);
    close(r.chapman.N, chapman);
    close(r.chapman.se, se);
    close(r.chapman.logInterval?.lower, lower);
    close(r.chapman.logInterval?.upper, upper);
  });

  it('the two-list log-linear model reproduces Lincoln–Petersen, its SE, and the profile interval', () => {
    const t = makeCaptureTable(['P', 'Q'], { '10': 86, '01': 73, '11': 49 });
    const s = summarizeModel(t, []);
    if (!s.ok) throw new Error(s.reason);
    close(s.stats.N, (135 * 122) / 49, 1e-6);
    close(s.stats.se, 29.6);
    expect(s.stats.df).toBe(0);
    const p = profileInterval(t, [], s.stats.N);
    close(p?.lower, 286.4);
    close(p?.upper, 404.8);
  });

  it('is undefined for Lincoln–Petersen and finite for Chapman without overlap', () => {
    const r = estimateTwoLists(10, 12, 0);
    expect(r.lincolnPetersen.N).toBeNull();
    close(r.chapman.N, 11 * 13 - 1, 1e-9);
  });
});

describe('E2: three lists, hepatitis A', () => {
  const c = compareModels(hepatitis);
  it.each([
    ['independence', 388.5, 21.6, 350.3, 435.4, 24.36, 3, 69.75, 84.16],
    ['P×Q', 416.0, 30.9, 363.2, 486.2, 21.14, 2, 68.54, 86.55],
    ['Q×E', 413.2, 29.8, 362.1, 480.6, 21.33, 2, 68.72, 86.73],
    ['P×E', 393.3, 26.8, 347.4, 453.7, 24.25, 2, 71.64, 89.65],
    ['P×Q + Q×E', 526.7, 78.0, 408.9, 734.2, 13.2, 1, 62.59, 84.21],
    ['P×Q + P×E', 463.5, 59.3, 373.1, 618.4, 19.42, 1, 68.81, 90.43],
    ['P×E + Q×E', 451.7, 52.9, 369.5, 586.7, 19.9, 1, 69.3, 90.91],
  ] as const)('%s', (name, N, se, lower, upper, dev, df, aic, bic) => {
    const r = row(c.models, name);
    close(r.N, N);
    close(r.se, se);
    close(r.profile?.lower, lower);
    close(r.profile?.upper, upper);
    close(r.deviance, dev, 0.01);
    expect(r.df).toBe(df);
    close(r.aic, aic, 0.01);
    close(r.bic, bic, 0.01);
  });

  it('saturated model: 1,312.8 (654.7–3,031.1), and both criteria pick it, with a warning', () => {
    const r = row(c.models, 'P×Q + P×E + Q×E');
    expect(r.saturated).toBe(true);
    close(r.N, 1312.8);
    close(r.se, 518.0);
    close(r.profile?.lower, 654.7, 0.3);
    close(r.profile?.upper, 3031.1, 0.3);
    close(r.aic, 51.39, 0.01);
    close(r.bic, 76.61, 0.01);
    expect(c.aicPick).toBe(r.name);
    expect(c.bicPick).toBe(r.name);
    expect(c.aicPickUnsaturated).toBe('P×Q + Q×E');
    expect(c.warnings.join(' ')).toMatch(/saturated/);
    expect(r.interactions.every((i) => i.value > 0)).toBe(true);
  });

  it('independence Wald and log-transformed intervals', () => {
    const r = row(c.models, 'independence');
    close(r.wald?.lower, 346.2);
    close(r.wald?.upper, 430.7);
    close(r.logInterval?.lower, 353.2);
    close(r.logInterval?.upper, 438.8);
  });
});

describe('E3: three lists, spina bifida', () => {
  const c = compareModels(spinaBifida);
  it.each([
    ['independence', 763.9, 20.6, 726.1, 807.0, 106.32, 124.08],
    ['D×M', 730.9, 17.0, 699.8, 766.5, 53.83, 76.03],
    ['B×D + D×M', 758.3, 25.5, 713.2, 813.8, 51.97, 78.61],
    ['B×M + D×M', 711.2, 17.7, 679.6, 749.3, 52.64, 79.27],
  ] as const)('%s', (name, N, se, lower, upper, aic, bic) => {
    const r = row(c.models, name);
    close(r.N, N);
    close(r.se, se);
    close(r.profile?.lower, lower);
    close(r.profile?.upper, upper);
    close(r.aic, aic, 0.01);
    close(r.bic, bic, 0.01);
  });

  it('saturated and the other models', () => {
    const sat = row(c.models, 'B×D + B×M + D×M');
    close(sat.N, 763.0);
    close(sat.se, 86.4);
    close(sat.profile?.lower, 660.8, 0.3);
    close(sat.profile?.upper, 1065.2, 0.3);
    close(row(c.models, 'B×D').N, 831.3);
    close(row(c.models, 'B×D').aic, 96.82, 0.01);
    close(row(c.models, 'B×M').N, 755.9);
    close(row(c.models, 'B×M').aic, 108.06, 0.01);
    close(row(c.models, 'B×D + B×M').N, 1361.0);
    close(row(c.models, 'B×D + B×M').aic, 89.47, 0.01);
  });

  it('AIC picks B×D + D×M, BIC picks D×M, the Akaike-weighted average is 741.0', () => {
    expect(c.aicPick).toBe('B×D + D×M');
    expect(c.bicPick).toBe('D×M');
    close(c.average?.N, 741.0);
    const dm = row(c.models, 'D×M');
    close(dm.interactions[0].value, -1.76, 0.01);
    close(row(c.models, 'B×D + D×M').interactions[0].value, 0.44, 0.01);
    close(dm.wald?.lower, 697.6);
    close(dm.wald?.upper, 764.2);
    close(dm.logInterval?.lower, 702.6);
    close(dm.logInterval?.upper, 769.8);
  });
});

describe('E4: four lists, Kosovo (unstratified)', () => {
  const c = compareModels(kosovo);
  it('fits all 64 pairwise models; independence 7,394.6', () => {
    expect(c.models).toHaveLength(64);
    const r = row(c.models, 'independence');
    close(r.N, 7394.6);
    close(r.se, 129.6);
    close(r.profile?.lower, 7147.7);
    close(r.profile?.upper, 7656.2);
    close(r.aic, 357.36, 0.01);
    close(r.bic, 389.31, 0.01);
  });

  it('AIC and BIC pick EA+EO+EH+AO+OH: 14,341.7', () => {
    const best = 'EXH×ABA + EXH×OSCE + EXH×HRW + ABA×OSCE + OSCE×HRW';
    expect(c.aicPick).toBe(best);
    expect(c.bicPick).toBe(best);
    const r = row(c.models, best);
    close(r.N, 14341.7);
    close(r.se, 1018.3);
    close(r.profile?.lower, 12525.2);
    close(r.profile?.upper, 16542.8);
    close(r.deviance, 39.89, 0.01);
    expect(r.df).toBe(5);
    close(r.aic, 161.32, 0.01);
    close(r.bic, 225.21, 0.01);
    close(row(c.models, 'EXH×ABA + EXH×OSCE + EXH×HRW + ABA×OSCE + ABA×HRW + OSCE×HRW').N, 14402.5);
  });
});

describe('E5: four lists, HIV in Rome (Rcapture)', () => {
  const c = compareModels(hiv);
  it('main effects + c1×c2 as Rcapture closedpCI.t', () => {
    const r = row(c.models, 'c1×c2');
    close(r.N, 12318.5);
    close(r.se, 1188.7);
    close(r.profile?.lower, 10266.0);
    close(r.profile?.upper, 14992.3);
    close(r.deviance, 7.61, 0.01);
    expect(r.df).toBe(9);
    close(r.aic, 86.65, 0.01);
    close(r.bic, 119.93, 0.01);
    expect(c.aicPick).toBe('c1×c2');
  });

  it('independence, with zero cells present', () => {
    const r = row(c.models, 'independence');
    close(r.N, 11124.6);
    close(r.se, 904.8);
    close(r.profile?.lower, 9531.7);
    close(r.profile?.upper, 13114.1);
    close(r.aic, 90.06, 0.01);
    close(r.bic, 117.8, 0.01);
  });
});

describe('parametric bootstrap (note §3; our seeded runs, B = 2,000: ±2%)', () => {
  const within2 = (actual: number | undefined, expected: number) => expect(Math.abs((actual as number) / expected - 1)).toBeLessThan(0.02);

  it('spina bifida, model D×M: about 700.2–768.5', () => {
    const b = bootstrapInterval(spinaBifida, [[1, 2]], { replicates: 2000, seed: 1 });
    within2(b?.lower, 700.2);
    within2(b?.upper, 768.5);
    expect(b?.failed).toBe(0);
  });

  it('hepatitis A, model P×Q + Q×E: about 411.8–783.4', () => {
    const b = bootstrapInterval(hepatitis, [[0, 1], [1, 2]], { replicates: 2000, seed: 1 });
    within2(b?.lower, 411.8);
    within2(b?.upper, 783.4);
  });

  it('is repeatable for a seed', () => {
    const a = bootstrapInterval(spinaBifida, [[1, 2]], { replicates: 200, seed: 9 });
    const b = bootstrapInterval(spinaBifida, [[1, 2]], { replicates: 200, seed: 9 });
    expect(a).toEqual(b);
  });
});
