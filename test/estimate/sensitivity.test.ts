// Linkage-aware uncertainty: estimates across thresholds and over clusterings sampled from link probabilities.
import { describe, expect, it } from 'vitest';
import { estimateAcrossThresholds, estimateOverClusterings, sampleClustering } from '../../src/estimate/index.js';
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
