// estimatePopulation: list choice, one-category lists, stratification (note §4) and the plain-language report.
import { describe, expect, it } from 'vitest';
import { estimatePopulation, makeCaptureTable, compareModels, renderEstimateText, renderEstimateMarkdown } from '../../src/estimate/index.js';
import type { EstimatePerson, EstimateSource } from '../../src/estimate/index.js';
import { ReconError } from '../../src/core/errors.js';

/** Adds `count` persons with the given lists and category. */
function addPersons(out: EstimatePerson[], count: number, sources: string[], category: string): void {
  for (let i = 0; i < count; i++) out.push({ sources, category });
}

/**
 * Note §4: officers N = 100 with chances (media 0.5, official 0.6, NGO 0.4); civilians N = 400 with (0.3, 0, 0.2).
 * Expected counts are whole numbers, so the persons reproduce them exactly.
 */
function oneStratumScenario(): EstimatePerson[] {
  const persons: EstimatePerson[] = [];
  const officers: [number, number, number] = [0.5, 0.6, 0.4];
  const civilians: [number, number, number] = [0.3, 0, 0.2];
  const names = ['media', 'official', 'ngo'];
  for (const [N, p, category] of [[100, officers, 'security'], [400, civilians, 'civilian']] as const) {
    for (let mask = 1; mask < 8; mask++) {
      let prob = 1;
      for (let j = 0; j < 3; j++) prob *= (mask >> j) & 1 ? p[j] : 1 - p[j];
      const count = Math.round(N * prob);
      expect(Math.abs(count - N * prob)).toBeLessThan(1e-9);
      addPersons(persons, count, names.filter((_, j) => (mask >> j) & 1), category);
    }
  }
  return persons;
}

const scenarioSources: EstimateSource[] = [{ name: 'media' }, { name: 'official', covers: 'security' }, { name: 'ngo' }];

describe('one-stratum list (note §4)', () => {
  const persons = oneStratumScenario();

  it('pooled models give 404.3 (independence) and 480.0 (best fitting)', () => {
    const r = estimatePopulation(persons, scenarioSources, { includeCoverageLists: true, selection: 'aic' });
    expect(r.lists).toEqual(['media', 'ngo', 'official']);
    const models = r.strata[0].models?.models ?? [];
    const ind = models.find((m) => m.name === 'independence');
    expect(ind?.N).toBeCloseTo(404.3, 1);
    const best = models.find((m) => m.name === 'media×official + ngo×official');
    expect(best?.N).toBeCloseTo(480.0, 1);
    expect(best?.deviance).toBeLessThan(1e-6);
    expect(r.total.N).toBeCloseTo(480.0, 1);
    expect(r.warnings.join(' ')).toMatch(/official names only security/);
  });

  it('two-list media×official gives 340.0', () => {
    const pair = estimatePopulation(persons, scenarioSources, { includeCoverageLists: true }).strata[0].pairs.find(
      (p) => p.lists.join() === 'media,official',
    );
    expect(pair?.result.lincolnPetersen.N).toBeCloseTo(340.0, 6);
  });

  it('leaves the one-category list out by default and says so', () => {
    const r = estimatePopulation(persons, scenarioSources);
    expect(r.lists).toEqual(['media', 'ngo']);
    expect(r.excluded).toHaveLength(1);
    expect(r.excluded[0].name).toBe('official');
    expect(r.excluded[0].reason).toMatch(/covers only security/);
    expect(r.total.method).toBe('Chapman (two lists)');
    expect(r.plainLanguage.join('\n')).toMatch(/official covers only one group \(security\).*left out/);
  });

  it('stratified by category: officers with all three lists, civilians with two: 100 + 400 = 500', () => {
    const r = estimatePopulation(persons, scenarioSources, { stratify: 'category', selection: 'aic' });
    expect(r.strata.map((s) => s.stratum)).toEqual(['civilian', 'security']);
    const [civ, sec] = r.strata;
    // The default (robust) headline averages model families; on these exactly independent counts it stays at 100.
    const robust = estimatePopulation(persons, scenarioSources, { stratify: 'category' }).strata[1].estimate;
    expect(Math.abs((robust.N as number) - 100)).toBeLessThan(0.5);
    expect(civ.lists).toEqual(['media', 'ngo']);
    expect(civ.excluded.map((x) => x.name)).toEqual(['official']);
    expect(sec.lists).toEqual(['media', 'ngo', 'official']);
    expect(sec.estimate.N).toBeCloseTo(100, 6);
    expect(sec.estimate.method).toMatch(/independence/);
    // The log-linear (= Lincoln–Petersen) answer for two lists is exactly 400; the headline uses Chapman.
    expect(civ.pairs[0].result.lincolnPetersen.N).toBeCloseTo(400, 6);
    expect(civ.models?.models[0].N).toBeCloseTo(400, 6);
    const chapman = (121 * 81) / 25 - 1;
    expect(civ.estimate.N).toBeCloseTo(chapman, 6);
    expect(r.total.N).toBeCloseTo(100 + chapman, 6);
    expect(r.total.method).toMatch(/sum of 2/);
    expect(r.total.lower).toBeLessThan(r.total.N as number);
    expect(r.total.upper).toBeGreaterThan(r.total.N as number);
  });

  it('imputes the category of people named only on a one-category list without a category', () => {
    const persons2 = [...oneStratumScenario(), { sources: ['official'] }];
    const r = estimatePopulation(persons2, scenarioSources, { stratify: 'category' });
    expect(r.strata.map((s) => s.stratum)).toEqual(['civilian', 'security']);
    expect(r.strata[1].persons).toBe(89); // 88 officers seen (12 of 100 are on no list) + 1
    expect(r.warnings.join(' ')).toMatch(/1 people without a category/);
  });
});

