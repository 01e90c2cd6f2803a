import { describe, expect, it } from 'vitest';
import { diffLists } from '../../src/diff/index.js';
import { findMoved } from '../../src/diff/pair-records.js';
import { makeSource, type RecordSpec } from './build.js';

const BASE: RecordSpec[] = [
  { rawName: 'Ахметов Серик Болатович', age: 23, place: 'almaty', dateOfDeath: '2022-01-05', category: 'civilian' },
  { rawName: 'Жумабекова Айгерим Нурлановна', age: 31, place: 'almaty', dateOfDeath: '2022-01-06', category: 'civilian' },
  { rawName: 'Кенжебаев Нурлан Асанович', age: 45, place: 'taldykorgan', dateOfDeath: '2022-01-05', category: 'security' },
  { rawName: 'Сапаров Ерлан Маратович', age: 19, dateOfDeath: '2022-01-07', category: 'civilian' },
  { rawName: 'Омарова Динара Каиратовна', age: 52, place: 'shymkent', category: 'other' },
];

describe('diffLists', () => {
  it('finds nothing between a list and itself', () => {
    const d = diffLists(makeSource('media', BASE), makeSource('media', BASE));
    expect(d.differences).toBe(0);
    expect(d.unchanged).toBe(5);
    expect([d.added, d.removed, d.changed, d.moved]).toEqual([[], [], [], []]);
  });

  it.each([
    {
      what: 'an added record',
      edit: (xs: RecordSpec[]) => [...xs.slice(0, 2), { rawName: 'Байжанов Азамат Ерланович', age: 27, place: 'almaty' }, ...xs.slice(2)],
      expect: { added: ['Байжанов Азамат Ерланович'], removed: [], changed: 0, moved: 0, unchanged: 5 },
    },
    {
      what: 'a removed record',
      edit: (xs: RecordSpec[]) => xs.filter((_, k) => k !== 1),
      expect: { added: [], removed: ['Жумабекова Айгерим Нурлановна'], changed: 0, moved: 0, unchanged: 4 },
    },
    {
      what: 'a record moved to the top',
      edit: (xs: RecordSpec[]) => [xs[3], ...xs.slice(0, 3), xs[4]],
      expect: { added: [], removed: [], changed: 0, moved: 1, unchanged: 4 },
    },
  ])('reports $what', ({ edit, expect: e }) => {
    const d = diffLists(makeSource('media', BASE), makeSource('media', edit(BASE)));
    expect(d.added.map((v) => v.name)).toEqual(e.added);
    expect(d.removed.map((v) => v.name)).toEqual(e.removed);
    expect(d.changed.length).toBe(e.changed);
    expect(d.moved.length).toBe(e.moved);
    expect(d.unchanged).toBe(e.unchanged);
    expect(d.differences).toBe(e.added.length + e.removed.length + e.changed);
  });

  it.each([
    { what: 'a respelled name (Kazakh letters)', patch: { rawName: 'Ахметов Серік Болатұлы' }, field: 'name', before: 'Ахметов Серик Болатович', after: 'Ахметов Серік Болатұлы' },
    { what: 'a transliterated name', patch: { rawName: 'Akhmetov Serik Bolatovich' }, field: 'name', before: 'Ахметов Серик Болатович', after: 'Akhmetov Serik Bolatovich' },
    { what: 'a corrected age', patch: { age: 24 }, field: 'age', before: '23', after: '24' },
    { what: 'a corrected date of death', patch: { dateOfDeath: '2022-01-06' }, field: 'date_of_death', before: '2022-01-05', after: '2022-01-06' },
    { what: 'a removed place', patch: { place: undefined }, field: 'place', before: 'almaty', after: undefined },
  ])('reports $what as a change of one record, not a removal and an addition', ({ patch, field, before, after }) => {
    const edited = BASE.map((r, k) => (k === 0 ? { ...r, ...patch } : r));
    const d = diffLists(makeSource('media', BASE), makeSource('media', edited));
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0].changes).toEqual([{ field, ...(before ? { before } : {}), ...(after ? { after } : {}) }]);
    expect(d.unchanged).toBe(4);
  });

  it('reports a place added to a record that had none', () => {
    const edited = BASE.map((r, k) => (k === 3 ? { ...r, place: 'zhanaozen' } : r));
    const d = diffLists(makeSource('media', BASE), makeSource('media', edited));
    expect(d.changed.map((p) => [p.new.row, p.changes])).toEqual([[4, [{ field: 'place', after: 'zhanaozen' }]]]);
  });

  it('pairs a respelled name with a corrected age in one change', () => {
    const edited = BASE.map((r, k) => (k === 1 ? { ...r, rawName: 'Жумабекова Айгерім Нұрланқызы', age: 32 } : r));
    const d = diffLists(makeSource('media', BASE), makeSource('media', edited));
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0].changes.map((c) => c.field)).toEqual(['name', 'age']);
    expect(d.changed[0].pairedBy).toBe('names-engine');
  });

  it('does not pair a different person (another sex) as a respelling', () => {
    const edited = BASE.map((r, k) => (k === 0 ? { ...r, rawName: 'Ахметова Сания Болатовна', age: 60 } : r));
    const d = diffLists(makeSource('media', BASE), makeSource('media', edited));
    expect(d.removed.map((v) => v.name)).toEqual(['Ахметов Серик Болатович']);
    expect(d.added.map((v) => v.name)).toEqual(['Ахметова Сания Болатовна']);
  });

  it('pairs by the own id when it identifies records, and reports an id change otherwise', () => {
    const withIds = BASE.map((r, k) => ({ ...r, sourceId: String(100 + k) }));
    const edited = withIds.map((r, k) => (k === 2 ? { ...r, rawName: 'Kenzhebayev Nurlan', age: 46 } : r));
    const d = diffLists(makeSource('media', withIds), makeSource('media', [...edited].reverse()));
    expect(d.changed.map((p) => [p.old.row, p.new.row, p.pairedBy, p.changes.map((c) => c.field)])).toEqual([[3, 3, 'id', ['name', 'age']]]);
    expect(d.differences).toBe(1);
  });

  it('does not trust a running number that shifted after an insertion', () => {
    const numbered = (xs: RecordSpec[]) => xs.map((r, k) => ({ ...r, sourceId: String(k + 1) }));
    const inserted = [{ rawName: 'Байжанов Азамат Ерланович', age: 27 }, ...BASE];
    const d = diffLists(makeSource('media', numbered(BASE)), makeSource('media', numbered(inserted)));
    expect(d.added.map((v) => v.name)).toEqual(['Байжанов Азамат Ерланович']);
    expect(d.changed).toEqual([]);
    expect(d.moved).toEqual([]);
    expect(d.notes.join(' ')).toMatch(/running number/);
  });

  it('compares columns it does not interpret when both versions have them', () => {
    const cells = (xs: RecordSpec[], rank: (k: number) => string) => xs.map((r, k) => ({ ...r, cells: { ФИО: r.rawName, Звание: rank(k) } }));
    const d = diffLists(makeSource('media', cells(BASE, () => '')), makeSource('media', cells(BASE, (k) => (k === 2 ? 'майор' : ''))));
    expect(d.changed.map((p) => p.changes)).toEqual([[{ field: 'column:Звание', after: 'майор' }]]);
  });
});

