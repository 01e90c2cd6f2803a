// Linkage-aware uncertainty: estimates across thresholds and over clusterings sampled from link probabilities.
import { describe, expect, it } from 'vitest';
import { estimateAcrossThresholds, estimateOverClusterings, linkageKey, linkageRange, sampleClustering } from '../../src/estimate/index.js';
import type { CandidateLink, EstimatePerson, LinkRecord } from '../../src/estimate/index.js';
import { createRandom } from '../../src/estimate/random.js';

const always = () => 0;

describe('sampleClustering', () => {
  const records: LinkRecord[] = [
    { key: 'a:1', source: 'a', category: 'civilian' },
    { key: 'a:2', source: 'a' },
    { key: 'b:1', source: 'b', place: 'almaty' },
    { key: 'c:1', source: 'c' },
  ];

  it('joins records by kept links; stratum fields come from the members', () => {
    const persons = sampleClustering(records, [{ a: 'a:1', b: 'b:1', probability: 0.99 }], always);
    expect(persons).toEqual([
      { sources: ['a', 'b'], category: 'civilian', place: 'almaty' },
      { sources: ['a'] },
      { sources: ['c'] },
    ]);
  });

  it('refuses a chain that would put two records of one list together, strongest link first', () => {
    const links: CandidateLink[] = [
      { a: 'a:2', b: 'b:1', probability: 0.95 },
      { a: 'a:1', b: 'b:1', probability: 0.99 },
    ];
    const persons = sampleClustering(records, links, always);
    expect(persons.map((p) => p.sources)).toEqual([['a', 'b'], ['a'], ['c']]);
  });

  it('allows a direct link between two records of one list (a within-list duplicate)', () => {
    const persons = sampleClustering(records, [{ a: 'a:1', b: 'a:2', probability: 0.97 }], always);
    expect(persons.map((p) => p.sources)).toEqual([['a'], ['b'], ['c']]);
  });

  it('drops a link when the draw exceeds its probability', () => {
    const persons = sampleClustering(records, [{ a: 'a:1', b: 'b:1', probability: 0.3 }], () => 0.5);
    expect(persons).toHaveLength(4);
  });
});

/** Two lists of a population; `pairs` of people appear on both lists but as separate records (missed links). */
function twoListRecords(): { records: LinkRecord[]; links: CandidateLink[] } {
  const records: LinkRecord[] = [];
  const links: CandidateLink[] = [];
  for (let i = 1; i <= 60; i++) records.push({ key: `a:${i}`, source: 'a' });
  for (let i = 1; i <= 50; i++) records.push({ key: `b:${i}`, source: 'b' });
  // 20 sure links, 10 uncertain ones (p = 0.5).
  for (let i = 1; i <= 30; i++) links.push({ a: `a:${i}`, b: `b:${i}`, probability: i <= 20 ? 0.99 : 0.5 });
  return { records, links };
}

describe('estimateOverClusterings', () => {
  const { records, links } = twoListRecords();
  const sources = [{ name: 'a' }, { name: 'b' }];

  it('spreads the estimate: fewer links, more persons, a higher estimate; repeatable for a seed', () => {
    const spread = estimateOverClusterings(records, links, sources, {}, { draws: 60, seed: 4 });
    expect(spread.estimable).toBe(60);
    expect(spread.persons.min).toBeGreaterThanOrEqual(80);
    expect(spread.persons.max).toBeLessThanOrEqual(91);
    const N = spread.N as { p2_5: number; median: number; p97_5: number };
    // All 30 links: Chapman 61·51/31 − 1 = 99.4; only the 20 sure ones: 61·51/21 − 1 = 147.1.
    expect(N.p2_5).toBeGreaterThan(99);
    expect(N.p97_5).toBeLessThan(148);
    expect(N.p97_5 - N.p2_5).toBeGreaterThan(10);
    expect(estimateOverClusterings(records, links, sources, {}, { draws: 60, seed: 4 })).toEqual(spread);
  });
});

