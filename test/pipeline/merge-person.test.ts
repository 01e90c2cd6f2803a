// Persons from clusters: one-record persons take the record's values as they are (empty ones left out), groups pick
// the most frequent value and record conflicts; confidence from the links.
import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '../../src/core/types.js';
import { buildPersons } from '../../src/merge/merge-person.js';
import { parseName } from '../../src/names/index.js';
import type { PreparedRecord } from '../../src/pipeline/prepare.js';

function prepared(source: string, row: number, name: string, extra: Partial<SourceRecord> = {}, ageAtEvent?: number): PreparedRecord {
  const record: SourceRecord = { source, row, line: row + 1, key: `${source}:${row}`, rawName: name, cells: {}, warnings: [], ...extra };
  return { record, name: parseName(name), ageAtEvent };
}

const records: PreparedRecord[] = [
  prepared('media', 1, 'Тестова Айгуль', { place: '', region: 'almaty-city', dateOfDeath: '2022-01-05' }, 30),
  prepared('ngo', 1, 'Тестов Ерлан', { sex: 'M', place: 'almaty', region: 'almaty-city', category: 'civilian' }, 41),
  prepared('ngo', 2, 'Тестов Ерлан Серикович', { place: 'almaty', category: 'civilian', dateOfDeath: '2022-01-06' }, 42),
  prepared('media', 2, 'Testov Erlan', { place: 'taraz', category: 'civilian', dateOfDeath: '2022-01-06' }, 45),
];

describe('buildPersons', () => {
  const persons = buildPersons(records, [[0], [3, 1, 2]], ['P-A', 'P-B'], [
    { a: 1, b: 2, probability: 0.97 },
    { a: 2, b: 3, probability: 0.93 },
  ], [{ a: 0, b: 1, probability: 0.4 }]);
  const byId = new Map(persons.map((p) => [p.id, p]));

  it('gives a one-record person its own values, leaving out empty ones', () => {
    const p = byId.get('P-A')!;
    expect(p).toMatchObject({
      members: [0],
      nameCyrillic: records[0].name.cyrillic,
      sex: 'F',
      age: 30,
      dateOfDeath: '2022-01-05',
      place: undefined,
      region: 'almaty-city',
      category: undefined,
      sources: ['media'],
      records: ['media:1'],
      conflicts: [],
    });
    expect(p.confidence).toBeCloseTo(0.6, 10);
  });

  it('gives a group the richest name, the most frequent values, its conflicts and its weakest spanning link', () => {
    const p = byId.get('P-B')!;
    expect(p.members).toEqual([1, 2, 3]);
    expect(p.nameCyrillic).toBe(records[2].name.cyrillic);
    expect(p.sources).toEqual(['media', 'ngo']);
    expect(p.records).toEqual(['ngo:1', 'ngo:2', 'media:2']);
    expect(p.place).toBe('almaty');
    expect(p.region).toBe('almaty-city');
    expect(p.dateOfDeath).toBe('2022-01-06');
    expect(p.confidence).toBeCloseTo(0.93, 10);
    expect(p.conflicts.map((c) => c.field).sort()).toEqual(['age', 'place']);
  });

  it('sorts persons by Cyrillic name', () => {
    expect(persons.map((p) => p.nameCyrillic)).toEqual([...persons.map((p) => p.nameCyrillic)].sort());
  });
});