describe('list choice and edge cases', () => {
  const persons: EstimatePerson[] = [];
  addPersons(persons, 30, ['a'], 'civilian');
  addPersons(persons, 20, ['b'], 'civilian');
  addPersons(persons, 10, ['a', 'b'], 'civilian');
  addPersons(persons, 5, ['c'], 'civilian');
  const sources = [{ name: 'a' }, { name: 'b' }, { name: 'c' }];

  it('uses the chosen lists only', () => {
    const r = estimatePopulation(persons, sources, { lists: ['a', 'b'] });
    expect(r.lists).toEqual(['a', 'b']);
    expect(r.excluded).toEqual([{ name: 'c', reason: 'not among the chosen lists' }]);
    expect(r.strata[0].onlyOnExcluded).toBe(5);
    expect(r.total.N).toBeCloseTo((41 * 31) / 11 - 1, 6);
  });

  it('rejects an unknown list name with a usage error', () => {
    expect(() => estimatePopulation(persons, sources, { lists: ['a', 'zz'] })).toThrow(ReconError);
  });

  it('reports "not estimable" (never NaN) when models have empty margins', () => {
    // c shares nobody with a or b: every interaction with c has margin 0; independence still exists.
    const r = estimatePopulation(persons, sources);
    const models = r.strata[0].models?.models ?? [];
    for (const m of models) {
      if (m.estimable) expect(Number.isFinite(m.N)).toBe(true);
      else {
        expect(m.N).toBeNull();
        expect(m.reason).toBeTruthy();
      }
    }
    expect(models.find((m) => m.name === 'a×c')?.estimable).toBe(false);
    expect(JSON.stringify(r)).not.toMatch(/NaN/);
  });

  it('one list only: not estimable, with a reason', () => {
    const r = estimatePopulation(persons, sources, { lists: ['a'] });
    expect(r.total.estimable).toBe(false);
    expect(r.total.reason).toMatch(/only one list/);
    expect(r.plainLanguage[1]).toMatch(/No estimate of the total/);
  });

  it('two lists without overlap: not estimable', () => {
    const r = estimatePopulation(persons, sources, { lists: ['a', 'c'] });
    expect(r.total.estimable).toBe(false);
    expect(r.total.reason).toMatch(/share no one/);
  });

  it('a saturated model with a zero cell is not estimable', () => {
    const t = makeCaptureTable(['x', 'y', 'z'], { '100': 40, '010': 30, '001': 20, '110': 0, '101': 5, '011': 6, '111': 3 });
    const c = compareModels(t);
    const sat = c.models.find((m) => m.saturated);
    expect(sat?.estimable).toBe(false);
    expect(sat?.reason).toMatch(/does not exist|boundary|infinity/);
    expect(c.models.find((m) => m.name === 'independence')?.estimable).toBe(true);
  });

  it('a list that names everyone makes the unseen count zero: not estimable', () => {
    const t = makeCaptureTable(['x', 'y', 'z'], { '100': 40, '110': 10, '101': 5, '111': 3 });
    const ind = compareModels(t).models.find((m) => m.name === 'independence');
    expect(ind?.estimable).toBe(false);
  });

  it('stratifies by place with an (unknown) group last, and marks partial totals', () => {
    const ps: EstimatePerson[] = [
      ...Array.from({ length: 12 }, () => ({ sources: ['a'], place: 'almaty' })),
      ...Array.from({ length: 9 }, () => ({ sources: ['b'], place: 'almaty' })),
      ...Array.from({ length: 6 }, () => ({ sources: ['a', 'b'], place: 'almaty' })),
      ...Array.from({ length: 4 }, () => ({ sources: ['a'], place: 'aktau' })),
      ...Array.from({ length: 3 }, () => ({ sources: ['a', 'b'] })),
    ];
    const r = estimatePopulation(ps, [{ name: 'a' }, { name: 'b' }], { stratify: 'place' });
    expect(r.strata.map((s) => s.stratum)).toEqual(['aktau', 'almaty', '(unknown)']);
    expect(r.strata[0].estimate.estimable).toBe(false);
    expect(r.total.partial).toBe(true);
    expect(r.total.N).toBeCloseTo(4 + ((19 * 16) / 7 - 1) + 3, 6);
    expect(r.warnings.join(' ')).toMatch(/lower bound/);
  });
});

