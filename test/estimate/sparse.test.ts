// Sparse and awkward tables: zero cells, empty margins, five and six lists. Every model is either estimated with
// finite figures or marked "not estimable" with a reason; never NaN.
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { compareModels, enumerateModels, estimatePopulation } from '../../src/estimate/index.js';
import type { CaptureTable, EstimatePerson } from '../../src/estimate/index.js';
import { createRandom } from '../../src/estimate/random.js';

function expectNoNaN(value: unknown): void {
  expect(JSON.stringify(value, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? `BAD:${v}` : v))).not.toMatch(/BAD:|NaN/);
}

describe('sparse tables', () => {
  test.prop([fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 7, maxLength: 7 })], { numRuns: 40, seed: 7 })(
    'three lists, counts 0–4: finite figures or a reason',
    (counts) => {
      const table: CaptureTable = { lists: ['x', 'y', 'z'], counts: [0, ...counts] };
      const c = compareModels(table, { profile: true });
      for (const m of c.models) {
        if (m.estimable) {
          expect(Number.isFinite(m.N)).toBe(true);
          expect(m.N as number).toBeGreaterThanOrEqual(c.n - 1e-9);
          if (m.profile) expect(m.profile.lower).toBeGreaterThanOrEqual(c.n - 1e-6);
        } else expect(m.reason).toBeTruthy();
      }
      expectNoNaN(c);
    },
  );

  test.prop([fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 15, maxLength: 15 })], { numRuns: 15, seed: 11 })(
    'four lists, counts 0–3: finite figures or a reason',
    (counts) => {
      const c = compareModels({ lists: ['a', 'b', 'c', 'd'], counts: [0, ...counts] }, { profile: false });
      expect(c.models).toHaveLength(64);
      for (const m of c.models) if (!m.estimable) expect(m.reason).toBeTruthy();
      expectNoNaN(c);
    },
  );

  it('an empty table is not estimable', () => {
    const r = estimatePopulation([], [{ name: 'a' }, { name: 'b' }]);
    expect(r.total.estimable).toBe(false);
    expect(r.persons).toBe(0);
    expectNoNaN(r);
  });
});

describe('five and six lists', () => {
  it('enumerates 176 models for five lists (at most three pairwise terms) and 16 for six (at most one)', () => {
    expect(enumerateModels(5)).toHaveLength(1 + 10 + 45 + 120);
    expect(enumerateModels(6)).toHaveLength(1 + 15);
    expect(enumerateModels(4)).toHaveLength(64);
    expect(enumerateModels(2)).toHaveLength(1);
  });

  it('fits five independent lists and says that the model set was limited', () => {
    const random = createRandom(5);
    const names = ['a', 'b', 'c', 'd', 'e'];
    const persons: EstimatePerson[] = [];
    for (let i = 0; i < 300; i++) {
      const sources = names.filter(() => random() < 0.3);
      if (sources.length > 0) persons.push({ sources });
    }
    const r = estimatePopulation(persons, names.map((name) => ({ name })), { profile: false });
    const models = r.strata[0].models;
    // 176 pairwise models, and 3 heterogeneity covariates × (alone + 10 single pairs).
    expect(models?.models).toHaveLength(176 + 33);
    expect(models?.maxTerms).toBe(3);
    expect(r.warnings.join(' ')).toMatch(/at most 3 pairwise terms/);
    expect(r.total.estimable).toBe(true);
    expect(Math.abs((r.total.N as number) - 300)).toBeLessThan(60);
  });
});
