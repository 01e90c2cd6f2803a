// Properties of diffLists on small random lists of synthetic records: a list against itself or a re-ordered copy
// shows no differences, and diffing the other way round swaps added and removed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLists } from '../../src/diff/index.js';
import { makeSource, type RecordSpec } from './build.js';

const SURNAMES = ['Ахметов', 'Жумабеков', 'Кенжебаев', 'Сапаров', 'Омаров', 'Байжанов', 'Сейткалиев', 'Тулегенов'];
const GIVEN = ['Серик', 'Ерлан', 'Нурлан', 'Азамат', 'Арман', 'Тимур', 'Данияр'];
const PLACES = ['almaty', 'taldykorgan', 'zhanaozen', 'shymkent'];

const record: fc.Arbitrary<RecordSpec> = fc
  .record({
    s: fc.constantFrom(...SURNAMES),
    g: fc.constantFrom(...GIVEN),
    age: fc.option(fc.integer({ min: 16, max: 80 }), { nil: undefined }),
    place: fc.option(fc.constantFrom(...PLACES), { nil: undefined }),
  })
  .map(({ s, g, age, place }) => ({ rawName: `${s} ${g}`, ...(age !== undefined ? { age } : {}), ...(place ? { place } : {}) }));

const list = fc.array(record, { minLength: 0, maxLength: 12 });

describe('diffLists properties', () => {
  it('a list against itself, or against a re-ordered copy, has no differences', () => {
    fc.assert(
      fc.property(list, fc.infiniteStream(fc.nat()), (xs, noise) => {
        const shuffled = xs.map((x) => ({ x, k: noise.next().value })).sort((p, q) => p.k - q.k).map((p) => p.x);
        const same = diffLists(makeSource('s', xs), makeSource('s', xs));
        expect(same.differences).toBe(0);
        expect(same.unchanged).toBe(xs.length);
        const moved = diffLists(makeSource('s', xs), makeSource('s', shuffled));
        expect(moved.differences).toBe(0);
        expect(moved.unchanged + moved.moved.length).toBe(xs.length);
      }),
      { numRuns: 40, seed: 2022 },
    );
  });

  it('diffing the other way round swaps added and removed and keeps the changes', () => {
    fc.assert(
      fc.property(list, list, (xs, ys) => {
        const ab = diffLists(makeSource('s', xs), makeSource('s', ys));
        const ba = diffLists(makeSource('s', ys), makeSource('s', xs));
        expect(ba.added.length).toBe(ab.removed.length);
        expect(ba.removed.length).toBe(ab.added.length);
        expect(ba.changed.length).toBe(ab.changed.length);
        expect(ab.added.length + ab.changed.length + ab.moved.length + ab.unchanged).toBe(ys.length);
        expect(ab.removed.length + ab.changed.length + ab.moved.length + ab.unchanged).toBe(xs.length);
      }),
      { numRuns: 40, seed: 2022 },
    );
  });
});