describe('diffLists: rows without a usable name', () => {
  const rejected = (row: number, cells: Record<string, string>) => ({ source: 'ngo', row, line: row + 1, key: `ngo:${row}`, rawName: '???', reason: 'name "???" has no letters', cells });

  it('pairs nameless rows by their values whatever the headers, and reports the ones added or removed', () => {
    const old = makeSource('ngo', BASE.slice(0, 2), { rejected: [rejected(3, { ФИО: '???', Возраст: '40' }), rejected(4, { ФИО: '-', Возраст: '' })] });
    const neu = makeSource('ngo', BASE.slice(0, 2), { rejected: [rejected(3, { 'Full name': '???', Age: '40' }), rejected(5, { 'Full name': 'н/д', Age: '33' })] });
    const d = diffLists(old, neu);
    expect(d.rejectedRemoved.map((r) => r.row)).toEqual([4]);
    expect(d.rejectedAdded.map((r) => r.row)).toEqual([5]);
    expect(d.differences).toBe(2);
  });
});

describe('findMoved', () => {
  it.each([
    { pairs: [], moved: [] },
    { pairs: [[1, 1], [2, 2], [3, 3]], moved: [false, false, false] },
    { pairs: [[1, 2], [2, 3], [3, 4]], moved: [false, false, false] },
    { pairs: [[1, 1], [2, 3], [3, 2]], moved: [false, true, false] },
    { pairs: [[1, 5], [2, 1], [3, 2], [4, 3]], moved: [true, false, false, false] },
  ] as Array<{ pairs: Array<[number, number]>; moved: boolean[] }>)('$pairs', ({ pairs, moved }) => {
    expect(findMoved(pairs)).toEqual(moved);
  });
});
