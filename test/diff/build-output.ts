// Builds the records.csv and merged.csv of a merge output from a compact description (synthetic names).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECORDS_HEADER, MERGED_HEADER } from '../../src/report/render-csv.js';
import { toCsv, type CsvOptions } from '../../src/report/csv.js';

export interface PersonSpec {
  id: string;
  name: string;
  age?: string;
  place?: string;
  /** [source:row, name as written] */
  records: Array<[string, string]>;
}

export function outputTexts(persons: PersonSpec[], rejected: Array<[string, string, string]> = [], csv: CsvOptions = {}): { records: string; merged: string } {
  const rows: string[][] = [];
  for (const p of persons) {
    for (const [key, name] of p.records) {
      const [source, row] = key.split(':');
      rows.push([source, row, p.id, 'linked', name, name.toLowerCase(), '', '']);
    }
  }
  for (const [key, name, reason] of rejected) {
    const [source, row] = key.split(':');
    rows.push([source, row, '', 'rejected', name, '', '', reason]);
  }
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : Number(a[1]) - Number(b[1])));
  const merged = persons.map((p) => {
    const sources = [...new Set(p.records.map(([k]) => k.split(':')[0]))].sort();
    const row: Record<string, string> = {
      person_id: p.id,
      name_cyrillic: p.name,
      name_latin: '',
      sex: '',
      age: p.age ?? '',
      place: p.place ?? '',
      sources: sources.join(';'),
      n_sources: String(sources.length),
      records: p.records.map(([k]) => k).join(';'),
      confidence: '0.990',
    };
    return MERGED_HEADER.map((h) => row[h] ?? '');
  });
  return { records: toCsv(RECORDS_HEADER, rows, csv), merged: toCsv(MERGED_HEADER, merged, csv) };
}

export function writeOutput(dir: string, persons: PersonSpec[], rejected: Array<[string, string, string]> = []): string {
  mkdirSync(dir, { recursive: true });
  const t = outputTexts(persons, rejected);
  writeFileSync(join(dir, 'records.csv'), t.records);
  writeFileSync(join(dir, 'merged.csv'), t.merged);
  return dir;
}

/** An old run and a new run with one change of each kind. */
export const OLD_RUN: PersonSpec[] = [
  { id: 'P0001', name: 'Ахметов Серик', records: [['media:1', 'Ахметов Серик'], ['ngo:1', 'Ахметов Серік Болатұлы']] },
  { id: 'P0002', name: 'Жумабекова Айгерим', records: [['media:2', 'Жумабекова Айгерим']] },
  { id: 'P0003', name: 'Жумабекова Айгерим Нурлановна', records: [['ngo:2', 'Жумабекова Айгерім Нұрланқызы']] },
  { id: 'P0004', name: 'Кенжебаев Нурлан', records: [['media:3', 'Кенжебаев Нурлан'], ['ngo:3', 'Кенжебаев Нұрлан Асанұлы']] },
  { id: 'P0005', name: 'Сапаров Ерлан', records: [['media:4', 'Сапаров Ерлан']] },
  { id: 'P0006', name: 'Омарова Динара', age: '52', records: [['media:5', 'Омарова Динара']] },
];

export const NEW_RUN: PersonSpec[] = [
  { id: 'P0001', name: 'Ахметов Серик', records: [['media:1', 'Ахметов Серик'], ['ngo:1', 'Ахметов Серік Болатұлы']] },
  { id: 'P0002', name: 'Жумабекова Айгерим Нурлановна', records: [['media:2', 'Жумабекова Айгерим'], ['ngo:2', 'Жумабекова Айгерім Нұрланқызы']] },
  { id: 'P0004', name: 'Кенжебаев Нурлан', records: [['media:3', 'Кенжебаев Нурлан']] },
  { id: 'P0007', name: 'Кенжебаев Нурлан Асанович', records: [['ngo:3', 'Кенжебаев Нұрлан Асанұлы']] },
  { id: 'P0006', name: 'Омарова Динара', age: '53', records: [['media:4', 'Омарова Динара'], ['intl:1', 'Dinara Omarova']] },
  { id: 'P0008', name: 'Байжанов Азамат', records: [['media:5', 'Байжанов Азамат']] },
];
