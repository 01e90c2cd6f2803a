// Blocking: all pairs for small inputs, rules for larger ones, no self or repeated pairs, typo-tolerant keys.
import { describe, expect, it } from 'vitest';
import { blockRecords, namePrefixKeys } from '../../src/match/blocking.js';
import { parseName } from '../../src/names/index.js';
import { makeRecords, type RecordSpec } from './helpers.js';

const SPECS: RecordSpec[] = [
  { source: 'a', person: '1', name: 'Ахметов Ерлан Серикович', age: 34 },
  { source: 'b', person: '1', name: 'Akhmetov Yerlan', age: 34 },
  { source: 'a', person: '2', name: 'Руденко А.', age: 50 },
  { source: 'b', person: '2', name: 'Aleksandr Rudenlo', age: 50 },
  { source: 'c', person: '3', name: 'Жумабаева Жанна', age: 28 },
  { source: 'c', person: '4', name: 'Сапаров Нурлан', age: 45 },
  { source: 'b', person: '5', name: 'Ким Виктор', age: 52 },
];

function pairs(a: Uint32Array, b: Uint32Array): string[] {
  return Array.from(a, (x, p) => `${x}-${b[p]}`);
}

describe('blockRecords', () => {
  const records = makeRecords(SPECS);

  it('compares all pairs of a small input, except inside a duplicate-free source', () => {
    const r = blockRecords(records, { uniqueSources: ['c'] });
    expect(r.rules).toEqual([{ name: 'all-pairs', pairs: 20 }]);
    expect(pairs(r.a, r.b)).not.toContain('4-5');
    expect(r.a.length).toBe(20);
  });

  it('with rules: pairs are sorted, a < b, without repeats, and the spellings of one person meet', () => {
    const r = blockRecords(records, { allPairsUpTo: 0 });
    const list = pairs(r.a, r.b);
    expect(new Set(list).size).toBe(list.length);
    for (let p = 0; p < r.a.length; p++) {
      expect(r.a[p]).toBeLessThan(r.b[p]);
      if (p > 0) expect(r.a[p - 1] * 100 + r.b[p - 1]).toBeLessThan(r.a[p] * 100 + r.b[p]);
    }
    expect(list).toContain('0-1');
    expect(list).toContain('2-3'); // a typo late in the surname, an initial for the given name
    expect(r.rules.map((x) => x.name)).toEqual(['name-keys', 'name-prefix']);
    expect(r.a.length).toBeLessThan((records.length * (records.length - 1)) / 2);
  });

  it('compares a huge block within fact groups and a sorted window, and says so', () => {
    const many: RecordSpec[] = Array.from({ length: 60 }, (_, i) => ({
      source: `s${i % 3}`,
      person: String(i),
      name: `Ахметов Ерлан`,
      age: 20 + (i % 40),
    }));
    const r = blockRecords(makeRecords(many), { allPairsUpTo: 0, maxBlock: 10, window: 5 });
    expect(r.capped.length).toBeGreaterThan(0);
    expect(r.capped[0]).toMatch(/has 60 records: compared within fact groups and sorted windows of 5/);
    expect(r.a.length).toBeLessThanOrEqual(60 * 5 * 4);
  });

  it('compares all pairs of records written with the same words in a large block, up to twice the block limit', () => {
    // 16 records of one common name without any fact, and 6 more sharing the block key: the block (22) is over the
    // limit (10), the same-name group (16) within twice the limit.
    const specs: RecordSpec[] = [
      ...Array.from({ length: 16 }, (_, i) => ({ source: `s${i % 4}`, person: String(i), name: i % 2 ? 'Yerlan Akhmetov' : 'Ахметов Ерлан' })),
      ...Array.from({ length: 6 }, (_, i) => ({ source: `s${i % 4}`, person: `x${i}`, name: `Ахметов Е${'абвгде'[i]}ман` })),
    ];
    const recs = makeRecords(specs);
    const r = blockRecords(recs, { allPairsUpTo: 0, maxBlock: 10, window: 2, subMax: 4, groupWindow: 1 });
    const list = new Set(pairs(r.a, r.b));
    for (let i = 0; i < 16; i++) for (let j = i + 1; j < 16; j++) expect(list.has(`${i}-${j}`)).toBe(true);
  });

  it('pairs every two members of a large block that share a fact, in each of several blocks', () => {
    // Two surnames, 24 records each (blocks over the limit of 8: the given names share their first letter), every
    // record with its own given name so that no same-words group forms, and a window of 1. In each block the records
    // 0, 6, 12, 18 share a place and a date of death, the records 3, 9, 15, 21 a year of birth: each quartet is a
    // fact group and all its pairs are compared.
    const given = ['Ерлан', 'Ержан', 'Ербол', 'Еркин', 'Ернар', 'Ерасыл', 'Ерик', 'Ермек', 'Ертай', 'Есен', 'Ескен', 'Едил'];
    const specs: RecordSpec[] = [];
    for (const surname of ['Ахметов', 'Сапаров']) {
      for (let i = 0; i < 24; i++) {
        const spec: RecordSpec = { source: `s${i % 4}`, person: `${surname}${i}`, name: `${surname} ${given[i % 12]}${i < 12 ? '' : 'бек'}` };
        if (i % 6 === 0) Object.assign(spec, { place: 'aktau', dateOfDeath: '2022-01-05' });
        else if (i % 6 === 3) spec.birthYear = 1970;
        else spec.birthYear = 1900 + 3 * i + (surname === 'Ахметов' ? 0 : 1);
        specs.push(spec);
      }
    }
    const recs = makeRecords(specs);
    const r = blockRecords(recs, { allPairsUpTo: 0, maxBlock: 8, window: 1, subMax: 10 });
    expect(r.capped.some((c) => /has 24 records/.test(c))).toBe(true);
    const list = new Set(pairs(r.a, r.b));
    for (const base of [0, 24]) {
      for (const group of [[0, 6, 12, 18], [3, 9, 15, 21]]) {
        for (const x of group) for (const y of group) if (x < y) expect(list.has(`${base + x}-${base + y}`)).toBe(true);
      }
    }
    // Sharing a fact across the two surnames brings nothing: the blocks are apart.
    expect(list.has('0-24')).toBe(false);
  });

  it('never pairs a record without a usable name', () => {
    const recs = makeRecords([...SPECS, { source: 'a', person: '9', name: '—', age: 34 }]);
    expect(recs[recs.length - 1].name.empty).toBe(true);
    const r = blockRecords(recs);
    expect(Array.from(r.b)).not.toContain(recs.length - 1);
  });
});

describe('namePrefixKeys', () => {
  it('joins a four-letter skeleton prefix of a full token to the first letter of each other token', () => {
    const a = namePrefixKeys(parseName('Руденко А.'));
    const b = namePrefixKeys(parseName('Aleksandr Rudenlo'));
    expect(a.filter((k) => b.includes(k)).length).toBeGreaterThan(0);
    expect(namePrefixKeys(parseName(''))).toEqual([]);
  });
});