describe('rendering', () => {
  const persons = oneStratumScenario();
  const r = estimatePopulation(persons, scenarioSources, { stratify: 'category', officialTotal: 241 });

  it('text: aligned tables, the total, the plain-language statements', () => {
    const text = renderEstimateText(r);
    expect(text).toContain('Named on at least one list: ');
    expect(text).toContain('Stratum security: ');
    expect(text).toMatch(/log-linear models, lowest AIC first/);
    expect(text).toContain('The official count, 241, lies');
    expect(text).not.toMatch(/NaN|undefined/);
    expect(renderEstimateText(r)).toBe(text);
  });

  it('markdown: a level-2 section with tables', () => {
    const md = renderEstimateMarkdown(r);
    expect(md.startsWith('## Population estimate')).toBe(true);
    expect(md).toMatch(/\| stratum \| people \|/);
    expect(md).not.toMatch(/NaN|undefined/);
  });
});

describe('bootstrap interval for the headline', () => {
  it('replaces the profile interval of a three-list headline and names the method', () => {
    const persons: EstimatePerson[] = [];
    const cells: Array<[string[], number]> = [
      [['e'], 63], [['q'], 55], [['q', 'e'], 18], [['p'], 69], [['p', 'e'], 17], [['p', 'q'], 21], [['p', 'q', 'e'], 28],
    ];
    for (const [s, n] of cells) addPersons(persons, n, s, 'civilian');
    const sources = [{ name: 'p' }, { name: 'q' }, { name: 'e' }];
    const profile = estimatePopulation(persons, sources, { selection: 'aic', heterogeneity: false });
    const boot = estimatePopulation(persons, sources, { selection: 'aic', heterogeneity: false, interval: 'bootstrap', bootstrap: { replicates: 400, seed: 1 } });
    expect(profile.total.model).toBe('p×q + q×e');
    expect(boot.total.N).toBe(profile.total.N);
    expect(boot.total.interval).toMatch(/^parametric bootstrap \(400 replicates, seed 1\)/);
    expect(boot.total.lower).not.toBe(profile.total.lower);
    expect(Math.abs((boot.total.lower as number) / 411.8 - 1)).toBeLessThan(0.05);
  });
});