describe('estimateAcrossThresholds', () => {
  it('a looser threshold that merges more records gives a lower estimate', () => {
    const random = createRandom(2);
    const strict: EstimatePerson[] = [];
    for (let i = 0; i < 300; i++) {
      const onA = random() < 0.4;
      const onB = random() < 0.4;
      if (onA || onB) strict.push({ sources: [...(onA ? ['a'] : []), ...(onB ? ['b'] : [])] });
    }
    // The looser run merges 10 pairs of different people: 10 a-only and 10 b-only records become 10 "both".
    const looser: EstimatePerson[] = [];
    let merged = 0;
    const aOnly = strict.filter((p) => p.sources.join() === 'a');
    const bOnly = strict.filter((p) => p.sources.join() === 'b');
    for (let i = 0; i < 10; i++) {
      looser.push({ sources: ['a', 'b'] });
      merged++;
    }
    looser.push(...aOnly.slice(10), ...bOnly.slice(10), ...strict.filter((p) => p.sources.length === 2));
    expect(merged).toBe(10);
    const rows = estimateAcrossThresholds(
      [
        { threshold: 0.95, persons: strict },
        { threshold: 0.8, persons: looser },
      ],
      [{ name: 'a' }, { name: 'b' }],
    );
    expect(rows.map((r) => r.label)).toEqual(['threshold 0.95', 'threshold 0.8']);
    expect(rows[1].persons).toBe(rows[0].persons - 10);
    expect(rows[1].estimate.N as number).toBeLessThan(rows[0].estimate.N as number);
  });
});

describe('linkageKey', () => {
  it('depends only on the capture histories (and the stratum when stratified), not on the order of persons', () => {
    const one: EstimatePerson[] = [{ sources: ['b', 'a'], place: 'almaty' }, { sources: ['a'] }, { sources: ['a'], place: 'atyrau' }];
    const other: EstimatePerson[] = [{ sources: ['a'], place: 'x' }, { sources: ['a', 'b'] }, { sources: ['a'] }];
    expect(linkageKey(one)).toBe(linkageKey(other));
    expect(linkageKey(one, 'place')).not.toBe(linkageKey(other, 'place'));
    expect(linkageKey([{ sources: ['a'] }])).not.toBe(linkageKey([{ sources: ['a', 'b'] }]));
  });
});

describe('threshold re-runs with the headline profiles only', () => {
  it('give the same totals as with every model profiled, for three lists with heterogeneity', () => {
    const random = createRandom(9);
    const persons: EstimatePerson[] = [];
    for (let i = 0; i < 400; i++) {
      const visible = random() < 0.3 ? 0.6 : 0.25;
      const sources = ['a', 'b', 'c'].filter(() => random() < visible);
      if (sources.length > 0) persons.push({ sources });
    }
    const sources = [{ name: 'a' }, { name: 'b' }, { name: 'c' }];
    const runs = [{ threshold: 0.9, persons }];
    const [fast] = estimateAcrossThresholds(runs, sources, {});
    const [full] = estimateAcrossThresholds(runs, sources, { profile: true });
    expect(fast.estimate).toEqual(full.estimate);
    expect(fast.estimate.lower as number).toBeGreaterThan(persons.length - 1);
  });

  it('a run whose capture histories are already known takes the known total', () => {
    const persons: EstimatePerson[] = [{ sources: ['a'] }, { sources: ['a', 'b'] }, { sources: ['b'] }];
    const known = { estimable: true, named: 3, N: 4, se: 1, lower: 3, upper: 9, method: 'known', interval: 'given' };
    const [row] = estimateAcrossThresholds([{ threshold: 0.9, persons }], [{ name: 'a' }, { name: 'b' }], {}, new Map([[linkageKey(persons), known]]));
    expect(row.estimate).toBe(known);
  });
});

describe('linkageRange', () => {
  const headline = { estimable: true, named: 1358, N: 1964, se: 160, lower: 1634, upper: 2269, method: 'm', interval: 'profile likelihood' };
  const row = (label: string, N: number, lower: number, upper: number | null) => ({
    label,
    persons: 1,
    estimate: { ...headline, N, lower, upper },
  });
  const spread = { draws: 30, seed: 1, estimable: 30, persons: { min: 1342, median: 1350, max: 1360 }, N: { p2_5: 1844, median: 1880, p97_5: 1952 } };

  it('spans the headline, the other thresholds and the sampled spread, naming where each end comes from', () => {
    const range = linkageRange(headline, [row('threshold 0.98', 2395, 1886, 2822), row('threshold 0.5', 1817, 1561, 2089)], spread);
    expect(range).toEqual({ lower: 1561, upper: 2822, widened: true, lowerFrom: 'threshold 0.5', upperFrom: 'threshold 0.98' });
  });

  it('is the headline interval when no other linkage reaches beyond it; unbounded when any interval is', () => {
    expect(linkageRange(headline, [row('threshold 0.95', 1900, 1700, 2200)], spread)).toMatchObject({ lower: 1634, upper: 2269, widened: false });
    expect(linkageRange(headline, [row('threshold 0.98', 2395, 1886, null)], null)).toMatchObject({ lower: 1634, upper: null, widened: true, upperFrom: 'threshold 0.98' });
  });

  it('is null when the headline is not estimable', () => {
    expect(linkageRange({ ...headline, estimable: false, N: null, lower: null, upper: null }, [], spread)).toBeNull();
  });
});
